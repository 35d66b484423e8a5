package io.walletdesk.identity;

/** A user changed their password: every credential issued before it must stop working. */
public record PasswordChanged(long userId) {
}
