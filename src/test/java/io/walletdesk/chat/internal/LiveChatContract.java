package io.walletdesk.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.shared.outbox.OutboundMessages;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.ApiClient.Response;
import io.walletdesk.testing.ChatSocket;
import io.walletdesk.testing.TestData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Live chat delivery guarantees with real clients: every message arrives once and in order across
 * disconnects, offline sends and retries, over WebSocket and over long polling.
 */
abstract class LiveChatContract {

    @LocalServerPort
    int port;
    @Autowired
    ChatTokens tokens;

    private String visitorToken(String name) {
        Response created = new ApiClient(port).post("/api/v1/chat/visitors", Map.of("name", name));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("token").asText();
    }

    private static List<String> bodies(List<JsonNode> messages) {
        List<String> bodies = new ArrayList<>();
        messages.forEach(m -> bodies.add(m.get("body").asText()));
        return bodies;
    }

    @Test
    void messagesSurviveDisconnectsOfflineSendsAndRetriesExactlyOnceInOrder() {
        String customerToken = visitorToken("Wulan");
        String agentToken = tokens.forStaff(900_001L, "Agent Ayu");

        ChatSocket customer = new ChatSocket(port);
        JsonNode welcome = customer.send(Map.of("type", "hello", "token", customerToken, "lastSeq", 0)).await("welcome");
        long conversationId = welcome.get("conversationId").asLong();
        assertThat(welcome.get("reference").asText()).startsWith("WD-");

        customer.send(Map.of("type", "send", "clientMessageId", "c-1", "body", "Top-up saya belum masuk"));
        assertThat(customer.await("ack").get("seq").asLong()).isEqualTo(1);
        customer.send(Map.of("type", "send", "clientMessageId", "c-2", "body", "Sudah 3 jam"));
        assertThat(customer.await("ack").get("seq").asLong()).isEqualTo(2);

        try (ChatSocket agent = new ChatSocket(port)) {
            agent.send(Map.of("type", "hello", "token", agentToken, "conversationId", conversationId, "lastSeq", 0))
                    .await("welcome");
            assertThat(bodies(agent.messages(2))).containsExactly("Top-up saya belum masuk", "Sudah 3 jam");

            agent.send(Map.of("type", "typing"));
            assertThat(customer.await("typing").get("from").asText()).isEqualTo("Agent Ayu");
            agent.send(Map.of("type", "send", "clientMessageId", "a-1", "body", "Saya cek dulu ya"));
            assertThat(bodies(customer.messages(3))).containsExactly("Top-up saya belum masuk", "Sudah 3 jam",
                    "Saya cek dulu ya");

            // The customer's connection drops; the agent keeps writing.
            customer.close();
            agent.send(Map.of("type", "send", "clientMessageId", "a-2", "body", "Transaksi ditemukan"));
            agent.await("ack");
            agent.send(Map.of("type", "send", "clientMessageId", "a-3", "body", "Saldo masuk dalam 10 menit"));
            agent.await("ack");

            // Reconnect from seq 3: the queued offline message and a retry of c-2 are sent again.
            ChatSocket back = new ChatSocket(port);
            back.send(Map.of("type", "hello", "token", customerToken, "conversationId", conversationId, "lastSeq", 3))
                    .await("welcome");
            assertThat(bodies(back.messages(2))).containsExactly("Transaksi ditemukan", "Saldo masuk dalam 10 menit");
            back.send(Map.of("type", "send", "clientMessageId", "c-3", "body", "Terima kasih"));
            back.send(Map.of("type", "send", "clientMessageId", "c-2", "body", "Sudah 3 jam"));
            JsonNode firstAck = back.await("ack");
            JsonNode retryAck = back.await("ack");
            assertThat(firstAck.get("seq").asLong()).isEqualTo(6);
            assertThat(retryAck.get("duplicate").asBoolean()).isTrue();
            assertThat(retryAck.get("seq").asLong()).isEqualTo(2);
            assertThat(bodies(back.messages(1))).containsExactly("Terima kasih");
            assertThat(back.quietFor("message", Duration.ofMillis(500))).as("no duplicate delivered").isTrue();

            back.send(Map.of("type", "read", "seq", 5));
            assertThat(agent.await("read").get("seq").asLong()).isEqualTo(5);
            back.close();
        }

        List<JsonNode> stored = new ArrayList<>();
        new ApiClient(port).header("X-Chat-Token", customerToken)
                .get("/api/v1/chat/conversations/" + conversationId + "/messages?after=0").json().forEach(stored::add);
        assertThat(stored).extracting(m -> m.get("seq").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(bodies(stored)).doesNotHaveDuplicates();
    }

    @Test
    void longPollingDeliversTheSameWayWhenWebSocketIsBlocked() throws Exception {
        String customerToken = visitorToken("Bayu");
        String agentToken = tokens.forStaff(900_002L, "Agent Nina");
        ApiClient customer = new ApiClient(port).header("X-Chat-Token", customerToken);
        ApiClient agent = new ApiClient(port).header("X-Chat-Token", agentToken);
        long id = customer.post("/api/v1/chat/conversations", Map.of()).json().get("id").asLong();

        Response first = customer.post("/api/v1/chat/conversations/" + id + "/messages",
                Map.of("clientMessageId", "lp-1", "body", "Halo"));
        assertThat(first.status()).isEqualTo(201);
        Response retry = customer.post("/api/v1/chat/conversations/" + id + "/messages",
                Map.of("clientMessageId", "lp-1", "body", "Halo"));
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.json().get("duplicate").asBoolean()).isTrue();

        // The customer waits; the agent answers two seconds later; the poll returns with the answer.
        CompletableFuture<Response> poll = CompletableFuture.supplyAsync(
                () -> customer.get("/api/v1/chat/conversations/" + id + "/messages?after=1&waitSeconds=20"));
        Thread.sleep(1000);
        assertThat(poll).isNotDone();
        agent.post("/api/v1/chat/conversations/" + id + "/messages", Map.of("clientMessageId", "lp-a1", "body", "Halo juga"));
        Response answered = poll.get(10, TimeUnit.SECONDS);
        assertThat(answered.json().get(0).get("body").asText()).isEqualTo("Halo juga");
        assertThat(answered.json().get(0).get("seq").asLong()).isEqualTo(2);

        Response nothingNew = customer.get("/api/v1/chat/conversations/" + id + "/messages?after=2&waitSeconds=1");
        assertThat(nothingNew.json().size()).isZero();

        Response transcript = customer.get("/api/v1/chat/conversations/" + id + "/transcript");
        assertThat(transcript.header("Content-Disposition")).contains("attachment");
        assertThat(transcript.body()).contains("Halo", "Halo juga", "WIB", "Opened");
        assertThat(new ApiClient(port).language("id").header("X-Chat-Token", customerToken)
                .get("/api/v1/chat/conversations/" + id + "/transcript").body()).contains("Dibuka");
    }

