package io.walletdesk.ledger;

/** A suspicious-activity rule locked a customer's account. */
public record SuspiciousActivityDetected(long userId, String rule, String lockReason) {
}
