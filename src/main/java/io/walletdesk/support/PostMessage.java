package io.walletdesk.support;

import io.walletdesk.shared.web.ClientInfo;
import java.time.Instant;

/**
 * Command: add a message. {@code clientMessageId} makes it idempotent; {@code internalNote} (staff only)
 * is never shown to the customer.
 */
public record PostMessage(long conversationId, Participant by, String clientMessageId, String body, Channel channel,
        boolean internalNote, ClientInfo client, Instant clientTime) {
}
