package io.walletdesk.identity.internal;

import io.walletdesk.identity.SignedInUser;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/** Starts page sessions after a successful sign-in, with a new session id (no session fixation). */
@Component
class WebSessions {

    /**
     * Sessions are Java-serialized into the database. The key changed when {@link PendingSecondFactor} moved from
     * {@code identity.web} to {@code identity.internal}: a value stored under the old key names a class that is
     * gone, and is never read (its user signs in again) instead of failing to deserialize.
     */
    static final String PENDING_SECOND_FACTOR = "walletdesk.identity.pendingSecondFactor";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecurityContextRepository contexts;

    WebSessions(SecurityContextRepository contexts) {
        this.contexts = contexts;
    }

    void signIn(SignedInUser user, HttpServletRequest request, HttpServletResponse response) {
        var session = request.getSession(true);
        session.removeAttribute(PENDING_SECOND_FACTOR);
        request.changeSessionId();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                RestrictedAccess.authoritiesOf(user)));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    void awaitSecondFactor(long userId, HttpServletRequest request) {
        var session = request.getSession(true);
        request.changeSessionId();
        session.setAttribute(PENDING_SECOND_FACTOR, new PendingSecondFactor(userId, Instant.now().plus(Duration.ofMinutes(5))));
    }

    Long pendingSecondFactor(HttpServletRequest request) {
        var session = request.getSession(false);
        if (session != null && session.getAttribute(PENDING_SECOND_FACTOR) instanceof PendingSecondFactor pending
                && pending.expiresAt().isAfter(Instant.now())) {
            return pending.userId();
        }
        return null;
    }

    /** Gives the browser a long-lived random device id so we can recognise it at the next sign-in. */
    static void ensureDeviceCookie(HttpServletRequest request, HttpServletResponse response) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (io.walletdesk.shared.web.ClientInfo.DEVICE_COOKIE.equals(cookie.getName())) {
                    return;
                }
            }
        }
        byte[] id = new byte[18];
        RANDOM.nextBytes(id);
        Cookie cookie = new Cookie(io.walletdesk.shared.web.ClientInfo.DEVICE_COOKIE,
                Base64.getUrlEncoder().withoutPadding().encodeToString(id));
        cookie.setPath("/");
        cookie.setHttpOnly(true);
        cookie.setSecure(request.isSecure());
        cookie.setMaxAge((int) Duration.ofDays(730).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
    }

    record PendingSecondFactor(long userId, Instant expiresAt) implements java.io.Serializable {
    }
}
