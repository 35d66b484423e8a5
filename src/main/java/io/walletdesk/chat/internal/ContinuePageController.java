package io.walletdesk.chat.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Opens the widget with the visitor's conversation from an e-mailed link. */
@Controller
class ContinuePageController {

    private final ChatTokens tokens;

    ContinuePageController(ChatTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/support/continue/{token}")
    String continueChat(@PathVariable String token, Model model) {
        boolean valid = tokens.resolve(token).isPresent();
        model.addAttribute("valid", valid);
        model.addAttribute("token", valid ? token : null);
        return "support/continue";
    }
}
