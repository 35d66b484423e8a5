package io.walletdesk.ledger.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.walletdesk.ledger.PaymentCompleted;
import io.walletdesk.ledger.TopUpCompleted;
import io.walletdesk.ledger.TopUpFailed;
import io.walletdesk.ledger.TopUpRequested;
import io.walletdesk.ledger.TransactionKind;
import io.walletdesk.ledger.TransferCompleted;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.shared.metrics.AfterCommit;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Top-ups, payments and transfers by outcome and reason (README "Metrics"). What happened is counted from the
 * ledger's own events, synchronously and after commit (ADR 0900); what was refused raises no event, so the three
 * operations report their refusals here with the problem code. Labels are enums, {@link ReasonCode}s and problem
 * codes written in the source: a bounded set.
 */
@Component
class LedgerMetrics {

    /** Label value when a completed transaction has no reason. */
    static final String NO_REASON = "none";

    private final MeterRegistry meters;

    LedgerMetrics(MeterRegistry meters) {
        this.meters = meters;
        for (TransactionKind kind : new TransactionKind[] {TransactionKind.TOP_UP, TransactionKind.PAYMENT,
                TransactionKind.TRANSFER}) {
            counter(kind, "completed", NO_REASON); // every dashboard series exists from the first scrape
        }
    }

    /**
     * Runs a customer's money operation and counts a refusal (a {@link ProblemException}: limits, PIN, balance,
     * validation) with its problem code; a success is counted from the event it publishes.
     */
    <T> T refusalsOf(TransactionKind kind, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (ProblemException refused) {
            counter(kind, "refused", refused.code()).increment();
            throw refused;
        }
    }

    /** A bank's callback and what it did: a settlement, or the problem it was refused with. */
    TopUps.Settlement bankCallback(String bank, Supplier<TopUps.Settlement> receive) {
        try {
            TopUps.Settlement settlement = receive.get();
            callbacks(bank, settlement.name()).increment();
            return settlement;
        } catch (ProblemException refused) {
            callbacks(bank, refused.code()).increment();
            throw refused;
        }
    }

    @EventListener
    void on(TopUpRequested requested) {
        countAfterCommit(TransactionKind.TOP_UP, "requested", NO_REASON);
    }

    @EventListener
    void on(TopUpCompleted completed) {
        countAfterCommit(TransactionKind.TOP_UP, "completed", NO_REASON);
    }

    @EventListener
    void on(TopUpFailed failed) {
        countAfterCommit(TransactionKind.TOP_UP, "failed", reason(failed.reasonCode()));
    }

    @EventListener
    void on(PaymentCompleted completed) {
        countAfterCommit(TransactionKind.PAYMENT, "completed", NO_REASON);
    }

    @EventListener
    void on(TransferCompleted completed) {
        countAfterCommit(TransactionKind.TRANSFER, "completed", NO_REASON);
    }

    private void countAfterCommit(TransactionKind kind, String outcome, String reason) {
        AfterCommit.run(counter(kind, outcome, reason)::increment);
    }

    /** A known reason code as is; a bank's own code we do not know is one value, so the label stays bounded. */
    static String reason(String code) {
        if (code == null || code.isBlank()) {
            return NO_REASON;
        }
        for (ReasonCode known : ReasonCode.values()) {
            if (known.name().equals(code)) {
                return code;
            }
        }
        return "BANK_OTHER";
    }

    private Counter counter(TransactionKind kind, String outcome, String reason) {
        return Counter.builder("walletdesk.wallet.transactions").tag("kind", kind.name()).tag("outcome", outcome)
                .tag("reason", reason)
                .description("Customers' top-ups, payments and transfers: requested, completed, failed (reason code) "
                        + "or refused (problem code)")
                .register(meters);
    }

    private Counter callbacks(String bank, String outcome) {
        return Counter.builder("walletdesk.bank.callbacks").tag("bank", bank).tag("outcome", outcome)
                .description("Banks' signed top-up callbacks by what they did (settlement or refusal)")
                .register(meters);
    }
}
