package io.walletdesk.shared.web;

import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Problem types are resolvable: {@code /problems/{code}} explains the problem in the reader's language. */
@Controller
class ProblemDocsController {

    private final Problems problems;

    ProblemDocsController(Problems problems) {
        this.problems = problems;
    }

    @GetMapping("/problems/{code:[a-z0-9-]{1,60}}")
    String explain(@PathVariable String code, Model model, Locale locale) {
        model.addAttribute("code", code);
        model.addAttribute("problemTitle", problems.title(code, locale));
        model.addAttribute("problemDetail", problems.detail(code, locale, "…", "…", "…"));
        return "problem-type";
    }
}
