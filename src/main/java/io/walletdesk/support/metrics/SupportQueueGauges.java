package io.walletdesk.support.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.walletdesk.shared.metrics.CachedReading;
import io.walletdesk.support.ConversationStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The queue: open conversations no person has taken yet and the assistant does not hold, and how long the oldest
 * has waited since it was opened. Read from the database (one query, at most every five seconds), so every node
 * reports the whole desk's queue.
 */
@Component
class SupportQueueGauges {

    private final JdbcClient jdbc;
    private final Clock clock;

    SupportQueueGauges(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        CachedReading<Queue> queue = new CachedReading<>("support queue", Duration.ofSeconds(5), this::read);
        Gauge.builder("walletdesk.support.queue.size", queue, q -> q.gauge(Queue::size))
                .strongReference(true) // the reading lives only in this gauge
                .description("Open conversations waiting for a person (unassigned, not held by the assistant)")
                .register(meters);
        Gauge.builder("walletdesk.support.queue.oldest.wait", queue, q -> q.gauge(Queue::oldestWaitSeconds))
                .strongReference(true) // the reading lives only in this gauge
                .baseUnit("seconds").description("How long the oldest conversation in the queue has been open")
                .register(meters);
    }

    private Queue read() {
        return jdbc.sql("""
                SELECT COUNT(*) AS queued, MIN(c.created_at) AS oldest FROM conversations c
                WHERE c.status = :open AND c.assignee_user_id IS NULL AND c.merged_into_id IS NULL
                  AND NOT EXISTS (SELECT 1 FROM conversation_responder r
                                  WHERE r.conversation_id = c.id AND r.responder = 'ASSISTANT')""")
                .param("open", ConversationStatus.OPEN.name())
                .query((rs, n) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    long waited = oldest == null ? 0
                            : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toSeconds());
                    return new Queue(rs.getLong("queued"), waited);
                })
                .single();
    }

    record Queue(long size, long oldestWaitSeconds) {
    }
}
