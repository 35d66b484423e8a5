package io.walletdesk.reachability.internal;

import io.walletdesk.reachability.internal.FakeReports.FakeReport;
import io.walletdesk.reachability.internal.FakeReports.NewReport;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.shared.web.HttpFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /support/verify}: anyone checks a number, address or handle, and reports a fake one. */
@Controller
class VerifyPageController {

    private final ChannelChecker checker;
    private final FakeReports reports;
    private final ChannelRegistry registry;

    VerifyPageController(ChannelChecker checker, FakeReports reports, ChannelRegistry registry) {
        this.checker = checker;
        this.reports = reports;
        this.registry = registry;
    }

    @GetMapping({"/support/verify", "/verify"})
    String page(@RequestParam(required = false) String value, Model model, Locale locale) {
        if (value != null && !value.isBlank() && value.length() <= 500) {
            model.addAttribute("result", checker.check(value, locale));
            model.addAttribute("value", value);
        }
        model.addAttribute("channels", registry.active());
        return "reachability/verify";
    }

    @PostMapping({"/support/verify/report", "/verify/report"})
    String report(@RequestParam(defaultValue = "") String value, @RequestParam(required = false) String whereSeen,
            @RequestParam(required = false) String details, @RequestParam(required = false) String contact,
            Authentication auth, HttpServletRequest request, HttpServletResponse response,
            Model model, Locale locale, RedirectAttributes redirect) {
        try {
            FakeReport saved = reports.submit(new NewReport(value, whereSeen, details, contact),
                    Actor.of(auth).userId(), ClientInfo.from(request));
            redirect.addFlashAttribute("reported", saved.reference());
            return "redirect:/support/verify";
        } catch (ProblemException problem) {
            response.setStatus(HttpFailures.status(problem).value());
            model.addAttribute("reportError", "problem." + problem.code() + ".title");
            model.addAttribute("reportValue", value);
            return page(value, model, locale);
        }
    }
}
