package io.walletdesk.ledger.internal;

import io.walletdesk.ledger.WalletTransactions;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** {@link WalletTransactions} read from the transaction log. */
@Service
class TransactionSummaries implements WalletTransactions {

    private final TransactionLog log;

    TransactionSummaries(TransactionLog log) {
        this.log = log;
    }

    @Override
    public List<Summary> recent(long userId, int limit) {
        return log.history(userId, new TransactionLog.Filter(null, null, null, null), null, Math.min(limit, 200))
                .stream().map(t -> summary(t, userId)).toList();
    }

    @Override
    public Optional<Summary> find(long userId, long transactionId) {
        return log.findFor(userId, transactionId).map(t -> summary(t, userId));
    }

    private static Summary summary(TransactionView t, long viewer) {
        return new Summary(t.id(), t.kind(), t.status(), t.signedAmountFor(viewer), t.otherPartyFor(viewer),
                t.reasonCode(), t.reasonArgs(), t.waitingFor(), t.expectedBy(), t.createdAt(), t.updatedAt());
    }
}
