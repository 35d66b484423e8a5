package io.walletdesk.support;

/**
 * A message was stored in a conversation (listeners run after commit). It carries what every listener decides on
 * (who wrote it, through which channel, in which conversation language, for which customer), so live transports,
 * the assistant and routing need not read the conversation back; the text itself stays in the database.
 * {@code customerUserId} is null for a visitor's conversation.
 */
public record MessagePosted(long conversationId, long seq, boolean internalNote, AuthorType authorType, Channel channel,
        String language, Long customerUserId) {

    /** Whether the customer (or visitor) wrote it. */
    public boolean fromCustomer() {
        return authorType == AuthorType.CUSTOMER;
    }
}
