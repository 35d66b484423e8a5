package io.walletdesk.identity.internal;

import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.Accounts;
import io.walletdesk.identity.LockAccount;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.UnlockAccount;
import io.walletdesk.shared.web.ClientInfo;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** {@link Accounts} for other modules: views by one plain query, locks and unlocks by {@link AccountStatusService}. */
@Service
class AccountDirectory implements Accounts {

    private final AccountStatusService status;
    private final AccountViews views;

    AccountDirectory(AccountStatusService status, AccountViews views) {
        this.status = status;
        this.views = views;
    }

    @Override
    public Optional<AccountView> find(long userId) {
        return views.find(userId);
    }

    @Override
    public Optional<AccountView> findCustomerByPhone(String phone) {
        return views.customerByPhone(phone);
    }

    @Override
    public Optional<AccountView> findCustomerByEmail(String email) {
        return status.customerByEmail(email);
    }

    @Override
    public AccountView lock(LockAccount command) {
        return status.lock(command, command.byStaffUserId() == null ? "SYSTEM" : null, ClientInfo.system());
    }

    @Override
    public AccountView unlock(UnlockAccount command) {
        return status.unlock(command, command.byStaffUserId() == null ? "SYSTEM" : null, ClientInfo.system());
    }

    @Override
    public AccountView unlock(UnlockAccount command, Role actorRole, ClientInfo client) {
        return status.unlock(command, actorRole.name(), client);
    }
}
