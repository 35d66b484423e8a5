package io.walletdesk.support;

import java.time.Instant;

/** A conversation as its participants see it. */
public record ConversationView(long id, String reference, ConversationStatus status, Priority priority, Channel channel,
        String subject, Long customerUserId, String visitorId, String contactName, String contactEmail,
        String contactPhone, String language, Long assigneeUserId, long lastSeq, Instant createdAt, Instant updatedAt,
        Instant resolvedAt, Long teamId) {
}
