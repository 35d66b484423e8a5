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

    /** Refused, for a reason; {@code retryAfterSeconds} is 0 unless waiting helps. */
    record Rejected(Refusal reason, long retryAfterSeconds) implements SignInOutcome {

        /** The problem code the caller translates. */
        String code() {
            return reason.code();
        }
    }

    /** Why a sign-in step was refused, with its problem code. */
    enum Refusal {
        INVALID_CREDENTIALS("invalid-credentials"),
        INVALID_SECOND_FACTOR("invalid-second-factor"),
        /** Too many wrong answers for this account: retry after the block. */
        SIGN_IN_BLOCKED("sign-in-blocked"),
        /** Too many attempts from this client address. */
        RATE_LIMITED("rate-limited"),
        STAFF_ACCOUNT_DISABLED("staff-account-disabled");

        private final String code;

        Refusal(String code) {
            this.code = code;
        }

        String code() {
            return code;
        }

        /** Refused for the number of attempts, not for the answer: come back later (429). */
        boolean tooManyAttempts() {
            return this == SIGN_IN_BLOCKED || this == RATE_LIMITED;
        }
    }
}
