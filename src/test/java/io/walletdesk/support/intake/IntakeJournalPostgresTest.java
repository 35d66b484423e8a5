package io.walletdesk.support.intake;

import static org.assertj.core.api.Assertions.assertThat;


import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.PostgresTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;

/**
 * The database goes away in the middle of a conversation: customers' messages are kept in the node's
 * journal, and after recovery every one of them arrives exactly once, in order.
 */
@PostgresTest
class IntakeJournalPostgresTest {

    @LocalServerPort
    int port;
    @Autowired
    JournalingIntake intake;
    @Autowired
    Environment environment;

    private void allowConnections(boolean allow) throws Exception {
        String url = environment.getProperty("spring.datasource.url");
        String database = url.substring(url.lastIndexOf('/') + 1);
        String admin = url.substring(0, url.lastIndexOf('/') + 1) + "postgres";
        try (Connection connection = DriverManager.getConnection(admin, "postgres", "");
                Statement sql = connection.createStatement()) {
            sql.execute("ALTER DATABASE " + database + " ALLOW_CONNECTIONS " + allow);
            if (!allow) {
                sql.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + database
                        + "' AND pid <> pg_backend_pid()");
            }
        }
    }

    @Test
    void messagesWrittenDuringAnOutageArriveExactlyOnceInOrderAfterRecovery() throws Exception {
        ApiClient customer = new ApiClient(port);
        String token = customer.post("/api/v1/chat/visitors", Map.of("name", "Rani")).json().get("token").asText();
        customer.header("X-Chat-Token", token);
        long id = customer.post("/api/v1/chat/conversations", Map.of()).json().get("id").asLong();
        assertThat(customer.post("/api/v1/chat/conversations/" + id + "/messages",
                Map.of("clientMessageId", "before", "body", "Before the outage")).status()).isEqualTo(201);

        allowConnections(false);
        try {
            for (int i = 1; i <= 4; i++) {
                ApiClient.Response kept = customer.post("/api/v1/chat/conversations/" + id + "/messages",
                        Map.of("clientMessageId", "during-" + i, "body", "During the outage " + i));
                assertThat(kept.status()).as(kept.body()).isEqualTo(202);
            }
            // The phone retries one send it never saw acknowledged.
            assertThat(customer.post("/api/v1/chat/conversations/" + id + "/messages",
                    Map.of("clientMessageId", "during-2", "body", "During the outage 2")).status()).isEqualTo(202);
            ApiClient.Response left = customer.post("/api/v1/chat/leave-message",
                    Map.of("body", "Please call me back", "email", "rani@example.org"));
            assertThat(left.status()).isEqualTo(202);
            assertThat(left.json().get("queued").asBoolean()).isTrue();
            assertThat(intake.replay()).as("nothing can be replayed while the database is away").isZero();
        } finally {
            allowConnections(true);
        }

        // The pool needs a moment to replace the connections the outage killed; replay retries until done.
        int[] applied = {0};
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> {
            applied[0] += intake.replay();
            return applied[0] >= 6;
        });
        assertThat(applied[0]).isEqualTo(6);
        assertThat(intake.replay()).as("the journal is empty afterwards").isZero();
        List<String> bodies = new ArrayList<>();
        customer.get("/api/v1/chat/conversations/" + id + "/messages?after=0").json()
                .forEach(m -> bodies.add(m.get("body").asText()));
        assertThat(bodies).containsExactly("Before the outage", "During the outage 1", "During the outage 2",
                "During the outage 3", "During the outage 4", "Please call me back");
    }
}
