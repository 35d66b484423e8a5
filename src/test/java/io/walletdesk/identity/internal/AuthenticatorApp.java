package io.walletdesk.identity.internal;

import java.time.Instant;

/** Test helper: the codes an authenticator app shows for a secret, for tests outside this package. */
public final class AuthenticatorApp {

    private AuthenticatorApp() {
    }

    /** The 30-second time step of an instant. */
    public static long step(Instant at) {
        return Totp.step(at);
    }

    /** The six-digit code of a time step. */
    public static String code(String base32Secret, long step) {
        return Totp.code(base32Secret, step);
    }
}
