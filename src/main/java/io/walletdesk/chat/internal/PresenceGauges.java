package io.walletdesk.chat.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.walletdesk.shared.metrics.CachedReading;
import java.time.Duration;
import org.springframework.stereotype.Component;

/** Agents online across the cluster (README "Metrics"): read from the presence table, at most every five seconds. */
@Component
class PresenceGauges {

    PresenceGauges(AgentPresence presence, MeterRegistry meters) {
        CachedReading<Integer> online = new CachedReading<>("agents online", Duration.ofSeconds(5), presence::agentsOnline);
        Gauge.builder("walletdesk.agents.online", online, o -> o.gauge(Integer::doubleValue))
                .strongReference(true) // the reading lives only in this gauge
                .description("Staff whose presence is ONLINE and fresh (seen in the last two minutes)")
                .register(meters);
    }
}
