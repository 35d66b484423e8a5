package io.walletdesk.ledger;

/** Money moved from one customer to another. */
public record TransferCompleted(long transactionId, long senderUserId, long recipientUserId, long amount) {
}
