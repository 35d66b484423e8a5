package io.walletdesk.ledger;

/** Where a transaction stands: pending, completed, failed, or reversed (refunded) by a later transaction. */
public enum TransactionStatus {
    PENDING, COMPLETED, FAILED, REVERSED
}
