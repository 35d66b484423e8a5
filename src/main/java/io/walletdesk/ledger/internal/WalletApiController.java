package io.walletdesk.ledger.internal;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.money.Money;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
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
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.annotation.JsonDeserialize;

/**
 * The wallet on the API. Every money-moving call needs an {@code Idempotency-Key} header: a retry with the
 * same key and body returns the original transaction (header {@code Idempotent-Replayed: true}); the same
 * key with another body is a 409.
 */
@RestController
@RequestMapping("/api/v1/wallet")
@Tag(name = "Wallet", description = "Balance, top-ups, payments, transfers and transaction history")
class WalletApiController {

    private final WalletOverview overview;
    private final Transfers transfers;
    private final MerchantPayments payments;
    private final TopUps topUps;
    private final Pins pins;
    private final TransactionLog log;
    private final SystemAccounts system;
    private final TransactionPresenter presenter;

    WalletApiController(WalletOverview overview, Transfers transfers, MerchantPayments payments, TopUps topUps, Pins pins,
            TransactionLog log, SystemAccounts system, TransactionPresenter presenter) {
        this.overview = overview;
        this.transfers = transfers;
        this.payments = payments;
        this.topUps = topUps;
        this.pins = pins;
        this.log = log;
        this.system = system;
        this.presenter = presenter;
    }

    @GetMapping
    @Operation(summary = "Balance, tier and limits of my wallet")
    WalletOverview.Overview wallet(@AuthenticationPrincipal SignedInUser me) {
        return overview.of(me.userId());
    }

    record PinRequest(@Size(max = 6) String currentPin, @NotBlank String pin) {
    }

