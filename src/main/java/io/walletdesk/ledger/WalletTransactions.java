package io.walletdesk.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What other modules (support, the chatbot, complaints) may read about a customer's money, without
 * touching ledger tables: recent transactions with status, reason code and, while pending, what they wait
 * for and until when. Texts are translated by the caller with the {@code reason.*} and {@code tx.*} keys
 * of the wallet message bundle.
 */
public interface WalletTransactions {

    /** One transaction as another module sees it; {@code amount} is signed from the customer's view. */
    record Summary(long id, TransactionKind kind, TransactionStatus status, long amount, String counterparty, String reasonCode,
            List<String> reasonArgs, String waitingFor, Instant expectedBy, Instant createdAt, Instant updatedAt) {
    }

    /** The customer's latest transactions, newest first (at most 200). */
    List<Summary> recent(long userId, int limit);

    /** One of the customer's own transactions; empty when it is not theirs or does not exist. */
    Optional<Summary> find(long userId, long transactionId);
}
