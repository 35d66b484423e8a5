package io.walletdesk.reachability.internal;

import io.walletdesk.reachability.AntiPhishing;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.shared.web.HttpFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /account/anti-phishing}: a signed-in customer sets the phrase our e-mails show at the top. */
@Controller
class AntiPhishingController {

    private final AntiPhishing antiPhishing;
    private final AntiPhishingPhrases phrases;

    AntiPhishingController(AntiPhishing antiPhishing, AntiPhishingPhrases phrases) {
        this.antiPhishing = antiPhishing;
        this.phrases = phrases;
    }

    @GetMapping("/account/anti-phishing")
    String page(Authentication auth, Model model) {
        model.addAttribute("phrase", antiPhishing.phraseFor(Actor.of(auth).userId()).orElse(null));
        return "reachability/anti-phishing";
    }

    @PostMapping("/account/anti-phishing")
    String save(Authentication auth, @RequestParam(defaultValue = "") String phrase,
            @RequestParam(defaultValue = "save") String action, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        ClientInfo client = ClientInfo.from(request);
        if ("remove".equals(action)) {
            phrases.remove(Actor.of(auth).userId(), Actor.of(auth).role(), client);
            redirect.addFlashAttribute("notice", "reach.phrase.removed");
            return "redirect:/account/anti-phishing";
        }
        try {
            phrases.set(Actor.of(auth).userId(), phrase, Actor.of(auth).role(), client);
            redirect.addFlashAttribute("notice", "reach.phrase.saved");
            return "redirect:/account/anti-phishing";
        } catch (ProblemException problem) {
            response.setStatus(HttpFailures.status(problem).value());
            model.addAttribute("error", "problem." + problem.code() + ".detail");
            model.addAttribute("attempt", phrase);
            return page(auth, model);
        }
    }
}
