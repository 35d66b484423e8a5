package io.walletdesk.ledger;

/** The bank confirmed a top-up and the money is in the wallet. */
public record TopUpCompleted(long transactionId, long userId, long amount) {
}
