package io.walletdesk.identity;

/** A user account was locked (by a rule or by staff); the customer can still reach support. */
public record AccountLocked(long userId, LockReason reason, Long byStaffUserId) {
}
