package io.walletdesk.status.internal;

import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.shared.web.HttpFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Supervisors edit the list of components and groups shown on the status page. */
@Controller
@PreAuthorize("hasRole('SUPERVISOR')")
class StaffComponentsController {

    private final StatusCatalog catalog;
    private final StatusReader reader;

    StaffComponentsController(StatusCatalog catalog, StatusReader reader) {
        this.catalog = catalog;
        this.reader = reader;
    }

    @GetMapping("/staff/status/components")
    String list(Model model) {
        StatusSnapshot snapshot = reader.read();
        model.addAttribute("groups", snapshot.groups());
        model.addAttribute("components", snapshot.components());
        return "status/staff-components";
    }

    @GetMapping("/staff/status/components/{code}")
    String edit(@PathVariable String code, Model model) {
        StatusSnapshot snapshot = reader.read();
        model.addAttribute("component", snapshot.component(code)
                .orElseThrow(() -> new ProblemException("status-unknown-component", FailureKind.NOT_FOUND, code)));
        model.addAttribute("groups", snapshot.groups());
        return "status/staff-component";
    }

    @PostMapping("/staff/status/components/{code}/edit")
    String save(@PathVariable String code, @RequestParam Map<String, String> form, Authentication user,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            catalog.editComponent(code, fields(form), StaffStatusController.actor(user, request));
            redirect.addFlashAttribute("notice", "status.staff.saved");
            return "redirect:/staff/status/components";
        } catch (ProblemException problem) {
            if (HttpFailures.status(problem) == HttpStatus.NOT_FOUND) {
                throw problem;
            }
            response.setStatus(HttpFailures.status(problem).value());
            model.addAttribute("error", "problem." + problem.code() + ".detail");
            return edit(code, model);
        }
    }

    @PostMapping("/staff/status/components")
    String create(@RequestParam Map<String, String> form, Authentication user, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            catalog.createComponent(form.get("code"), fields(form), StaffStatusController.actor(user, request));
            redirect.addFlashAttribute("notice", "status.staff.saved");
            return "redirect:/staff/status/components";
        } catch (ProblemException problem) {
            return failed(problem, response, model);
        }
    }

    @PostMapping("/staff/status/groups")
    String createGroup(@RequestParam Map<String, String> form, Authentication user, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            catalog.createGroup(form.get("code"), position(form), texts(form, "name"),
                    StaffStatusController.actor(user, request));
            redirect.addFlashAttribute("notice", "status.staff.saved");
            return "redirect:/staff/status/components";
        } catch (ProblemException problem) {
            return failed(problem, response, model);
        }
    }

    private String failed(ProblemException problem, HttpServletResponse response, Model model) {
        response.setStatus(HttpFailures.status(problem).value());
        model.addAttribute("error", "problem." + problem.code() + ".detail");
        return list(model);
    }

    private static StatusCatalog.ComponentFields fields(Map<String, String> form) {
        return new StatusCatalog.ComponentFields(Texts.blankToNull(form.get("group")), position(form),
                texts(form, "name"), texts(form, "description"), form.containsKey("customerFacing"));
    }

    private static int position(Map<String, String> form) {
        try {
            return Integer.parseInt(form.getOrDefault("position", "0").trim());
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }

    private static Texts texts(Map<String, String> form, String field) {
        return new Texts(Texts.blankToNull(form.get(field + "_en")), Texts.blankToNull(form.get(field + "_zh")),
                Texts.blankToNull(form.get(field + "_id")));
    }

}
