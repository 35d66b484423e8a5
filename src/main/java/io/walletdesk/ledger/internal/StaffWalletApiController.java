package io.walletdesk.ledger.internal;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.identity.Accounts;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff tools for the wallet: a customer's transactions, refunds and reversals. */
@RestController
@RequestMapping("/api/v1/staff/wallet")
@Tag(name = "Wallet (staff)")
class StaffWalletApiController {

    private final TransactionLog log;
    private final Reversals reversals;
    private final TransactionPresenter presenter;

    private final Accounts accounts;

    StaffWalletApiController(TransactionLog log, Reversals reversals, TransactionPresenter presenter, Accounts accounts) {
        this.accounts = accounts;
        this.log = log;
        this.reversals = reversals;
        this.presenter = presenter;
    }

    @GetMapping("/customers/{userId}/transactions")
    @Operation(summary = "A customer's recent transactions")
    List<TransactionPresenter.TransactionDto> transactions(@PathVariable long userId, Locale locale) {
        StaffWalletPageController.requireCustomer(accounts, userId);
        return log.history(userId, new TransactionLog.Filter(null, null, null, null), null, 100).stream()
                .map(t -> presenter.dto(t, userId, locale)).toList();
    }

    record ReversalRequest(@Size(max = 140) String note) {
    }

    @PostMapping("/transactions/{id}/reversal")
    @ApiResponse(responseCode = "201", description = "The refund or reversal transaction")
    @Operation(summary = "Refund a merchant payment or reverse a transfer, as a new transaction (at most once)")
    ResponseEntity<TransactionPresenter.TransactionDto> reverse(@AuthenticationPrincipal SignedInUser me,
            @PathVariable long id, @Valid @RequestBody(required = false) ReversalRequest body, HttpServletRequest request,
            Locale locale) {
        long reversalId = reversals.reverse(id, me.userId(), me.role().name(), body == null ? null : body.note(),
                ClientInfo.from(request));
        var view = log.find(reversalId)
                .orElseThrow(() -> new ProblemException("transaction-not-found", FailureKind.NOT_FOUND));
        return ResponseEntity.status(HttpStatus.CREATED).body(presenter.dto(view, view.userId(), locale));
    }
}
