package io.walletdesk.ledger;

/** A customer paid a merchant. */
public record PaymentCompleted(long transactionId, long userId, String merchantCode, long amount) {
}
