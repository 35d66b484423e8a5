package io.walletdesk.ledger;

import io.walletdesk.ledger.internal.TransactionLog;
import io.walletdesk.ledger.internal.TransactionView;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What other modules (support, the chatbot, complaints) may read about a customer's money, without
 * touching ledger tables: recent transactions with status, reason code and, while pending, what they wait
 * for and until when. Texts are translated by the caller with the {@code reason.*} and {@code tx.*} keys
 * of the wallet message bundle.
 */
@Service
public class WalletTransactions {

    private final TransactionLog log;

    WalletTransactions(TransactionLog log) {
        this.log = log;
    }

    /** One transaction as another module sees it; {@code amount} is signed from the customer's view. */
    public record Summary(long id, String kind, String status, long amount, String counterparty, String reasonCode,
            List<String> reasonArgs, String waitingFor, Instant expectedBy, Instant createdAt, Instant updatedAt) {
    }

    public List<Summary> recent(long userId, int limit) {
        return log.history(userId, new TransactionLog.Filter(null, null, null, null), null, Math.min(limit, 200))
                .stream().map(t -> summary(t, userId)).toList();
    }

    public Optional<Summary> find(long userId, long transactionId) {
        return log.findFor(userId, transactionId).map(t -> summary(t, userId));
    }

    private static Summary summary(TransactionView t, long viewer) {
        return new Summary(t.id(), t.kind().name(), t.status().name(), t.signedAmountFor(viewer), t.otherPartyFor(viewer),
                t.reasonCode(), t.reasonArgs(), t.waitingFor(), t.expectedBy(), t.createdAt(), t.updatedAt());
    }
}
