package io.walletdesk.support;

import java.time.Instant;

/**
 * One message. {@code seq} orders messages within a conversation without gaps; {@code clientMessageId}
 * is the sender's own id, so a repeated send is recognised. Device fields record the customer's client (E3).
 */
public record MessageView(long conversationId, long seq, String clientMessageId, AuthorType authorType, String authorName,
        Channel channel, String body, boolean internalNote, Instant createdAt, Instant clientTime, String deviceType,
        String os, String browser, String appVersion) {

    /** Whether the customer (or visitor) wrote it. */
    public boolean fromCustomer() {
        return authorType == AuthorType.CUSTOMER;
    }
}
