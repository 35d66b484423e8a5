package io.walletdesk.status.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.PostgresTest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * On real PostgreSQL: the migrations run, and the status page keeps answering, from its last known state,
 * while the database refuses every connection.
 */
@PostgresTest
class StatusPostgresTest {

    @Autowired
    StatusAdmin admin;
    @Autowired
    StatusSnapshots snapshots;
    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String url;
    @Value("${spring.datasource.username}")
    String user;
    @Value("${spring.datasource.password:}")
    String password;

    @Test
    void thePageAnswersWhileTheDatabaseIsUnreachable() throws Exception {
        String id = StatusFixtures.incident(admin, "Top-ups delayed", "top-up", ComponentStatus.PARTIAL_OUTAGE);
        ApiClient visitor = new ApiClient(port);
        assertThat(visitor.get("/status").body()).contains("Top-ups delayed").doesNotContain("id=\"stale\"");
        snapshots.invalidate();
        assertThat(visitor.get("/status").status()).isEqualTo(200);

        String database = url.substring(url.lastIndexOf('/') + 1);
        setConnectable(database, false);
        try {
            snapshots.invalidate();
            ApiClient.Response page = visitor.get("/status");
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("id=\"stale\"", "last known state", "Top-ups delayed",
                    "data-component=\"top-up\" data-status=\"partial_outage\"");
            ApiClient.Response incident = visitor.get("/status/incidents/" + id);
            assertThat(incident.status()).isEqualTo(200);
            assertThat(incident.body()).contains("Top-ups delayed");
            ApiClient.Response feed = visitor.get("/status/history.atom");
            assertThat(feed.status()).isEqualTo(200);
            assertThat(feed.body()).contains("Top-ups delayed");
        } finally {
            setConnectable(database, true);
        }
        snapshots.invalidate();
        awaitFresh();
    }

    private void awaitFresh() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (snapshots.current().stale() && System.nanoTime() < deadline) {
            snapshots.invalidate();
            Thread.sleep(200);
        }
        assertThat(snapshots.current().stale()).as("back to fresh reads once the database answers").isFalse();
    }

    /** Refuses (or allows) new connections to our own test database and ends the existing ones. */
    private void setConnectable(String database, boolean allowed) throws Exception {
        assertThat(database).startsWith("walletdesk_test_");
        String adminUrl = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection admin = java.sql.DriverManager.getConnection(adminUrl, user, password);
                Statement sql = admin.createStatement()) {
            sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + allowed);
            if (!allowed) {
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                        + "' AND pid <> pg_backend_pid()");
            }
        }
    }
}
