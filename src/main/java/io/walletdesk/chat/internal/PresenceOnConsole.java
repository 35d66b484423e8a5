package io.walletdesk.chat.internal;

import io.walletdesk.identity.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The staff console (identity's page) shows the availability the person chose, not always Online. Looked up
 * only for that page, so no other request pays for it.
 */
@ControllerAdvice
class PresenceOnConsole {

    private static final String CONSOLE = "/staff";

    private final AgentPresence presence;

    PresenceOnConsole(AgentPresence presence) {
        this.presence = presence;
    }

    @ModelAttribute("myPresence")
    AgentPresence.Status myPresence(@AuthenticationPrincipal SignedInUser me, HttpServletRequest request) {
        boolean console = CONSOLE.equals(request.getServletPath());
        return me != null && me.isStaff() && console ? presence.statusOf(me.userId()) : null;
    }
}
