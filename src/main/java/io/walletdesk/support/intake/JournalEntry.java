package io.walletdesk.support.intake;

import java.time.Instant;

/**
 * One message kept on disk while the database was away: flat, so it reads back without type metadata
 * (the enums are written by name).
 */
record JournalEntry(String id, Kind kind, Long conversationId, ParticipantKind participantKind, Long userId,
        String visitorId, String name, String clientMessageId, String body, String channel, String email, String phone,
        String language, String ip, String userAgent, String appVersion, Instant clientTime, Instant receivedAt) {

    /** MESSAGE goes into an existing conversation; LEFT_MESSAGE may open one. */
    enum Kind { MESSAGE, LEFT_MESSAGE }

    /** Who wrote it: a signed-in customer or a visitor. */
    enum ParticipantKind { CUSTOMER, VISITOR }
}
