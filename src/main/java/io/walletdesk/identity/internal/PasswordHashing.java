package io.walletdesk.identity.internal;

import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Every Argon2 computation goes through here. Argon2 is slow and memory-hard on purpose, so a burst of
 * sign-ins must neither run unbounded in parallel (CPU, memory) nor hold a database connection while it
 * hashes: callers hash outside any transaction, and at most a few hashes run at once. A caller that cannot
 * get a turn within the configured wait gets 503 server-busy with Retry-After instead of queueing forever.
 */
@Component
class PasswordHashing {

    static final long RETRY_AFTER_SECONDS = 5;

    private final PasswordEncoder encoder;
    private final Semaphore turns;
    private final long waitMillis;

    PasswordHashing(PasswordEncoder encoder, IdentityProperties properties) {
        this.encoder = encoder;
        int permits = properties.hashingConcurrency() > 0 ? properties.hashingConcurrency()
                : Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
        this.turns = new Semaphore(permits, true);
        this.waitMillis = properties.hashingWait().toMillis();
    }

    boolean matches(String raw, String hash) {
        if (raw != null && !wellFormed(raw)) {
            return false; // never accepted as a new password, so it cannot be anyone's; Argon2 would throw on it
        }
        acquire();
        try {
            return raw != null && encoder.matches(raw, hash);
        } finally {
            turns.release();
        }
    }

    String encode(String raw) {
        if (raw == null || !wellFormed(raw)) {
            throw ProblemException.forField("malformed-request", FailureKind.INVALID, "password");
        }
        acquire();
        try {
            return encoder.encode(raw);
        } finally {
            turns.release();
        }
    }

    /** False for text with an unpaired UTF-16 surrogate, which a client can send as {@code "\\uD800"} in JSON. */
    static boolean wellFormed(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private void acquire() {
        assert !TransactionSynchronizationManager.isActualTransactionActive() : "hashing inside a transaction";
        boolean acquired;
        try {
            acquired = turns.tryAcquire(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new ProblemException("server-busy", FailureKind.UNAVAILABLE, null, new Object[0],
                    Map.of("retryAfterSeconds", RETRY_AFTER_SECONDS));
        }
    }
}
