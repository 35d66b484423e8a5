package io.walletdesk.reachability.internal;

import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.shared.web.HttpFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff review reports of fake channels ({@code /staff/reports}, agents and up); admins keep the registry of
 * official channels ({@code /staff/official-channels}).
 */
@Controller
class StaffReportsController {

    private final FakeReports reports;
    private final ChannelRegistry registry;

    StaffReportsController(FakeReports reports, ChannelRegistry registry) {
        this.reports = reports;
        this.registry = registry;
    }

    @GetMapping("/staff/reports")
    @PreAuthorize("hasRole('AGENT')")
    String queue(@RequestParam(required = false) String state, Model model) {
        model.addAttribute("reports", reports.queue(state, 200));
        model.addAttribute("state", state);
        return "reachability/staff-reports";
    }

    @PostMapping("/staff/reports/{id}/review")
    @PreAuthorize("hasRole('AGENT')")
    String review(@PathVariable long id, @RequestParam(defaultValue = "") String decision,
            @RequestParam(required = false) String note, Authentication auth,
            HttpServletRequest request, RedirectAttributes redirect) {
        reports.review(id, decision, note, Actor.of(auth).userId(), Actor.of(auth).role(), ClientInfo.from(request));
        redirect.addFlashAttribute("notice", "reach.reports.reviewed");
        return "redirect:/staff/reports";
    }

    @GetMapping("/staff/official-channels")
    @PreAuthorize("hasRole('ADMIN')")
    String registry(Model model) {
        model.addAttribute("channels", registry.all());
        model.addAttribute("kinds", Arrays.stream(OfficialKind.values()).map(Enum::name).sorted().toList());
        return "reachability/staff-channels";
    }

    @PostMapping("/staff/official-channels")
    @PreAuthorize("hasRole('ADMIN')")
    String add(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String value,
            @RequestParam(required = false) String network, @RequestParam(defaultValue = "") String label,
            @RequestParam(name = "label_id", defaultValue = "") String labelId,
            @RequestParam(name = "label_zh", defaultValue = "") String labelZh, Authentication auth, HttpServletRequest request, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        try {
            registry.add(kind, value, network, new ChannelRegistry.Labels(label, labelId, labelZh), Actor.of(auth).userId(), Actor.of(auth).role(), ClientInfo.from(request));
            redirect.addFlashAttribute("notice", "reach.channels.saved");
            return "redirect:/staff/official-channels";
        } catch (ProblemException problem) {
            response.setStatus(HttpFailures.status(problem).value());
            model.addAttribute("error", "problem." + problem.code() + ".title");
            model.addAttribute("errorDetail", "problem." + problem.code() + ".detail");
            model.addAttribute("errorArgs", problem.args());
            model.addAttribute("errorField", problem.field());
            return registry(model);
        }
    }

    @PostMapping("/staff/official-channels/{id}/remove")
    @PreAuthorize("hasRole('ADMIN')")
    String remove(@PathVariable long id, Authentication auth, HttpServletRequest request,
            RedirectAttributes redirect) {
        registry.deactivate(id, Actor.of(auth).userId(), Actor.of(auth).role(), ClientInfo.from(request));
        redirect.addFlashAttribute("notice", "reach.channels.removed");
        return "redirect:/staff/official-channels";
    }
}
