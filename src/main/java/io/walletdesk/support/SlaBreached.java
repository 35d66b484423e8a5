package io.walletdesk.support;

/** A service-level target was missed; {@code target} is FIRST_RESPONSE, NEXT_RESPONSE or RESOLUTION. */
public record SlaBreached(long conversationId, String target) {
}