    @PostMapping("/pin")
    @ApiResponse(responseCode = "204", description = "PIN set")
    @Operation(summary = "Set or change the 6-digit transaction PIN (changing needs currentPin)")
    ResponseEntity<Void> setPin(@AuthenticationPrincipal SignedInUser me, @Valid @RequestBody PinRequest body,
            HttpServletRequest request) {
        pins.set(me.userId(), body.currentPin(), body.pin(), ClientInfo.from(request));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/recipients")
    @Operation(summary = "Who a phone number belongs to: the masked name to confirm before sending")
    Transfers.Recipient recipient(@AuthenticationPrincipal SignedInUser me, @RequestParam String phone) {
        Transfers.Recipient recipient = transfers.lookUp(me.userId(), phone);
        return new Transfers.Recipient(0, recipient.phone(), recipient.maskedName());
    }

    record MerchantDto(String code, String name) {
    }

    @GetMapping("/merchants/{code}")
    @Operation(summary = "The merchant behind a payment code")
    MerchantDto merchant(@PathVariable String code) {
        SystemAccounts.Striped merchant = payments.merchant(code);
        return new MerchantDto(merchant.code(), merchant.name());
    }

    record BankDto(String code, String name, long dailyLimit, String dailyLimitFormatted) {
    }

    @GetMapping("/banks")
    @Operation(summary = "Banks a top-up can come from")
    List<BankDto> banks() {
        return system.banks().stream().map(b -> new BankDto(b.code(), b.name(), b.dailyLimit(), Money.format(b.dailyLimit())))
                .toList();
    }

    record TransferRequest(@NotBlank @Size(max = 30) String phone, @NotNull @JsonDeserialize(using = WholeRupiah.class) Long amount, @NotBlank String pin,
            @Size(max = 140) String note) {
    }

    @PostMapping("/transfers")
    @ApiResponse(responseCode = "201", description = "The new transaction (Location names it)")
    @ApiResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: the original transaction")
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used for another request, or the wallet's state refuses it (code says which)")
    @ApiResponse(responseCode = "422", description = "Refused: limits, balance or PIN (code says which)")
    @Operation(summary = "Send money to another customer by phone number")
    ResponseEntity<TransactionPresenter.TransactionDto> transfer(@AuthenticationPrincipal SignedInUser me,
            @IdempotencyKeyHeader @RequestHeader(name = Idempotency.HEADER, required = false) String key,
            @Valid @RequestBody TransferRequest body, HttpServletRequest request, Locale locale) {
        MoneyTransactions.Outcome outcome = transfers.send(me.userId(), key,
                new Transfers.Transfer(body.phone(), body.amount(), body.pin(), body.note()), ClientInfo.from(request));
        return result(outcome, me, locale);
    }

    record PaymentRequest(@NotBlank @Size(max = 40) String merchantCode, @NotNull @JsonDeserialize(using = WholeRupiah.class) Long amount, @NotBlank String pin,
            @Size(max = 140) String note) {
    }

    @PostMapping("/payments")
    @ApiResponse(responseCode = "201", description = "The new transaction (Location names it)")
    @ApiResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: the original transaction")
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used for another request, or the wallet's state refuses it (code says which)")
    @ApiResponse(responseCode = "422", description = "Refused: limits, balance or PIN (code says which)")
    @Operation(summary = "Pay a merchant")
    ResponseEntity<TransactionPresenter.TransactionDto> pay(@AuthenticationPrincipal SignedInUser me,
            @IdempotencyKeyHeader @RequestHeader(name = Idempotency.HEADER, required = false) String key,
            @Valid @RequestBody PaymentRequest body, HttpServletRequest request, Locale locale) {
        MoneyTransactions.Outcome outcome = payments.pay(me.userId(), key,
                new MerchantPayments.Payment(body.merchantCode(), body.amount(), body.pin(), body.note()),
                ClientInfo.from(request));
        return result(outcome, me, locale);
    }

    record TopUpRequest(@NotBlank String bankCode, @NotBlank @Size(max = 30) String bankAccount, @NotNull @JsonDeserialize(using = WholeRupiah.class) Long amount) {
    }

    @PostMapping("/top-ups")
    @ApiResponse(responseCode = "201", description = "The new transaction (Location names it)")
    @ApiResponse(responseCode = "200", description = "A retry with the same Idempotency-Key: the original transaction")
    @ApiResponse(responseCode = "409", description = "The Idempotency-Key was used for another request, or the wallet's state refuses it (code says which)")
    @ApiResponse(responseCode = "422", description = "Refused: limits, balance or PIN (code says which)")
    @Operation(summary = "Top up from a bank account; pending until the bank confirms (at most 48 hours)")
    ResponseEntity<TransactionPresenter.TransactionDto> topUp(@AuthenticationPrincipal SignedInUser me,
            @IdempotencyKeyHeader @RequestHeader(name = Idempotency.HEADER, required = false) String key,
            @Valid @RequestBody TopUpRequest body, HttpServletRequest request, Locale locale) {
        MoneyTransactions.Outcome outcome = topUps.topUp(me.userId(), key,
                new TopUps.TopUp(body.bankCode(), body.bankAccount(), body.amount()), ClientInfo.from(request));
        return result(outcome, me, locale);
    }

    @GetMapping("/transactions")
    @Operation(summary = "My transactions, newest first, with optional filters")
    List<TransactionPresenter.TransactionDto> transactions(@AuthenticationPrincipal SignedInUser me,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String status,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) Long before, @RequestParam(defaultValue = "50") int limit, Locale locale) {
        TransactionLog.Filter filter = HistoryFilters.parse(kind, status, from, to);
        return log.history(me.userId(), filter, before, Math.max(1, Math.min(limit, 200))).stream()
                .map(t -> presenter.dto(t, me.userId(), locale)).toList();
    }

    @GetMapping("/transactions/{id}")
    @Operation(summary = "One transaction with its timeline and, while pending, what it waits for and until when")
    TransactionPresenter.TransactionDto transaction(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            Locale locale) {
        return log.findFor(me.userId(), id).map(t -> presenter.dto(t, me.userId(), locale))
                .orElseThrow(() -> new ProblemException("transaction-not-found", FailureKind.NOT_FOUND));
    }

    @GetMapping(value = "/transactions.csv", produces = "text/csv")
    @Operation(summary = "My transactions as CSV (same filters)")
    ResponseEntity<String> csv(@AuthenticationPrincipal SignedInUser me, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Locale locale) {
        return CsvExport.response(log.history(me.userId(), HistoryFilters.parse(kind, status, from, to), null, 5000),
                me.userId(), presenter, locale);
    }

    private ResponseEntity<TransactionPresenter.TransactionDto> result(MoneyTransactions.Outcome outcome, SignedInUser me,
            Locale locale) {
        TransactionPresenter.TransactionDto dto = presenter.dto(outcome.created() != null ? outcome.created()
                : log.find(outcome.transactionId()).orElseThrow(), me.userId(), locale);
        return ResponseEntity.status(outcome.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .header("Idempotent-Replayed", String.valueOf(outcome.replayed()))
                .header("Location", "/api/v1/wallet/transactions/" + dto.id())
                .body(dto);
    }
}
