package io.walletdesk.support.intake;

import java.time.Instant;

/**
 * One message kept on disk while the database was away: flat, so it reads back without type metadata.
 * {@code kind} is MESSAGE (into an existing conversation) or LEFT_MESSAGE (may open one).
 */
public record JournalEntry(String id, String kind, Long conversationId, String participantKind, Long userId,
        String visitorId, String name, String clientMessageId, String body, String channel, String email, String phone,
        String language, String ip, String userAgent, String appVersion, Instant clientTime, Instant receivedAt) {
}
