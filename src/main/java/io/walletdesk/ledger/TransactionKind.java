package io.walletdesk.ledger;

/** What a customer-facing transaction is. */
public enum TransactionKind {
    TOP_UP, PAYMENT, TRANSFER, REFUND, REVERSAL
}
