package io.walletdesk.shared.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.walletdesk.shared.metrics.CachedReading;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox backlog per channel (README "Metrics"): messages waiting, given up, and the age of the oldest waiting
 * one, which is what says "mail is stuck". One grouped query, at most every five seconds, the same on every node.
 */
@Component
class OutboxGauges {

    private final JdbcClient jdbc;
    private final Clock clock;

    OutboxGauges(JdbcClient jdbc, Clock clock, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.clock = clock;
        CachedReading<Map<OutboundMessage.Channel, Backlog>> backlog =
                new CachedReading<>("outbox backlog", Duration.ofSeconds(5), this::read);
        for (OutboundMessage.Channel channel : OutboundMessage.Channel.values()) {
            String c = channel.name();
            Gauge.builder("walletdesk.outbox.pending", backlog, b -> b.gauge(m -> m.get(channel).pending()))
                    .strongReference(true) // the reading lives only in this gauge
                    .tag("channel", c).description("Outbox messages waiting to be sent").register(meters);
            Gauge.builder("walletdesk.outbox.failed", backlog, b -> b.gauge(m -> m.get(channel).failed()))
                    .strongReference(true) // the reading lives only in this gauge
                    .tag("channel", c).description("Outbox messages given up after their last try").register(meters);
            Gauge.builder("walletdesk.outbox.oldest.pending.age", backlog, b -> b.gauge(m -> m.get(channel).oldestAgeSeconds()))
                    .strongReference(true) // the reading lives only in this gauge
                    .tag("channel", c).baseUnit("seconds").description("Age of the oldest outbox message still waiting")
                    .register(meters);
        }
    }

    private Map<OutboundMessage.Channel, Backlog> read() {
        Map<OutboundMessage.Channel, Backlog> all = new EnumMap<>(OutboundMessage.Channel.class);
        for (OutboundMessage.Channel channel : OutboundMessage.Channel.values()) {
            all.put(channel, new Backlog(0, 0, 0));
        }
        // Index outbound_message_pending_idx (status, id) serves both states; SENT rows are never read.
        jdbc.sql("""
                SELECT channel, SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END) AS pending,
                  SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END) AS failed,
                  MIN(CASE WHEN status = 'PENDING' THEN created_at END) AS oldest
                FROM outbound_message WHERE status IN ('PENDING', 'FAILED') GROUP BY channel""")
                .query(rs -> {
                    for (OutboundMessage.Channel channel : OutboundMessage.Channel.values()) {
                        if (channel.name().equals(rs.getString("channel"))) {
                            Timestamp oldest = rs.getTimestamp("oldest");
                            long age = oldest == null ? 0
                                    : Math.max(0, Duration.between(oldest.toInstant(), clock.instant()).toSeconds());
                            all.put(channel, new Backlog(rs.getLong("pending"), rs.getLong("failed"), age));
                        }
                    }
                });
        return all;
    }

    record Backlog(long pending, long failed, long oldestAgeSeconds) {
    }
}
