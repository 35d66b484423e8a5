package io.walletdesk.support;

/** A customer left a message because live chat was not possible; they get an acknowledgement by e-mail. */
public record MessageLeftForLater(long conversationId) {
}
