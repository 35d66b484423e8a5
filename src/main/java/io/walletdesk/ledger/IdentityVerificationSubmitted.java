package io.walletdesk.ledger;

/** A customer uploaded an ID photo and a selfie for review. */
public record IdentityVerificationSubmitted(long verificationId, long userId) {
}
