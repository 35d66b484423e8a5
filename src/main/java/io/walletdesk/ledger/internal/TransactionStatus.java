package io.walletdesk.ledger.internal;

/** Where a transaction stands: pending, completed, failed, or reversed (refunded) by a later transaction. */
public enum TransactionStatus {
    PENDING, COMPLETED, FAILED, REVERSED
}
