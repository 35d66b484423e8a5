package io.walletdesk.identity.internal;

import io.walletdesk.identity.SignedInUser;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Authorities of a principal: its role, or only ROLE_RESTRICTED for a support-only session. */
final class RestrictedAccess {

    private RestrictedAccess() {
    }

    static List<GrantedAuthority> authoritiesOf(SignedInUser user) {
        return List.of(new SimpleGrantedAuthority(user.restricted() ? "ROLE_RESTRICTED" : "ROLE_" + user.role().name()));
    }

    static boolean isRestricted() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof SignedInUser user && user.restricted();
    }
}
