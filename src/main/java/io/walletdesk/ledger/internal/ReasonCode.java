package io.walletdesk.ledger.internal;

/**
 * Why a top-up failed or what it waits for. Each has a translated explanation and next step:
 * {@code reason.{CODE}.explain} and {@code reason.{CODE}.next} in the wallet message bundle.
 */
enum ReasonCode {
    BANK_DAILY_LIMIT,
    BANK_ACCOUNT_INVALID,
    BANK_ACCOUNT_CLOSED,
    BANK_INSUFFICIENT_FUNDS,
    BANK_UNAVAILABLE,
    BANK_TIMEOUT,
    BANK_DECLINED,
    TOPUP_EXPIRED,
    WALLET_BALANCE_CAP,
    MONTHLY_INCOMING_LIMIT,
    LATE_CONFIRMATION_IN_SUSPENSE,
    REFUNDED,
    REVERSED
}
