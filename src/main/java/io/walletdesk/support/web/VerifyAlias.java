package io.walletdesk.support.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The short address printed on cards and in campaigns: /verify. */
@Controller
class VerifyAlias {

    @GetMapping("/verify")
    String verify() {
        return "redirect:/support/verify";
    }
}
