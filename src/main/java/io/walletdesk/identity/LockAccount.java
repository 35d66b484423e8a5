package io.walletdesk.identity;

/** Command: lock an account. {@code byStaffUserId} is null when a rule of the system locks it. */
public record LockAccount(long userId, LockReason reason, String note, Long byStaffUserId) {
}
