package io.walletdesk.ledger;

/** A top-up failed or expired; {@code reasonCode} says why (see {@code reason.*} messages). */
public record TopUpFailed(long transactionId, long userId, long amount, String reasonCode) {
}
