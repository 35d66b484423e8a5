package io.walletdesk.chat.internal;

import io.walletdesk.support.MessageView;
import java.time.Instant;

/** The JSON shape of a message for chat clients: no device data of the customer goes to other clients. */
record ChatMessages(long seq, String clientMessageId, String author, String authorName, String body,
        boolean internalNote, Instant createdAt) {

    static ChatMessages of(MessageView message) {
        return new ChatMessages(message.seq(), message.clientMessageId(), message.authorType().name().toLowerCase(),
                message.authorName(), message.body(), message.internalNote(), message.createdAt());
    }
}
