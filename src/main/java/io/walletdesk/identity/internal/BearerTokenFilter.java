package io.walletdesk.identity.internal;

import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.i18n.WalletDeskLocaleResolver;
import io.walletdesk.shared.time.UserTime;
import io.walletdesk.shared.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates API requests carrying {@code Authorization: Bearer wda_...}; the account's current state decides. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;
    private final Principals principals;
    private final Problems problems;

    BearerTokenFilter(ApiTokens tokens, Principals principals, Problems problems) {
        this.tokens = tokens;
        this.principals = principals;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<SignedInUser> user = tokens.principalFor(header.substring(7).trim());
        if (user.isEmpty()) {
            SecurityContextHolder.clearContext();
            problems.write(request, response, "invalid-token", HttpStatus.UNAUTHORIZED);
            return;
        }
        SignedInUser principal = user.get();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null,
                RestrictedAccess.authoritiesOf(principal)));
        SecurityContextHolder.setContext(context);
        request.setAttribute(WalletDeskLocaleResolver.USER_LANGUAGE_ATTRIBUTE, principal.language());
        request.setAttribute(UserTime.USER_ZONE_ATTRIBUTE, principal.zone());
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
