package io.walletdesk.support;

/** A message was stored in a conversation (after commit); live transports fan it out. */
public record MessagePosted(long conversationId, long seq, boolean internalNote) {
}
