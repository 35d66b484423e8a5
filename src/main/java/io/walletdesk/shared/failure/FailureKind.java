package io.walletdesk.shared.failure;

/**
 * What kind of failure a {@link ProblemException} is, in the domain's words. The web edge turns a kind into an
 * HTTP status (shared.web), so domain code does not speak HTTP.
 */
public enum FailureKind {
    /** The request is malformed or a value is out of its allowed range. */
    INVALID,
    /** Who is asking is not known (no or a bad credential). */
    UNAUTHENTICATED,
    /** Known, but not allowed to do this. */
    FORBIDDEN,
    /** The thing does not exist, or is not the asker's to see. */
    NOT_FOUND,
    /** The request is valid but the thing's current state does not allow it (already decided, a duplicate). */
    CONFLICT,
    /** The thing existed and is gone for good (an expired link). */
    GONE,
    /** Larger than allowed. */
    TOO_LARGE,
    /** A file or body type that is not accepted. */
    UNSUPPORTED_TYPE,
    /** Understood and well-formed, but a business rule refuses it (insufficient balance, a limit). */
    UNPROCESSABLE,
    /** Too many attempts; try again later. */
    RATE_LIMITED,
    /** A dependency is down or busy; nothing was lost, try again later. */
    UNAVAILABLE,
    /** A fault of ours. */
    INTERNAL
}
