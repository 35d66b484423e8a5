/**
 * The wallet: a double-entry ledger (accounts, journal entries, append-only postings, two-phase holds),
 * customer wallets with tiers, limits and a transaction PIN, top-ups through a bank gateway, merchant
 * payments, peer-to-peer transfers, refunds and reversals, transaction tracking, suspicious-activity rules
 * and identity verification.
 *
 * <p>Other modules react to the events in this package (e.g. {@link io.walletdesk.ledger.TopUpFailed}) and
 * read a customer's transactions through {@link io.walletdesk.ledger.WalletTransactions}; they never read
 * ledger tables.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "identity"})
package io.walletdesk.ledger;
