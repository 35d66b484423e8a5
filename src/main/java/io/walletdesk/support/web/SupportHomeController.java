package io.walletdesk.support.web;

import io.walletdesk.identity.Accounts;
import io.walletdesk.identity.SignedInUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The entry to support that everyone can reach: anonymous visitors, customers, and customers whose account
 * is locked (their session is restricted to these pages).
 */
@Controller
class SupportHomeController {

    private final Accounts accounts;

    SupportHomeController(Accounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/support")
    String support(@AuthenticationPrincipal SignedInUser me, Model model) {
        if (me != null) {
            accounts.find(me.userId()).ifPresent(account -> model.addAttribute("account", account));
        }
        return "support/home";
    }
}
