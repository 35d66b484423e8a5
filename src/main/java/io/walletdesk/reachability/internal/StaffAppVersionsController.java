package io.walletdesk.reachability.internal;

import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.shared.web.HttpFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Admins set the minimum and latest version and the store link of each platform. Every change is audited. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class StaffAppVersionsController {

    private final AppVersionPolicy policy;

    StaffAppVersionsController(AppVersionPolicy policy) {
        this.policy = policy;
    }

    @GetMapping("/staff/app-versions")
    String list(Model model) {
        model.addAttribute("policies", policy.all());
        return "reachability/staff-app-versions";
    }

    @PostMapping("/staff/app-versions/{platform}")
    String save(@PathVariable String platform, @RequestParam(defaultValue = "") String minimumVersion,
            @RequestParam(defaultValue = "") String latestVersion, @RequestParam(defaultValue = "") String storeUrl,
            Authentication auth, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        try {
            policy.update(platform, minimumVersion, latestVersion, storeUrl, Actor.of(auth).userId(),
                    Actor.of(auth).role(), ClientInfo.from(request));
            redirect.addFlashAttribute("notice", "reach.versions.saved");
            return "redirect:/staff/app-versions";
        } catch (ProblemException problem) {
            if (HttpFailures.status(problem).value() == 404) {
                throw problem;
            }
            response.setStatus(HttpFailures.status(problem).value());
            model.addAttribute("error", "problem." + problem.code() + ".detail");
            model.addAttribute("errorPlatform", AppVersionPolicy.normalisePlatform(platform));
            return list(model);
        }
    }
}
