package io.walletdesk.support;

/** The stored message; {@code duplicate} is true when this client id had already been stored. */
public record Posted(MessageView message, boolean duplicate) {
}
