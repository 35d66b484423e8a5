package io.walletdesk.support;

/** A customer rated the help they got (1–5). */
public record SatisfactionAnswered(long conversationId, int rating) {
}
