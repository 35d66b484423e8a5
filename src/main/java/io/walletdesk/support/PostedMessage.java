package io.walletdesk.support;

/** The result of posting: the stored message; {@code duplicate} is true when this client id had already been stored. */
public record PostedMessage(MessageView message, boolean duplicate) {
}
