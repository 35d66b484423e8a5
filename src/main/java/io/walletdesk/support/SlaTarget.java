package io.walletdesk.support;

/** The service-level clocks of a conversation, in the order they run out. */
public enum SlaTarget {
    FIRST_RESPONSE, NEXT_RESPONSE, RESOLUTION
}
