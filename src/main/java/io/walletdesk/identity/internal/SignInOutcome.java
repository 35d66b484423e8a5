package io.walletdesk.identity.internal;

import io.walletdesk.identity.SignedInUser;

/** What a sign-in step produced. Rejections carry a problem code the caller translates. */
sealed interface SignInOutcome {

    /** Signed in; {@code user.restricted()} means a support-only session. */
    record SignedIn(SignedInUser user, boolean newDevice) implements SignInOutcome {
    }

    /** The password was right; now the TOTP or a recovery code is needed. */
    record SecondFactorRequired(long userId) implements SignInOutcome {
    }

    /**
     * Refused. Codes: invalid-credentials, invalid-second-factor, sign-in-blocked (retry after the block),
     * rate-limited (too many attempts from this address), staff-account-disabled.
     */
    record Rejected(String code, long retryAfterSeconds) implements SignInOutcome {
    }
}