    @Autowired
    OutboundMessages outbox;

    @Test
    void anEmailedLinkContinuesTheConversationOnAnotherDevice() {
        String email = TestData.email();
        ApiClient phone = new ApiClient(port);
        String token = phone.post("/api/v1/chat/visitors", Map.of("name", "Putu", "email", email)).json().get("token").asText();
        phone.header("X-Chat-Token", token);
        long id = phone.post("/api/v1/chat/conversations", Map.of()).json().get("id").asLong();
        phone.post("/api/v1/chat/conversations/" + id + "/messages", Map.of("body", "Started on my phone"));

        String body = outbox.to(email).get(0).body();
        String link = body.substring(body.indexOf("/support/continue/") + "/support/continue/".length()).split("\\s")[0];
        ApiClient laptop = new ApiClient(port).header("X-Chat-Token", link);
        assertThat(laptop.get("/api/v1/chat/conversations/" + id + "/messages").json().get(0).get("body").asText())
                .isEqualTo("Started on my phone");
        assertThat(new ApiClient(port).get("/support/continue/" + link).body()).contains("data-token=\"" + link + "\"");
        assertThat(new ApiClient(port).get("/support/continue/wdc_nonsense").body()).doesNotContain("data-token");
    }

    @Test
    void nobodyElseCanReadAConversation() {
        String owner = visitorToken("Sinta");
        String stranger = visitorToken("Eko");
        long id = new ApiClient(port).header("X-Chat-Token", owner).post("/api/v1/chat/conversations", Map.of())
                .json().get("id").asLong();
        ApiClient other = new ApiClient(port).header("X-Chat-Token", stranger);
        assertThat(other.get("/api/v1/chat/conversations/" + id + "/messages").status()).isEqualTo(404);
        assertThat(other.post("/api/v1/chat/conversations/" + id + "/messages", Map.of("body", "hi")).status())
                .isEqualTo(404);
        assertThat(new ApiClient(port).get("/api/v1/chat/conversations").status()).isEqualTo(400);
        assertThat(new ApiClient(port).header("X-Chat-Token", "wdc_forged").get("/api/v1/chat/conversations").status())
                .isEqualTo(401);
        try (ChatSocket socket = new ChatSocket(port)) {
            socket.send(Map.of("type", "hello", "token", stranger, "conversationId", id));
            assertThat(socket.await("error").get("code").asText()).isEqualTo("not-found");
        }
    }
}
