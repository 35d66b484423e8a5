package io.walletdesk.support;

/** A customer wrote again within 7 days about a resolved conversation: it is open again, with its history. */
public record ConversationReopened(long conversationId) {
}
