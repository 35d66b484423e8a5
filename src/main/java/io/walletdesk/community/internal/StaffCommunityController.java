package io.walletdesk.community.internal;

import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.web.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The moderation queue and moderators' actions (any staff member), and the forum report. */
@Controller
class StaffCommunityController {

    private final Moderation moderation;
    private final CommunityReports reports;

    StaffCommunityController(Moderation moderation, CommunityReports reports) {
        this.moderation = moderation;
        this.reports = reports;
    }

    @GetMapping("/staff/community")
    String queue(Model model) {
        model.addAttribute("flags", moderation.queue());
        return "community/staff-queue";
    }

    @GetMapping("/staff/community/reports")
    String reports(@RequestParam(name = "days", defaultValue = "30") int days, Model model) {
        model.addAttribute("report", reports.report(Math.max(1, Math.min(days, 366))));
        return "community/staff-reports";
    }

    @PostMapping("/staff/community/posts/{id:\\d{1,18}}/approve")
    String approve(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, HttpServletRequest request,
            RedirectAttributes redirect) {
        moderation.approve(Member.of(me), id, ClientInfo.from(request));
        return done(redirect, "approved");
    }

    @PostMapping("/staff/community/posts/{id:\\d{1,18}}/hide")
    String hide(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, HttpServletRequest request,
            RedirectAttributes redirect) {
        moderation.hidePost(Member.of(me), id, ClientInfo.from(request));
        return done(redirect, "hidden");
    }

    @PostMapping("/staff/community/posts/{id:\\d{1,18}}/dismiss")
    String dismiss(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, HttpServletRequest request,
            RedirectAttributes redirect) {
        moderation.dismiss(Member.of(me), id, ClientInfo.from(request));
        return done(redirect, "dismissed");
    }

    @PostMapping("/staff/community/topics/{id:\\d{1,18}}/lock")
    String lock(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestParam(name = "locked", defaultValue = "true") boolean locked, HttpServletRequest request) {
        moderation.lock(Member.of(me), id, locked, ClientInfo.from(request));
        return "redirect:/community/topics/" + id;
    }

    @PostMapping("/staff/community/topics/{id:\\d{1,18}}/move")
    String move(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestParam(name = "category", defaultValue = "") String category, HttpServletRequest request) {
        moderation.move(Member.of(me), id, category, ClientInfo.from(request));
        return "redirect:/community/topics/" + id;
    }

    @PostMapping("/staff/community/topics/{id:\\d{1,18}}/merge")
    String merge(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestParam(name = "target", defaultValue = "0") long target, HttpServletRequest request) {
        moderation.merge(Member.of(me), id, target, ClientInfo.from(request));
        return "redirect:/community/topics/" + target;
    }

    private static String done(RedirectAttributes redirect, String what) {
        redirect.addFlashAttribute("done", what);
        return "redirect:/staff/community";
    }
}
