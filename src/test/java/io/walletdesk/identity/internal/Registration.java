package io.walletdesk.identity.internal;

import io.walletdesk.identity.Role;
import io.walletdesk.shared.web.ClientInfo;
import org.springframework.stereotype.Component;

/**
 * Test fixture: creates customers and staff for the tests of every module, through the app's own
 * {@link NewAccounts} (password policy, hashing, audit, events). It keeps the name and package of the service
 * the tests used when it was public, so they need no change; production code sees only the package-private
 * {@code NewAccounts}. A bean only where test classes are on the class path.
 */
@Component
public class Registration {

    private final NewAccounts accounts;

    Registration(NewAccounts accounts) {
        this.accounts = accounts;
    }

    /** A customer as they register themselves. Phone is required; e-mail optional. */
    public record RegisterCustomer(String phone, String email, String name, String language, String password) {
    }

    /** Registers a customer; refuses a phone or e-mail that already has an account (409). */
    public long register(RegisterCustomer command, ClientInfo client) {
        return accounts.register(new NewAccounts.RegisterCustomer(command.phone(), command.email(), command.name(),
                command.language(), command.password()), client);
    }

    /** Creates a staff user as an admin would; the password policy applies. */
    public long createStaff(Role role, String email, String name, String password, Long byAdminUserId,
            ClientInfo client) {
        return accounts.createStaff(role, email, name, password, byAdminUserId, client);
    }
}
