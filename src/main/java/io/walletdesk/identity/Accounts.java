package io.walletdesk.identity;

import io.walletdesk.identity.internal.AccountStatusService;
import io.walletdesk.identity.internal.AccountViews;
import io.walletdesk.shared.web.ClientInfo;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The identity module's API for other modules: look up accounts and lock or unlock them (e.g. the wallet's
 * suspicious-activity rules lock an account; approved identity verification unlocks it).
 */
@Service
public class Accounts {

    private final AccountStatusService status;
    private final AccountViews views;

    Accounts(AccountStatusService status, AccountViews views) {
        this.status = status;
        this.views = views;
    }

    public Optional<AccountView> find(long userId) {
        return views.find(userId);
    }

    /** A customer by phone number in any common Indonesian format. */
    public Optional<AccountView> findCustomerByPhone(String phone) {
        return views.customerByPhone(phone);
    }

    /** A customer by e-mail address (case-insensitive). */
    public Optional<AccountView> findCustomerByEmail(String email) {
        return status.customerByEmail(email);
    }

    /** Locks the account; the customer keeps a support-only session. Publishes {@link AccountLocked}. */
    public AccountView lock(LockAccount command) {
        return status.lock(command, command.byStaffUserId() == null ? "SYSTEM" : null, ClientInfo.system());
    }

    /** Unlocks a locked account. Publishes {@link AccountUnlocked}. */
    public AccountView unlock(UnlockAccount command) {
        return status.unlock(command, command.byStaffUserId() == null ? "SYSTEM" : null, ClientInfo.system());
    }

    /** Unlocks on a staff member's action, naming their role in the audit entry. Publishes {@link AccountUnlocked}. */
    public AccountView unlock(UnlockAccount command, Role actorRole, ClientInfo client) {
        return status.unlock(command, actorRole.name(), client);
    }
}
