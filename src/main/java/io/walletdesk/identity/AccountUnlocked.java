package io.walletdesk.identity;

/** A locked account became active again. */
public record AccountUnlocked(long userId, Long byStaffUserId) {
}
