package io.walletdesk.identity.internal;

import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.i18n.WalletDeskLocaleResolver;
import io.walletdesk.shared.time.UserTime;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the signed-in account on every page request, so a lock, unlock, role or language change applies
 * at once on every node, not at the next sign-in.
 */
class CurrentUserFilter extends OncePerRequestFilter {

    private final Principals principals;
    private final SecurityContextRepository contexts;

    CurrentUserFilter(Principals principals, SecurityContextRepository contexts) {
        this.principals = principals;
        this.contexts = contexts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/webjars/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser current) {
            Optional<SignedInUser> fresh = principals.load(current.userId());
            if (fresh.isEmpty()) {
                SecurityContextHolder.clearContext();
                var session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else {
                SignedInUser user = fresh.get();
                if (!Objects.equals(user, current)) {
                    var context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                            RestrictedAccess.authoritiesOf(user)));
                    SecurityContextHolder.setContext(context);
                    contexts.saveContext(context, request, response);
                }
                request.setAttribute(WalletDeskLocaleResolver.USER_LANGUAGE_ATTRIBUTE, user.language());
                request.setAttribute(UserTime.USER_ZONE_ATTRIBUTE, user.zone());
            }
        }
        chain.doFilter(request, response);
    }
}
