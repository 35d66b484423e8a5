package io.walletdesk.support;

/** PENDING waits for the customer and SNOOZED for a time; both pause the service-level clocks. */
public enum ConversationStatus {
    OPEN, PENDING, SNOOZED, RESOLVED, CLOSED
}
