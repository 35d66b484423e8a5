package io.walletdesk.identity;

/** Command: make a locked account active again. {@code byStaffUserId} is null for automatic unlocks. */
public record UnlockAccount(long userId, String note, Long byStaffUserId) {
}
