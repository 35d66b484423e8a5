package io.walletdesk.ledger.internal;

/** Unverified wallets have low limits and cannot send to other people; identity verification upgrades them. */
enum WalletTier {
    UNVERIFIED, VERIFIED
}
