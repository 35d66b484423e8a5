package io.walletdesk.status.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.walletdesk.shared.outbox.OutboundMessage;
import io.walletdesk.shared.outbox.OutboundMessages;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.testing.WalletDeskTest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Probes against real services that fail: a local HTTP server that is stopped, and a closed TCP port. A failing
 * probe moves its component, opens an incident after N failures and resolves it after M successes.
 */
@WalletDeskTest
class HealthProbesTest {

    @Autowired
    HealthProbes probes;
    @Autowired
    StatusSnapshots snapshots;
    @Autowired
    Subscriptions subscriptions;
    @Autowired
    OutboundMessages outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StatusAdmin admin;

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        probes.definitions().forEach(p -> probes.remove(p.name()));
    }

    @Test
    void aStoppedHttpServiceOpensAnIncidentAndItsRecoveryResolvesIt() throws Exception {
        String subscriber = "probe-watcher-" + System.nanoTime() + "@example.com";
        subscribeConfirmed(subscriber, List.of("payments"));

        admin.setComponentStatus("payments", ComponentStatus.OPERATIONAL, StatusAdmin.Actor.system());
        server = httpServer(0, 200, "status: UP");
        int port = server.getAddress().getPort();
        probes.register(new ProbeDefinition("payments-gateway", ProbeDefinition.Type.HTTP,
                "http://127.0.0.1:" + port + "/health", "payments", 200, Duration.ofSeconds(3), "UP", 3, 2,
                Duration.ofHours(1), Duration.ofSeconds(2), ComponentStatus.MAJOR_OUTAGE));

        assertThat(probes.run("payments-gateway").success()).isTrue();
        assertThat(component("payments")).isEqualTo(ComponentStatus.OPERATIONAL);

        server.stop(0);
        assertThat(probes.run("payments-gateway").success()).isFalse();
        assertThat(component("payments")).as("first failure moves the component").isEqualTo(
                ComponentStatus.DEGRADED_PERFORMANCE);
        assertThat(openProbeIncident("payments-gateway")).isEmpty();
        probes.run("payments-gateway");
        assertThat(openProbeIncident("payments-gateway")).as("2 of 3 failures: no incident yet").isEmpty();
        probes.run("payments-gateway");
        StatusSnapshot.Incident incident = openProbeIncident("payments-gateway").orElseThrow();
        assertThat(incident.impact()).isEqualTo(Impact.MAJOR);
        assertThat(incident.componentCodes()).containsExactly("payments");
        assertThat(incident.name().in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("付款运行异常");
        assertThat(component("payments")).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        probes.run("payments-gateway");
        assertThat(openIncidents("payments-gateway")).as("one incident, however long it fails").hasSize(1);

        server = httpServer(port, 200, "status: UP");
        assertThat(probes.run("payments-gateway").success()).isTrue();
        server.stop(0);
        probes.run("payments-gateway");
        server = httpServer(port, 200, "status: UP");
        probes.run("payments-gateway");
        assertThat(openProbeIncident("payments-gateway")).as("single successes do not resolve (no flapping)")
                .isPresent();
        probes.run("payments-gateway");
        assertThat(openProbeIncident("payments-gateway")).isEmpty();
        assertThat(component("payments")).isEqualTo(ComponentStatus.OPERATIONAL);
        StatusSnapshot.Incident resolved = snapshots.current().snapshot().incident(incident.publicId()).orElseThrow();
        assertThat(resolved.status()).isEqualTo(IncidentStatus.RESOLVED);

        List<OutboundMessage> mails = outbox.to(subscriber);
        assertThat(mails).filteredOn(m -> m.purpose().equals("STATUS_UPDATE")).hasSize(2);
        assertThat(mails.get(0).subject()).contains("Resolved");
        assertThat(mails.get(0).body()).contains("/status/subscriptions/unsubscribe?token=");
    }

    @Test
    void wrongStatusOrBodyOrSlownessCountAsFailures() throws Exception {
        server = httpServer(0, 503, "status: DOWN");
        ProbeDefinition probe = new ProbeDefinition("wallet-web", ProbeDefinition.Type.HTTP,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/", "wallet-app", 200, null, "UP", 5, 2,
                Duration.ofHours(1), Duration.ofSeconds(2), ComponentStatus.PARTIAL_OUTAGE);
        ProbeChecker checker = new ProbeChecker(null);
        assertThat(checker.check(probe).message()).contains("503");
        server.stop(0);
        server = httpServer(0, 200, "status: DOWN");
        ProbeDefinition bodyProbe = new ProbeDefinition("wallet-web", ProbeDefinition.Type.HTTP,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/", "wallet-app", 200, null, "UP", 5, 2,
                Duration.ofHours(1), Duration.ofSeconds(2), ComponentStatus.PARTIAL_OUTAGE);
        assertThat(checker.check(bodyProbe).message()).contains("body");
        ProbeDefinition slowProbe = new ProbeDefinition("wallet-web", ProbeDefinition.Type.HTTP,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/", "wallet-app", 200, Duration.ofNanos(1),
                null, 5, 2, Duration.ofHours(1), Duration.ofSeconds(2), ComponentStatus.PARTIAL_OUTAGE);
        assertThat(checker.check(slowProbe).message()).contains("response time");
    }

    @Test
    void aClosedTcpPortOpensAnIncidentAndAListeningOneResolvesIt() throws Exception {
        int port;
        try (ServerSocket probePort = new ServerSocket(0)) {
            port = probePort.getLocalPort();
        }
        admin.setComponentStatus("live-chat", ComponentStatus.OPERATIONAL, StatusAdmin.Actor.system());
        probes.register(new ProbeDefinition("chat-socket", ProbeDefinition.Type.TCP, "127.0.0.1:" + port,
                "live-chat", null, null, null, 1, 1, Duration.ofHours(1), Duration.ofSeconds(1),
                ComponentStatus.PARTIAL_OUTAGE));
        assertThat(probes.run("chat-socket").success()).isFalse();
        assertThat(openProbeIncident("chat-socket")).isPresent();
        assertThat(component("live-chat")).isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
        try (ServerSocket listening = new ServerSocket(port)) {
            assertThat(probes.run("chat-socket").success()).isTrue();
        }
        assertThat(openProbeIncident("chat-socket")).isEmpty();
        assertThat(component("live-chat")).isEqualTo(ComponentStatus.OPERATIONAL);
    }

    @Test
    void theDatabaseProbeSucceedsAndTheSchedulerRunsDueProbesOnly() {
        probes.register(new ProbeDefinition("database", ProbeDefinition.Type.DATABASE, null, "wallet-app", null,
                Duration.ofSeconds(5), null, 3, 2, Duration.ofHours(1), Duration.ofSeconds(2),
                ComponentStatus.MAJOR_OUTAGE));
        assertThat(probes.run("database").success()).isTrue();
        var checked = probes.state("database").orElseThrow().lastCheckedAt();
        probes.tick();
        assertThat(probes.state("database").orElseThrow().lastCheckedAt()).as("not due for an hour").isEqualTo(checked);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM shedlock WHERE name = 'status-probes'").query(Long.class).single())
                .as("the tick runs under a cluster-wide lock").isEqualTo(1L);
    }

    @Test
    void mailServersAreCheckedByTheirGreeting() throws Exception {
        try (ServerSocket smtp = new ServerSocket(0, 5, java.net.InetAddress.getLoopbackAddress())) {
            Thread greeter = new Thread(() -> {
                for (String greeting : List.of("220 mail.walletdesk.local ESMTP ready", "554 no service")) {
                    try (var socket = smtp.accept()) {
                        socket.getOutputStream().write((greeting + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        socket.getOutputStream().flush();
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            greeter.start();
            ProbeDefinition probe = new ProbeDefinition("smtp", ProbeDefinition.Type.SMTP,
                    "127.0.0.1:" + smtp.getLocalPort(), "email-support", null, null, null, 3, 2, Duration.ofHours(1),
                    Duration.ofSeconds(2), ComponentStatus.PARTIAL_OUTAGE);
            ProbeChecker checker = new ProbeChecker(null);
            assertThat(checker.check(probe).success()).isTrue();
            ProbeChecker.Result refused = checker.check(probe);
            assertThat(refused.success()).isFalse();
            assertThat(refused.message()).contains("greeting");
            greeter.join(2000);
        }
    }

    private void subscribeConfirmed(String email, List<String> components) {
        subscriptions.subscribe(email, components, null, Locale.ENGLISH, ClientInfo.system());
        String mail = outbox.to(email).get(0).body();
        String token = mail.substring(mail.indexOf("token=") + 6).split("\\s")[0];
        assertThat(subscriptions.confirm(token)).isTrue();
    }

    private ComponentStatus component(String code) {
        snapshots.invalidate();
        return snapshots.current().snapshot().component(code).orElseThrow().status();
    }

    private Optional<StatusSnapshot.Incident> openProbeIncident(String probe) {
        List<StatusSnapshot.Incident> open = openIncidents(probe);
        return open.stream().findFirst();
    }

    private List<StatusSnapshot.Incident> openIncidents(String probe) {
        List<String> ids = jdbc.sql("""
                SELECT public_id FROM status_incident WHERE probe_name = :p
                AND status IN ('investigating', 'identified', 'monitoring')""")
                .param("p", probe).query(String.class).list();
        snapshots.invalidate();
        return snapshots.current().snapshot().unresolvedIncidents().stream().filter(i -> ids.contains(i.publicId()))
                .toList();
    }

    private static HttpServer httpServer(int port, int status, String body) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        return server;
    }
}
