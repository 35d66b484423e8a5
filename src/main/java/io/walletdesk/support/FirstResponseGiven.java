package io.walletdesk.support;

import java.time.Instant;

/** An agent answered a conversation for the first time. */
public record FirstResponseGiven(long conversationId, Instant startedAt, Instant respondedAt) {
}
