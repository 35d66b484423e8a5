package io.walletdesk.status.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.walletdesk.shared.metrics.CachedReading;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How many of the status page's health probes failed their last check (README "Metrics"): one of them failing
 * means customers may not reach a part of WalletDesk. Read from the probes' stored state (one node runs them),
 * at most every five seconds; probes no longer registered are not counted.
 */
@Component
class ProbeGauges {

    private final JdbcClient jdbc;
    private final HealthProbes probes;

    ProbeGauges(JdbcClient jdbc, HealthProbes probes, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.probes = probes;
        CachedReading<Long> failing = new CachedReading<>("failing probes", Duration.ofSeconds(5), this::failing);
        Gauge.builder("walletdesk.status.probes.failing", failing, f -> f.gauge(Long::doubleValue))
                .strongReference(true) // the reading lives only in this gauge
                .description("Status-page health probes whose last check failed").register(meters);
        Gauge.builder("walletdesk.status.probes", probes, p -> p.definitions().size())
                .description("Status-page health probes registered").register(meters);
    }

    private long failing() {
        Set<String> registered = probes.definitions().stream().map(ProbeDefinition::name).collect(Collectors.toSet());
        if (registered.isEmpty()) {
            return 0;
        }
        return jdbc.sql("SELECT name FROM status_probe_state WHERE last_success = FALSE").query(String.class).list()
                .stream().filter(registered::contains).count();
    }
}
