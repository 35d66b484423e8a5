package io.walletdesk.reachability.internal;

import java.util.List;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/** Who is acting: the user id (the principal's name) and highest role, or nobody when signed out. */
record Actor(Long userId, String role) {

    static Actor of(Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated() || authentication.getName() == null
                || !authentication.getName().matches("\\d{1,18}")) {
            return new Actor(null, null);
        }
        List<String> roles = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        String role = "CUSTOMER";
        for (String candidate : List.of("ADMIN", "SUPERVISOR", "AGENT", "CUSTOMER", "RESTRICTED")) {
            if (roles.contains("ROLE_" + candidate)) {
                role = candidate;
                break;
            }
        }
        return new Actor(Long.parseLong(authentication.getName()), role);
    }

    boolean signedIn() {
        return userId != null;
    }
}
