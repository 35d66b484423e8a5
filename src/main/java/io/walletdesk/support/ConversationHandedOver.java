package io.walletdesk.support;

/** The assistant handed a chat to humans; {@code intent} is what it understood the customer wants (may be null). */
public record ConversationHandedOver(long conversationId, String intent) {
}
