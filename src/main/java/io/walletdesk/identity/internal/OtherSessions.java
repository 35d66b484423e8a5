package io.walletdesk.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/** Ends a user's other web sessions (on every node: they live in the database), e.g. after a password change. */
@Component
class OtherSessions {

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    OtherSessions(FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.sessions = sessions;
    }

    void end(long userId, HttpServletRequest current) {
        var session = current.getSession(false);
        String keep = session == null ? null : session.getId();
        sessions.findByPrincipalName(Long.toString(userId)).keySet().stream()
                .filter(id -> !id.equals(keep))
                .forEach(sessions::deleteById);
    }

    /** Ends every web session of the user, e.g. after a password reset (made from a session not signed in). */
    void endAll(long userId) {
        sessions.findByPrincipalName(Long.toString(userId)).keySet().forEach(sessions::deleteById);
    }
}
