package io.walletdesk.knowledge.internal;

import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.FirstResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the assistant understood and answered, message by message. Agents correct a wrong intent (the
 * correction is training data); supervisors switch the assistant on or off and build a new model.
 */
@Controller
class StaffAssistantController {

    private final AssistantTurns turns;
    private final Intents intents;
    private final FirstResponse firstResponse;
    private final Clock clock;

    StaffAssistantController(AssistantTurns turns, Intents intents, FirstResponse firstResponse, Clock clock) {
        this.turns = turns;
        this.intents = intents;
        this.firstResponse = firstResponse;
        this.clock = clock;
    }

    @GetMapping("/staff/assistant")
    String page(Model model) {
        model.addAttribute("turns", turns.recent(200));
        model.addAttribute("intents", intents.known());
        model.addAttribute("enabled", firstResponse.assistantEnabled());
        model.addAttribute("corrections", turns.corrections());
        model.addAttribute("builds", intents.builds());
        return "knowledge/staff-assistant";
    }

    @PostMapping("/staff/assistant/turns/{id}/intent")
    String correct(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @RequestParam String intent,
            RedirectAttributes redirect) {
        if (!intents.known().contains(intent)) {
            throw ProblemException.forField("assistant-unknown-intent", FailureKind.INVALID, "intent");
        }
        if (!turns.correct(id, intent, me.userId(), clock.instant())) {
            throw new ProblemException("not-found", FailureKind.NOT_FOUND);
        }
        redirect.addFlashAttribute("notice", "assistant.staff.corrected");
        return "redirect:/staff/assistant#turn-" + id;
    }

    @PostMapping("/staff/assistant/switch")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String toggle(@AuthenticationPrincipal SignedInUser me, @RequestParam boolean enabled, HttpServletRequest request,
            RedirectAttributes redirect) {
        firstResponse.setAssistantEnabled(enabled, me.userId(), ClientInfo.from(request));
        redirect.addFlashAttribute("notice", enabled ? "assistant.staff.switchedOn" : "assistant.staff.switchedOff");
        return "redirect:/staff/assistant";
    }

    @PostMapping("/staff/assistant/rebuild")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String rebuild(@AuthenticationPrincipal SignedInUser me, RedirectAttributes redirect) {
        Intents.Build build = intents.rebuild(me.userId());
        redirect.addFlashAttribute("notice", "assistant.staff.rebuilt");
        redirect.addFlashAttribute("build", build);
        return "redirect:/staff/assistant";
    }
}
