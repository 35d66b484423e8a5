package io.walletdesk.identity.internal;

import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.LockAccount;
import io.walletdesk.identity.LockReason;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.identity.UnlockAccount;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.web.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Staff tools for accounts. Agents look up customers and can lock an account at once (a customer reporting
 * a stolen phone cannot wait); lifting a lock needs a supervisor, as in most e-money operators' four-eyes
 * rules. Every action lands in the audit log.
 */
@Controller
class StaffController {

    private final AccountStatusService accounts;
    private final SignInHistory history;
    private final AuditTrail audit;

    StaffController(AccountStatusService accounts, SignInHistory history, AuditTrail audit) {
        this.accounts = accounts;
        this.history = history;
        this.audit = audit;
    }

    @GetMapping("/staff")
    String console(@AuthenticationPrincipal SignedInUser me, Model model) {
        return "identity/staff/console";
    }

    @GetMapping("/staff/users")
    String search(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false, defaultValue = "") String q,
            Model model) {
        model.addAttribute("q", q);
        model.addAttribute("results", q.isBlank() ? java.util.List.of() : accounts.searchVisibleTo(me, q));
        return "identity/staff/users";
    }

    @GetMapping("/staff/users/{id}")
    String user(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, Model model) {
        AccountView user = accounts.visibleTo(me, id);
        model.addAttribute("account", user);
        model.addAttribute("signIns", history.recent(id, 10));
        model.addAttribute("reasons", LockReason.values());
        model.addAttribute("canUnlock", me.role() == Role.SUPERVISOR || me.role() == Role.ADMIN);
        model.addAttribute("auditTrail", audit.recent(id, 20));
        return "identity/staff/user";
    }

    @PostMapping("/staff/users/{id}/lock")
    String lock(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @RequestParam LockReason reason,
            @RequestParam(required = false) String note, HttpServletRequest request, RedirectAttributes redirect) {
        accounts.visibleTo(me, id);
        accounts.lock(new LockAccount(id, reason, note, me.userId()), me.role().name(), ClientInfo.from(request));
        redirect.addFlashAttribute("notice", "staff.locked");
        return "redirect:/staff/users/" + id;
    }

    @PostMapping("/staff/users/{id}/unlock")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String unlock(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestParam(required = false) String note, HttpServletRequest request, RedirectAttributes redirect) {
        accounts.visibleTo(me, id);
        accounts.unlock(new UnlockAccount(id, note, me.userId()), me.role().name(), ClientInfo.from(request));
        redirect.addFlashAttribute("notice", "staff.unlocked");
        return "redirect:/staff/users/" + id;
    }

    @GetMapping("/staff/audit")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String auditLog(Model model) {
        model.addAttribute("entries", audit.recent(null, 200));
        return "identity/staff/audit";
    }

}
