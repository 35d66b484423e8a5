package io.walletdesk.identity;

import io.walletdesk.shared.web.ClientInfo;
import java.util.Optional;

/**
 * The identity module's API for other modules: look up accounts and lock or unlock them (e.g. the wallet's
 * suspicious-activity rules lock an account; approved identity verification unlocks it). An interface, so
 * that its implementation and everything behind it stay package-private in {@code identity.internal}.
 */
public interface Accounts {

    Optional<AccountView> find(long userId);

    /** A customer by phone number in any common Indonesian format. */
    Optional<AccountView> findCustomerByPhone(String phone);

    /** A customer by e-mail address (case-insensitive). */
    Optional<AccountView> findCustomerByEmail(String email);

    /** Locks the account; the customer keeps a support-only session. Publishes {@link AccountLocked}. */
    AccountView lock(LockAccount command);

    /** Unlocks a locked account. Publishes {@link AccountUnlocked}. */
    AccountView unlock(UnlockAccount command);

    /** Unlocks on a staff member's action, naming their role in the audit entry. Publishes {@link AccountUnlocked}. */
    AccountView unlock(UnlockAccount command, Role actorRole, ClientInfo client);
}
