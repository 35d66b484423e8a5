package io.walletdesk.status.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Probes are configured as documented in {@link StatusProperties}, with sensible defaults. */
class StatusPropertiesTest {

    @Test
    void probesBindFromProperties() {
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "walletdesk.status.page-url", "https://status.walletdesk.example",
                "walletdesk.status.probes[0].name", "bank-gateway",
                "walletdesk.status.probes[0].type", "HTTP",
                "walletdesk.status.probes[0].target", "https://bank.example/health",
                "walletdesk.status.probes[0].component", "top-up",
                "walletdesk.status.probes[0].expected-status", "200",
                "walletdesk.status.probes[0].max-response-time", "PT2S",
                "walletdesk.status.probes[0].body-contains", "UP",
                "walletdesk.status.probes[0].failure-status", "partial_outage",
                "walletdesk.status.probes[1].name", "outbox-backlog")));
        StatusProperties properties = binder.bind("walletdesk.status", StatusProperties.class).get();
        assertThat(properties.pageUrl()).isEqualTo("https://status.walletdesk.example");
        assertThat(properties.timeZone()).isEqualTo("Asia/Jakarta");
        assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(5));
        ProbeDefinition bank = properties.probes().get(0).toDefinition();
        assertThat(bank.type()).isEqualTo(ProbeDefinition.Type.HTTP);
        assertThat(bank.expectedStatus()).isEqualTo(200);
        assertThat(bank.maxResponseTime()).isEqualTo(Duration.ofSeconds(2));
        assertThat(bank.failureThreshold()).isEqualTo(3);
        assertThat(bank.successThreshold()).isEqualTo(2);
        assertThat(bank.interval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(bank.failureStatus()).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
        assertThat(properties.probes().get(1).name()).isEqualTo("outbox-backlog");
    }
}
