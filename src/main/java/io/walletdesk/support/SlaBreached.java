package io.walletdesk.support;

/** A service-level target of the conversation was missed. */
public record SlaBreached(long conversationId, SlaTarget target) {
}
