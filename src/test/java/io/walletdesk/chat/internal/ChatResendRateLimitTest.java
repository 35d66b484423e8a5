package io.walletdesk.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.ApiClient.Response;
import io.walletdesk.testing.ChatSocket;
import io.walletdesk.testing.WalletDeskTest;
import java.util.Map;
import io.walletdesk.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Issue 13: a phone on a bad network resends the same clientMessageId; resends are free, and a message over
 * the 30/min budget is refused with the seconds to wait, on the socket and over HTTP alike.
 */
@WalletDeskTest
class ChatResendRateLimitTest {

    @LocalServerPort
    int port;
    @Autowired
    MutableClock clock;

    /** Limits count in whole-minute windows: start at the beginning of one, so a test's hits fall in one. */
    @BeforeEach
    void startOfAWindow() {
        long into = Math.floorMod(clock.instant().toEpochMilli(), 60_000L);
        clock.advance(Duration.ofMillis(61_000L - into));
    }

    private String visitorToken(String name) {
        Response created = new ApiClient(port).post("/api/v1/chat/visitors", Map.of("name", name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("token").asText();
    }

    @Test
    void resendsOfTheSameClientMessageIdDoNotUseUpTheBudget() {
        try (ChatSocket customer = new ChatSocket(port)) {
            customer.send(Map.of("type", "hello", "token", visitorToken("Rina"), "lastSeq", 0)).await("welcome");
            for (int i = 1; i < ChatAbuseGuard.MESSAGES_PER_MINUTE; i++) {
                customer.send(Map.of("type", "send", "clientMessageId", "r-" + i, "body", "pesan " + i));
                assertThat(customer.await(f -> f.path("type").asText().matches("ack|error")).path("type").asText())
                        .isEqualTo("ack");
            }
            // The phone repeats its first message many times: every repeat is acknowledged as a duplicate.
            for (int i = 0; i < 20; i++) {
                customer.send(Map.of("type", "send", "clientMessageId", "r-1", "body", "pesan 1"));
                JsonNode ack = customer.await(f -> f.path("type").asText().matches("ack|error"));
                assertThat(ack.path("type").asText()).as(ack.toString()).isEqualTo("ack");
                assertThat(ack.path("duplicate").asBoolean()).isTrue();
            }
            // The 30th real message still fits the budget.
            customer.send(Map.of("type", "send", "clientMessageId", "r-30", "body", "pesan 30"));
            JsonNode thirtieth = customer.await(f -> f.path("type").asText().matches("ack|error"));
            assertThat(thirtieth.path("type").asText()).as(thirtieth.toString()).isEqualTo("ack");
            assertThat(thirtieth.path("seq").asLong()).isEqualTo(30);

            customer.send(Map.of("type", "send", "clientMessageId", "r-31", "body", "pesan 31"));
            JsonNode refused = customer.await("error");
            assertThat(refused.path("code").asText()).isEqualTo("too-many-messages");
            assertThat(refused.path("clientMessageId").asText()).isEqualTo("r-31");
            assertThat(refused.path("retryAfterSeconds").asLong()).isBetween(1L, 60L);
        }
    }

    @Test
    void overHttpTheRefusalSaysWhenToRetryAndResendsStayFree() {
        String token = visitorToken("Budi");
        ApiClient api = new ApiClient(port).header("X-Chat-Token", token);
        long conversationId = api.post("/api/v1/chat/conversations", Map.of()).json().get("id").asLong();
        String messages = "/api/v1/chat/conversations/" + conversationId + "/messages";
        for (int i = 1; i <= ChatAbuseGuard.MESSAGES_PER_MINUTE; i++) {
            Response sent = api.post(messages, Map.of("clientMessageId", "h-" + i, "body", "pesan " + i));
            assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        }
        Response resent = api.post(messages, Map.of("clientMessageId", "h-30", "body", "pesan 30"));
        assertThat(resent.status()).as(resent.body()).isEqualTo(200);
        assertThat(resent.json().get("duplicate").asBoolean()).isTrue();

        Response refused = api.post(messages, Map.of("clientMessageId", "h-31", "body", "pesan 31"));
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("too-many-messages");
        assertThat(refused.json().get("retryAfterSeconds").asLong()).isBetween(1L, 60L);
    }
}
