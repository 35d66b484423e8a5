package io.walletdesk.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.LockAccount;
import io.walletdesk.identity.LockReason;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.identity.UnlockAccount;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.web.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
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
    private final NewAccounts newAccounts;

    StaffApiController(AccountStatusService accounts, SignInHistory history, AuditTrail audit,
            NewAccounts newAccounts) {
        this.newAccounts = newAccounts;
        this.accounts = accounts;
        this.history = history;
        this.audit = audit;
    }

    record LockRequest(@NotNull LockReason reason, @Size(max = 500) String note) {
    }

    record NewStaff(@NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 100) String name,
            @NotNull Role role, @NotBlank @Size(max = 200) String password) {
    }

    record Created(long userId) {
    }

    record UnlockRequest(@Size(max = 500) String note) {
    }

    @GetMapping("/users")
    @Operation(summary = "Find accounts by phone, e-mail or name")
    List<AccountView> search(@AuthenticationPrincipal SignedInUser me, @RequestParam String q) {
        return accounts.searchVisibleTo(me, q);
    }

    @GetMapping("/users/{id}")
    @Operation(summary = "One account")
    AccountView user(@AuthenticationPrincipal SignedInUser me, @PathVariable long id) {
        return accounts.visibleTo(me, id);
    }

    @GetMapping("/users/{id}/sign-ins")
    @Operation(summary = "An account's sign-in history")
    List<SignInHistory.SignInRecord> signIns(@AuthenticationPrincipal SignedInUser me, @PathVariable long id) {
        accounts.visibleTo(me, id);
        return history.recent(id, 50);
    }

    @PostMapping("/users/{id}/lock")
    @Operation(summary = "Lock an account, with a reason")
    AccountView lock(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @Valid @RequestBody LockRequest body, HttpServletRequest request) {
        accounts.visibleTo(me, id);
        return accounts.lock(new LockAccount(id, body.reason(), body.note(), me.userId()), me.role().name(),
                ClientInfo.from(request));
    }

    @PostMapping("/users/{id}/unlock")
    @Operation(summary = "Unlock an account (supervisors)")
    @PreAuthorize("hasRole('SUPERVISOR')")
    AccountView unlock(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @Valid @RequestBody(required = false) UnlockRequest body, HttpServletRequest request) {
        accounts.visibleTo(me, id);
        return accounts.unlock(new UnlockAccount(id, body == null ? null : body.note(), me.userId()), me.role().name(),
                ClientInfo.from(request));
    }

    @GetMapping("/audit")
    @Operation(summary = "The audit log, newest first")
    @PreAuthorize("hasRole('SUPERVISOR')")
    List<AuditTrail.AuditRecord> auditLog(@RequestParam(required = false) Long userId) {
        return audit.recent(userId, 200);
    }


    @GetMapping("/team")
    @Operation(summary = "Staff members")
    @PreAuthorize("hasRole('ADMIN')")
    List<AccountView> team() {
        return accounts.staffMembers();
    }

    @PostMapping("/team")
    @Operation(summary = "Add a staff member (admins)")
    @ApiResponse(responseCode = "201", description = "Created")
    @PreAuthorize("hasRole('ADMIN')")
    org.springframework.http.ResponseEntity<Created> createStaff(@AuthenticationPrincipal SignedInUser me,
            @Valid @RequestBody NewStaff body, HttpServletRequest request) {
        long id = newAccounts.createStaff(body.role(), body.email(), body.name(), body.password(), me.userId(),
                ClientInfo.from(request));
        return org.springframework.http.ResponseEntity.status(HttpStatus.CREATED).body(new Created(id));
    }
}
