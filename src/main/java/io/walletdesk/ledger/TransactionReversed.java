package io.walletdesk.ledger;

/** A payment was refunded or a transfer reversed, as a new transaction pointing to the original. */
public record TransactionReversed(long originalTransactionId, long reversalTransactionId, long userId, long amount, String kind) {
}
