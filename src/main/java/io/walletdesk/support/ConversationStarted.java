package io.walletdesk.support;

/** A new conversation was opened (not a reopen). */
public record ConversationStarted(long conversationId, Channel channel) {
}
