package io.walletdesk.ledger;

/** Staff approved (unlock and upgrade) or rejected an identity verification. */
public record IdentityVerificationDecided(long verificationId, long userId, boolean approved, String rejectionReason, long byStaffUserId) {
}
