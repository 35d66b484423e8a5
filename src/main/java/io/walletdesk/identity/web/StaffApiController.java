package io.walletdesk.identity.web;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.LockAccount;
import io.walletdesk.identity.LockReason;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.identity.UnlockAccount;
import io.walletdesk.identity.internal.AccountStatusService;
import io.walletdesk.identity.internal.SignInHistory;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.web.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/staff")
@Tag(name = "Staff: accounts", description = "Look up, lock and unlock accounts (agents lock, supervisors unlock)")
class StaffApiController {

    private final AccountStatusService accounts;
    private final SignInHistory history;
    private final AuditTrail audit;

    StaffApiController(AccountStatusService accounts, SignInHistory history, AuditTrail audit) {
        this.accounts = accounts;
        this.history = history;
        this.audit = audit;
    }

    record LockRequest(@NotNull LockReason reason, @Size(max = 500) String note) {
    }

    record UnlockRequest(@Size(max = 500) String note) {
    }

    @GetMapping("/users")
    List<AccountView> search(@AuthenticationPrincipal SignedInUser me, @RequestParam String q) {
        return accounts.search(q).stream().filter(a -> !a.role().isStaff() || me.role() == Role.ADMIN).toList();
    }

    @GetMapping("/users/{id}")
    AccountView user(@AuthenticationPrincipal SignedInUser me, @PathVariable long id) {
        return visibleTo(me, id);
    }

    @GetMapping("/users/{id}/sign-ins")
    List<SignInHistory.SignInRecord> signIns(@AuthenticationPrincipal SignedInUser me, @PathVariable long id) {
        visibleTo(me, id);
        return history.recent(id, 50);
    }

    @PostMapping("/users/{id}/lock")
    AccountView lock(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @Valid @RequestBody LockRequest body, HttpServletRequest request) {
        visibleTo(me, id);
        return accounts.lock(new LockAccount(id, body.reason(), body.note(), me.userId()), me.role().name(),
                ClientInfo.from(request));
    }

    @PostMapping("/users/{id}/unlock")
    @PreAuthorize("hasRole('SUPERVISOR')")
    AccountView unlock(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @Valid @RequestBody(required = false) UnlockRequest body, HttpServletRequest request) {
        visibleTo(me, id);
        return accounts.unlock(new UnlockAccount(id, body == null ? null : body.note(), me.userId()), me.role().name(),
                ClientInfo.from(request));
    }

    @GetMapping("/audit")
    @PreAuthorize("hasRole('SUPERVISOR')")
    List<AuditTrail.AuditRecord> auditLog(@RequestParam(required = false) Long userId) {
        return audit.recent(userId, 200);
    }

    private AccountView visibleTo(SignedInUser me, long id) {
        AccountView account = accounts.view(id).orElseThrow(() -> new ProblemException("not-found", HttpStatus.NOT_FOUND));
        if (account.role().isStaff() && me.role() != Role.ADMIN) {
            throw new ProblemException("not-found", HttpStatus.NOT_FOUND);
        }
        return account;
    }
}
