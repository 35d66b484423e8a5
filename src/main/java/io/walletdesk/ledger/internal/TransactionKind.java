package io.walletdesk.ledger.internal;

/** What a customer-facing transaction is. */
public enum TransactionKind {
    TOP_UP, PAYMENT, TRANSFER, REFUND, REVERSAL
}
