package io.walletdesk.identity;

import io.walletdesk.shared.i18n.SupportedLanguage;
import java.io.Serializable;
import java.security.Principal;
import java.time.ZoneId;

/**
 * The principal of every authenticated request, on pages and on the API. {@code restricted} is true for a
 * locked or disabled customer: such a session reaches support pages and nothing else.
 */
public record SignedInUser(long userId, Role role, String displayName, boolean restricted,
        SupportedLanguage language, ZoneId zone) implements Serializable, Principal {

    /** The user id: sessions are indexed by it, so all of a user's sessions can be found. */
    @Override
    public String getName() {
        return Long.toString(userId);
    }

    public boolean isStaff() {
        return role.isStaff();
    }
}
