package io.walletdesk.identity;

/** A user signed in from a device we had not seen for them before. */
public record SignedInFromNewDevice(long userId, long signInEventId) {
}
