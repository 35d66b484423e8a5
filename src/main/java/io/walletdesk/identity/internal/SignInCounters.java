package io.walletdesk.identity.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sign-in failure counter and block of an account, changed only under a row lock. Parallel guesses
 * used to read the same counter, each add one and collide on the aggregate's version (500, uncounted);
 * here each failure waits for the previous one, so the block starts at exactly the configured failure,
 * and a failure or a success that arrives once the block is on is refused instead of counted or honoured.
 * Neither the counter nor the block is written by {@link UserAccount} saves (read-only properties).
 */
@Component
class SignInCounters {

    /** What a counted failure did. {@code blockedUntil} is set for BLOCKED_NOW and ALREADY_BLOCKED. */
    enum Effect { COUNTED, BLOCKED_NOW, ALREADY_BLOCKED }

    record Failure(Effect effect, Instant blockedUntil) {
    }

    private final JdbcClient jdbc;

    SignInCounters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public Failure recordFailure(long userId, Instant now, int maxFailures, Duration blockFor) {
        Row row = lock(userId);
        if (row.blockedUntil() != null && row.blockedUntil().isAfter(now)) {
            return new Failure(Effect.ALREADY_BLOCKED, row.blockedUntil());
        }
        int failures = row.failures() + 1;
        if (failures >= maxFailures) {
            Instant until = now.plus(blockFor);
            jdbc.sql("UPDATE users SET failed_sign_ins = 0, sign_in_blocked_until = :until WHERE id = :id")
                    .param("until", Timestamp.from(until)).param("id", userId).update();
            return new Failure(Effect.BLOCKED_NOW, until);
        }
        jdbc.sql("UPDATE users SET failed_sign_ins = :failures WHERE id = :id")
                .param("failures", failures).param("id", userId).update();
        return new Failure(Effect.COUNTED, null);
    }

    /**
     * Resets the counter after a right answer, unless a block started meanwhile (while the password was
     * being checked); then the block holds and this returns when it ends.
     */
    @Transactional
    public java.util.Optional<Instant> recordSuccess(long userId, Instant now) {
        Row row = lock(userId);
        if (row.blockedUntil() != null && row.blockedUntil().isAfter(now)) {
            return java.util.Optional.of(row.blockedUntil());
        }
        if (row.failures() != 0 || row.blockedUntil() != null) {
            jdbc.sql("UPDATE users SET failed_sign_ins = 0, sign_in_blocked_until = NULL WHERE id = :id")
                    .param("id", userId).update();
        }
        return java.util.Optional.empty();
    }

    /** Lifts a block, e.g. when staff unlock the account. */
    @Transactional
    public void clear(long userId) {
        jdbc.sql("UPDATE users SET failed_sign_ins = 0, sign_in_blocked_until = NULL WHERE id = :id")
                .param("id", userId).update();
    }

    private Row lock(long userId) {
        return jdbc.sql("SELECT failed_sign_ins, sign_in_blocked_until FROM users WHERE id = :id FOR UPDATE")
                .param("id", userId)
                .query((rs, n) -> new Row(rs.getInt(1),
                        rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant()))
                .single();
    }

    private record Row(int failures, Instant blockedUntil) {
    }
}
