package io.walletdesk.channels.messaging;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The webhook deliveries we accepted, one row per platform id: the unique constraint, not a lookup, makes a
 * redelivery a no-op, so two nodes receiving the same retry at once still store it once.
 */
@Repository
class InboundDeliveries {

    static final int MAX_ATTEMPTS = 5;

    /** What the webhook keeps of one message, status or update, for the work after the answer. */
    record Delivery(Platform platform, String externalId, Kind kind, String payload) {
    }

    /** A stored delivery due for work. */
    record Pending(long id, Platform platform, Kind kind, String payload, int attempts) {
    }

    enum Kind { MESSAGE, STATUS }

    private final JdbcClient jdbc;
    private final Clock clock;

    InboundDeliveries(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Stores what is new; returns how many rows were new (redeliveries count 0). */
    @Transactional
    int store(List<Delivery> deliveries) {
        Timestamp now = Timestamp.from(clock.instant());
        int stored = 0;
        for (Delivery d : deliveries) {
            stored += jdbc.sql("""
                    INSERT INTO messaging_inbound (platform, external_id, kind, payload, received_at, state, next_attempt_at)
                    VALUES (:platform, :externalId, :kind, :payload, :now, 'PENDING', :now)
                    ON CONFLICT DO NOTHING""")
                    .param("platform", d.platform().name()).param("externalId", d.externalId())
                    .param("kind", d.kind().name()).param("payload", d.payload()).param("now", now).update();
        }
        return stored;
    }

    List<Long> due(int limit) {
        return jdbc.sql("""
                SELECT id FROM messaging_inbound WHERE state = 'PENDING' AND next_attempt_at <= :now
                ORDER BY id LIMIT :limit""")
                .param("now", Timestamp.from(clock.instant())).param("limit", limit).query(Long.class).list();
    }

    /**
     * Takes the delivery for the caller's transaction: the row stays locked until it commits, and a second
     * worker finds it done. Empty when someone else has done it.
     */
    Optional<Pending> claim(long id) {
        int claimed = jdbc.sql("""
                UPDATE messaging_inbound SET state = 'DONE', processed_at = :now, attempts = attempts + 1
                WHERE id = :id AND state = 'PENDING'""")
                .param("now", Timestamp.from(clock.instant())).param("id", id).update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT id, platform, kind, payload, attempts FROM messaging_inbound WHERE id = :id")
                .param("id", id).query((rs, n) -> new Pending(rs.getLong("id"), Platform.valueOf(rs.getString("platform")),
                        Kind.valueOf(rs.getString("kind")), rs.getString("payload"), rs.getInt("attempts")))
                .optional();
    }

    /** The work failed (and was rolled back): try again later, or give up after {@value #MAX_ATTEMPTS} tries. */
    void failed(long id, String error) {
        Instant now = clock.instant();
        int attempts = jdbc.sql("SELECT attempts FROM messaging_inbound WHERE id = :id").param("id", id)
                .query(Integer.class).optional().orElse(0) + 1;
        jdbc.sql("""
                UPDATE messaging_inbound SET attempts = :attempts, last_error = :error, next_attempt_at = :next,
                  state = CASE WHEN :attempts >= :max THEN 'FAILED' ELSE 'PENDING' END
                WHERE id = :id AND state = 'PENDING'""")
                .param("attempts", attempts).param("max", MAX_ATTEMPTS)
                .param("error", error == null ? null : error.substring(0, Math.min(error.length(), 500)))
                .param("next", Timestamp.from(now.plus(Duration.ofSeconds(5L << Math.min(attempts, 8)))))
                .param("id", id).update();
    }

    /** How many rows hold this platform id (tests and diagnostics). */
    int count(Platform platform, String externalId) {
        return jdbc.sql("SELECT COUNT(*) FROM messaging_inbound WHERE platform = :p AND external_id = :e")
                .param("p", platform.name()).param("e", externalId).query(Integer.class).single();
    }
}
