package io.walletdesk.chat.internal;

import io.walletdesk.identity.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** An agent sets their chat availability from the staff console. */
@Controller
class PresencePageController {

    private final AgentPresence presence;

    PresencePageController(AgentPresence presence) {
        this.presence = presence;
    }

    @PostMapping("/staff/presence")
    String set(@AuthenticationPrincipal SignedInUser me, @RequestParam AgentPresence.Status status) {
        presence.report(me.userId(), status);
        return "redirect:/staff";
    }
}
