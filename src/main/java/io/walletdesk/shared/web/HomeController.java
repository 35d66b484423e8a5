package io.walletdesk.shared.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The public home page: what WalletDesk is and where to get help. */
@Controller
class HomeController {

    @GetMapping("/")
    String home() {
        return "home";
    }
}
