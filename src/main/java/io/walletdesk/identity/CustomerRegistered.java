package io.walletdesk.identity;

/** A new customer registered; the wallet opens their account in reaction. */
public record CustomerRegistered(long userId) {
}
