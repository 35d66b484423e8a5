package io.walletdesk.ledger.internal;

import io.walletdesk.ledger.TransactionStatus;
import io.walletdesk.ledger.TransactionKind;
import io.walletdesk.ledger.TopUpCompleted;
import io.walletdesk.ledger.TopUpFailed;
import io.walletdesk.ledger.TopUpRequested;
import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.money.Money;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Top-ups from a bank account, in two phases: a hold from the bank's settlement account to the wallet
 * is created with the PENDING transaction, then posted when the bank confirms, voided when it declines, or
 * expired when nobody confirmed in time. Every path that settles a top-up locks its transaction row
 * first and its accounts second, so a callback racing the expiry job (or a duplicate callback) settles it
 * exactly once.
 */
@Service
class TopUps {

    public static final String WAITING_FOR_BANK = "BANK_CONFIRMATION";

    private final BankGateway bank;
    private final SystemAccounts system;
    private final CustomerWallets wallets;
    private final Ledger ledger;
    private final Limits limits;
    private final TransactionLog log;
    private final MoneyTransactions money;
    private final WalletProperties properties;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final LedgerMetrics metrics;

    TopUps(LedgerMetrics metrics, BankGateway bank, SystemAccounts system, CustomerWallets wallets, Ledger ledger, Limits limits,
            TransactionLog log, MoneyTransactions money, WalletProperties properties, AuditTrail audit,
            ApplicationEventPublisher events, PlatformTransactionManager tm, JdbcClient jdbc, Clock clock) {
        this.metrics = metrics;
        this.bank = bank;
        this.system = system;
        this.wallets = wallets;
        this.ledger = ledger;
        this.limits = limits;
        this.log = log;
        this.money = money;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
        this.transaction = new TransactionTemplate(tm);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Command: move {@code amount} from this bank account into the wallet. */
    public record TopUp(String bankCode, String bankAccount, long amount) {
    }

    public MoneyTransactions.Outcome topUp(long userId, String idempotencyKey, TopUp command, ClientInfo client) {
        return metrics.refusalsOf(TransactionKind.TOP_UP, () -> topUpCounted(userId, idempotencyKey, command, client));
    }

    private MoneyTransactions.Outcome topUpCounted(long userId, String idempotencyKey, TopUp command, ClientInfo client) {
        Idempotency.requireKey(idempotencyKey);
        SystemAccounts.Striped bankAccounts = system.bank(command.bankCode())
                .orElseThrow(() -> ProblemException.forField("bank-unknown", FailureKind.INVALID, "bankCode"));
        String accountNumber = command.bankAccount() == null ? "" : command.bankAccount().replaceAll("[\\s-]", "");
        if (!accountNumber.matches("\\d{6,20}")) {
            throw ProblemException.forField("bank-account-format", FailureKind.INVALID, "bankAccount");
        }
        WalletProperties.Amounts bounds = properties.amounts();
        MoneyRequests.requireAmountWithin(command.amount(), bounds.minTopUp(), bounds.maxTopUp());
        String hash = Idempotency.hash("TOP_UP", bankAccounts.code(), accountNumber, command.amount());
        var earlier = money.earlier(userId, idempotencyKey, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        CustomerWallets.Wallet wallet = wallets.open(userId);
        if (wallet.locked()) {
            throw new ProblemException("wallet-locked", FailureKind.FORBIDDEN);
        }
        long balance = jdbc.sql("SELECT balance FROM ledger_account WHERE id = :id").param("id", wallet.accountId())
                .query(Long.class).single();
        limits.requireOwnIncoming(balance, wallet.accountId(), wallet.tier(), command.amount());
        String reference = "TU" + UUID.randomUUID().toString().replace("-", "").substring(0, 20).toUpperCase();
        Instant expires = clock.instant().plus(properties.topUp().expiry());
        long stripe = bankAccounts.pickStripe();
        String masked = "****" + accountNumber.substring(accountNumber.length() - 4);
        MoneyTransactions.Outcome outcome = money.run(userId, idempotencyKey, hash, () -> {
            // The customer's account too: the hold references it, and locking it here (in order) means the
            // foreign-key check never waits on a row we do not hold.
            Ledger.Locked locked = ledger.lock(List.of(stripe, wallet.accountId()));
            TransactionView created = log.create(new TransactionLog.NewTransaction(TransactionKind.TOP_UP,
                    TransactionStatus.PENDING, userId, null, null, bankAccounts.name() + " " + masked, null,
                    bankAccounts.code(), masked, command.amount(), 0, null, WAITING_FOR_BANK, expires, null, reference),
                    "CREATED");
            long transactionId = created.id();
            long holdId = ledger.hold(locked, stripe, wallet.accountId(), command.amount(), transactionId, expires);
            log.setEntry(transactionId, null, holdId);
            audit.record(AuditEntry.of("WALLET_TOP_UP_REQUESTED", userId, "CUSTOMER", userId,
                    "tx=" + transactionId + " bank=" + bankAccounts.code() + " amount=" + command.amount(), client));
            return created;
        });
        if (outcome.replayed()) {
            return outcome;
        }
        long transactionId = outcome.transactionId();
        BankGateway.Response response;
        try {
            response = bank.debit(new BankGateway.DebitRequest(reference, bankAccounts.code(), accountNumber, command.amount()));
        } catch (RuntimeException unreachable) {
            response = BankGateway.Response.declined("BANK_UNAVAILABLE");
        }
        BankGateway.Response answer = response;
        switch (answer.kind()) {
            case ACCEPTED:
                transaction.executeWithoutResult(s -> {
                    log.addStep(transactionId, "PENDING_AT_BANK", null);
                    events.publishEvent(new TopUpRequested(transactionId, userId, command.amount(), bankAccounts.code()));
                });
                break;
            case TIMEOUT:
                transaction.executeWithoutResult(s -> log.addStep(transactionId, "BANK_TIMEOUT", "BANK_TIMEOUT"));
                break;
            default:
                settle(transactionId, HoldOutcome.VOIDED, answer.reasonCode(), answer.reasonArgs());
                break;
        }
        return new MoneyTransactions.Outcome(transactionId, false);
    }

    /** What a bank confirmation did. */
    public enum Settlement {
        COMPLETED, FAILED, ALREADY_SETTLED, LATE_TO_SUSPENSE, UNKNOWN
    }

    /** The bank confirmed (or failed) a top-up by callback. */
    public Settlement confirm(String reference, boolean success, String reasonCode, long amount) {
        var row = log.byBankReference(reference);
        if (row.isEmpty() || row.get().kind() != TransactionKind.TOP_UP) {
            return Settlement.UNKNOWN;
        }
        if (row.get().amount() != amount) {
            throw new ProblemException("bank-callback-mismatch", FailureKind.UNPROCESSABLE);
        }
        if (success) {
            return settle(row.get().id(), HoldOutcome.POSTED, null, List.of());
        }
        return settle(row.get().id(), HoldOutcome.VOIDED, reasonCode == null ? "BANK_DECLINED" : reasonCode, List.of());
    }

    /** Expires every pending top-up whose confirmation window closed before {@code now}; one transaction each. */
    public int expireDue(Instant now) {
        int expired = 0;
        for (Long id : log.expiredPending(now, 500)) {
            if (settle(id, HoldOutcome.EXPIRED, "TOPUP_EXPIRED", List.of()) == Settlement.FAILED) {
                expired++;
            }
        }
        return expired;
    }

    /** Settles a top-up exactly once: the transaction row lock orders all settlers. */
    Settlement settle(long transactionId, HoldOutcome outcome, String reasonCode, List<String> reasonArgs) {
        return transaction.execute(status -> {
            TransactionLog.Row row = log.lockForUpdate(transactionId).orElseThrow();
            Ledger.Hold hold = ledger.findHold(row.holdId());
            if (row.status() != TransactionStatus.PENDING || ledger.resolution(hold.id()) != null) {
                if (outcome == HoldOutcome.POSTED && row.status() == TransactionStatus.FAILED) {
                    return lateConfirmation(row, hold);
                }
                return Settlement.ALREADY_SETTLED;
            }
            Ledger.Locked locked = ledger.lock(List.of(hold.debitAccountId(), hold.creditAccountId()));
            String code = reasonCode;
            List<String> args = reasonArgs;
            if (outcome == HoldOutcome.POSTED) {
                CustomerWallets.Wallet wallet = wallets.find(row.userId()).orElseThrow();
                Limits.Check check = limits.checkIncoming(locked.get(hold.creditAccountId()).balance(), wallet.accountId(),
                        wallet.tier(), hold.amount());
                if (check == null) {
                    Long entryId = ledger.resolve(locked, hold, HoldOutcome.POSTED, "TOP_UP", List.of());
                    log.setEntry(transactionId, entryId, null);
                    log.change(transactionId, TransactionStatus.COMPLETED, "COMPLETED", null, null, null, null);
                    limits.recordIncoming(hold.creditAccountId(), hold.amount());
                    events.publishEvent(new TopUpCompleted(transactionId, row.userId(), row.amount()));
                    return Settlement.COMPLETED;
                }
                // The wallet filled up while the bank confirmed: refuse the money, the bank returns it.
                code = check.breach() == Limits.Breach.BALANCE_CAP ? "WALLET_BALANCE_CAP" : "MONTHLY_INCOMING_LIMIT";
                args = List.of(Money.format(check.limit()));
                ledger.resolve(locked, hold, HoldOutcome.VOIDED, null, List.of());
            } else {
                ledger.resolve(locked, hold, outcome, null, List.of());
            }
            log.change(transactionId, TransactionStatus.FAILED, outcome == HoldOutcome.EXPIRED ? "EXPIRED" : "FAILED",
                    code, args, null, null);
            audit.record(AuditEntry.of("WALLET_TOP_UP_FAILED", null, "SYSTEM", row.userId(),
                    "tx=" + transactionId + " reason=" + code, ClientInfo.system()));
            events.publishEvent(new TopUpFailed(transactionId, row.userId(), row.amount(), code));
            return Settlement.FAILED;
        });
    }

    /**
     * The bank took the money after we gave up on the top-up: book it from the bank to suspense (once)
     * for staff to return to the bank or credit by hand; the customer sees it on the timeline.
     */
    private Settlement lateConfirmation(TransactionLog.Row row, Ledger.Hold hold) {
        long already = jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE transaction_id = :tx AND kind = 'LATE_BANK_CREDIT'")
                .param("tx", row.id()).query(Long.class).single();
        if (already > 0) {
            return Settlement.ALREADY_SETTLED;
        }
        long suspense = system.suspense();
        Ledger.Locked locked = ledger.lock(List.of(hold.debitAccountId(), suspense));
        ledger.post(locked, "LATE_BANK_CREDIT", row.id(), null, List.of(
                new Ledger.Leg(hold.debitAccountId(), -hold.amount()), new Ledger.Leg(suspense, hold.amount())));
        log.addStep(row.id(), "LATE_CONFIRMATION", "LATE_CONFIRMATION_IN_SUSPENSE");
        audit.record(AuditEntry.of("WALLET_TOP_UP_LATE_CONFIRMATION", null, "SYSTEM", row.userId(),
                "tx=" + row.id() + " amount=" + row.amount() + " booked to suspense", ClientInfo.system()));
        return Settlement.LATE_TO_SUSPENSE;
    }
}
