package io.walletdesk.ledger;

/** A customer's wallet account was opened. */
public record WalletOpened(long userId, long accountId) {
}
