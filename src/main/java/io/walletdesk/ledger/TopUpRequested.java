package io.walletdesk.ledger;

/** A top-up was sent to the bank and waits for its confirmation. */
public record TopUpRequested(long transactionId, long userId, long amount, String bankCode) {
}
