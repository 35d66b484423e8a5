package io.walletdesk.identity;

/**
 * Why an account is locked or disabled. Each reason has a translated explanation and next step
 * ({@code lock.reason.{name}} and {@code lock.todo.{name}}).
 */
public enum LockReason {
    /** Many wrong passwords or PINs. */
    CREDENTIAL_BRUTE_FORCE,
    /** Transfers or payments at an unusual speed. */
    UNUSUAL_VELOCITY,
    /** A large transaction right after a sign-in from a new device. */
    NEW_DEVICE_LARGE_TRANSACTION,
    /** The customer asked us to lock it (lost phone, stolen credentials). */
    CUSTOMER_REQUEST,
    /** Staff are checking reported fraud. */
    FRAUD_INVESTIGATION,
    /** Identity documents must be (re)verified. */
    IDENTITY_VERIFICATION_REQUIRED,
    /** A legal or regulatory hold. */
    COMPLIANCE_HOLD,
    /** The account was closed. */
    ACCOUNT_CLOSED
}
