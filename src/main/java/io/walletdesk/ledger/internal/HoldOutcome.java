package io.walletdesk.ledger.internal;

/** How a hold ended: its money moved, it was cancelled, or nobody confirmed it in time. */
enum HoldOutcome {
    POSTED, VOIDED, EXPIRED
}
