package io.walletdesk.identity.internal;

import io.walletdesk.identity.AccountStatus;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.time.UserTime;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Builds the request principal from the current state of the account, so status changes apply at once. */
@Service
class Principals {

    private final UserAccountRepository users;

    Principals(UserAccountRepository users) {
        this.users = users;
    }

    public Optional<SignedInUser> load(long userId) {
        return users.findById(userId).flatMap(Principals::principalFor);
    }

    /** Empty for staff who are locked or disabled: they get no session at all. */
    static Optional<SignedInUser> principalFor(UserAccount user) {
        boolean restricted = user.restrictedToSupport();
        if (restricted && user.role() != Role.CUSTOMER) {
            return Optional.empty();
        }
        return Optional.of(new SignedInUser(user.id(), user.role(), user.displayName(), restricted, user.language(),
                UserTime.parseZone(user.timeZone())));
    }

    /** The same rules ({@code restrictedToSupport}: status not ACTIVE) from the columns of {@code users} (for the API's one-query token check). */
    static Optional<SignedInUser> principalFor(long id, Role role, String displayName, AccountStatus status,
            String preferredLanguage, String timeZone) {
        boolean restricted = status != AccountStatus.ACTIVE;
        if (restricted && role != Role.CUSTOMER) {
            return Optional.empty();
        }
        return Optional.of(new SignedInUser(id, role, displayName, restricted,
                SupportedLanguage.fromTag(preferredLanguage).orElse(SupportedLanguage.EN), UserTime.parseZone(timeZone)));
    }
}
