package io.walletdesk.identity;

/**
 * A user signed out (a page session or an app's token). Published synchronously before the answer, so
 * that credentials other modules issued to the user (chat tokens) are gone when the user sees it.
 */
public record SignedOut(long userId) {
}
