package io.walletdesk.ledger.internal;

import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Idempotency keys, unique per customer in the database. The key is stored in the same transaction as
 * the money movement it produced, so a key exists exactly when its result does: a request refused by
 * validation or a business rule moved nothing and is not remembered. A retry with the same payload gets
 * the original transaction; the same key with another payload is a 409.
 */
@Component
class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_.:\\-]{1,100}");

    private final JdbcClient jdbc;
    private final Clock clock;

    Idempotency(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public static String requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw ProblemException.forField("idempotency-key-missing", FailureKind.INVALID, HEADER);
        }
        if (!KEY.matcher(key).matches()) {
            throw ProblemException.forField("idempotency-key-invalid", FailureKind.INVALID, HEADER);
        }
        return key;
    }

    /** A stable hash of the request's meaningful fields (never the PIN). */
    public static String hash(Object... parts) {
        StringBuilder canonical = new StringBuilder();
        for (Object part : parts) {
            canonical.append(part == null ? "\u0000" : part.toString()).append('\u001f');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The transaction an earlier request with this key produced, if any.
     *
     * @throws ProblemException 409 when the key was used for a different request
     */
    public Optional<Long> earlier(long userId, String key, String requestHash) {
        return jdbc.sql("SELECT request_hash, transaction_id FROM wallet_idempotency_key WHERE user_id = :user AND idem_key = :key")
                .param("user", userId).param("key", key)
                .query((rs, n) -> {
                    if (!rs.getString("request_hash").equals(requestHash)) {
                        throw ProblemException.forField("idempotency-key-reused", FailureKind.CONFLICT, HEADER);
                    }
                    return rs.getLong("transaction_id");
                }).optional();
    }

    /** {@link #earlier} on a key row read elsewhere ({@code storedHash} null: no earlier request). */
    static Optional<Long> earlier(String storedHash, Long transactionId, String requestHash) {
        if (storedHash == null) {
            return Optional.empty();
        }
        if (!storedHash.equals(requestHash)) {
            throw ProblemException.forField("idempotency-key-reused", FailureKind.CONFLICT, HEADER);
        }
        return Optional.of(transactionId);
    }

    /** Inside the money transaction; a concurrent request with the same key fails on the primary key. */
    public void remember(long userId, String key, String requestHash, long transactionId) {
        jdbc.sql("INSERT INTO wallet_idempotency_key (user_id, idem_key, request_hash, transaction_id, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(userId, key, requestHash, transactionId, Timestamp.from(clock.instant())).update();
    }
}
