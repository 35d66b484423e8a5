package io.walletdesk.community.internal;

import io.walletdesk.identity.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Follow a topic by e-mail; unsubscribe with the mail's link, in one click (RFC 8058) or from a page. */
@Controller
class FollowController {

    private final Follows follows;

    FollowController(Follows follows) {
        this.follows = follows;
    }

    @PostMapping("/community/topics/{id:\\d{1,18}}/follow")
    String follow(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestParam(name = "follow", defaultValue = "true") boolean follow, RedirectAttributes redirect) {
        boolean done = follows.follow(Member.of(me), id, follow);
        redirect.addFlashAttribute("followNotice", !done ? "community.follow.noEmail"
                : follow ? "community.follow.on" : "community.follow.off");
        return "redirect:/community/topics/" + id + "#follow";
    }

    @GetMapping("/community/unsubscribe")
    String unsubscribeForm(@RequestParam(name = "token", required = false) String token, Model model) {
        model.addAttribute("token", token);
        return "community/unsubscribe";
    }

    /** Also the one-click target of {@code List-Unsubscribe-Post}: mail clients post without a CSRF token. */
    @PostMapping("/community/unsubscribe")
    String unsubscribe(@RequestParam(name = "token", required = false) String token, Model model) {
        follows.unsubscribe(token);
        model.addAttribute("done", true);
        return "community/unsubscribe";
    }
}
