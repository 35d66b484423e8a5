package io.walletdesk.support;

/** An agent resolved a conversation: the satisfaction survey goes out through the channel used. */
public record ConversationResolved(long conversationId) {
}
