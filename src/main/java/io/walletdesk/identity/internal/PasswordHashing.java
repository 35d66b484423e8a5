package io.walletdesk.identity.internal;

import io.walletdesk.shared.web.ProblemException;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.http.HttpStatus;
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
        acquire();
        try {
            return raw != null && encoder.matches(raw, hash);
        } finally {
            turns.release();
        }
    }

    String encode(String raw) {
        acquire();
        try {
            return encoder.encode(raw);
        } finally {
            turns.release();
        }
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
            throw new ProblemException("server-busy", HttpStatus.SERVICE_UNAVAILABLE, null, new Object[0],
                    Map.of("retryAfterSeconds", RETRY_AFTER_SECONDS));
        }
    }
}
