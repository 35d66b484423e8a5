package io.walletdesk.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.WalletDeskApplication;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.MessageView;
import io.walletdesk.support.Participant;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.ChatSocket;
import io.walletdesk.testing.FreshPostgresDatabase;
import io.walletdesk.testing.PostgresAvailable;
import io.walletdesk.testing.RedisAvailable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two application nodes on different ports share one PostgreSQL database and the local Redis: a customer
 * connected to node A and an agent connected to node B chat in real time, nothing lost or duplicated; and a
 * crowd of phones keeps its conversations whole while node A stops under it (the small version of
 * {@code bench/run-chat-bench.sh}). The node stop runs last.
 */
@ExtendWith({PostgresAvailable.class, RedisAvailable.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeChatTest {

    static ConfigurableApplicationContext nodeA;
    static ConfigurableApplicationContext nodeB;

    @BeforeAll
    static void startTwoNodes() {
        String database = FreshPostgresDatabase.create();
        nodeA = start(database);
        nodeB = start(database);
    }

    private static ConfigurableApplicationContext start(String database) {
        // Command-line arguments outrank the test profile's H2 settings.
        return new SpringApplicationBuilder(WalletDeskApplication.class)
                .profiles("test")
                .run("--server.port=0", "--spring.datasource.url=" + database, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", "--walletdesk.chat.fanout=redis", "--spring.jmx.enabled=false",
                        "--server.shutdown=immediate",
                        // On a loaded machine a 1 s wait for a pooled connection counts as a database outage and
                        // sends messages to the intake journal; this test is about a node stopping, not that.
                        "--spring.datasource.hikari.connection-timeout=20000",
                        // Should a starved node still journal a message, it is replayed at once, not in the test
                        // profile's hour: the phone holds it until it is stored.
                        "--walletdesk.intake.replay-interval=PT1S");
    }

    @AfterAll
    static void stop() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null && nodeA.isActive()) {
            nodeA.close();
        }
    }

    private static int port(ConfigurableApplicationContext node) {
        return ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    private static List<String> bodies(List<JsonNode> messages) {
        List<String> bodies = new ArrayList<>();
        messages.forEach(m -> bodies.add(m.get("body").asText()));
        return bodies;
    }

    @Test
    @Order(1)
    void aCustomerOnOneNodeAndAnAgentOnAnotherTalkInRealTime() throws Exception {
        String customerToken = new ApiClient(port(nodeA)).post("/api/v1/chat/visitors", Map.of("name", "Rudi"))
                .json().get("token").asText();
        String agentToken = nodeB.getBean(ChatTokens.class).forStaff(77L, "Agent on B");
        Thread.sleep(500); // let both nodes' Redis subscriptions settle

        try (ChatSocket customer = new ChatSocket(port(nodeA)); ChatSocket agent = new ChatSocket(port(nodeB))) {
            long conversationId = customer.send(Map.of("type", "hello", "token", customerToken, "lastSeq", 0))
                    .await("welcome").get("conversationId").asLong();
            agent.send(Map.of("type", "hello", "token", agentToken, "conversationId", conversationId, "lastSeq", 0))
                    .await("welcome");

            for (int i = 1; i <= 5; i++) {
                customer.send(Map.of("type", "send", "clientMessageId", "c" + i, "body", "customer " + i));
                agent.send(Map.of("type", "send", "clientMessageId", "a" + i, "body", "agent " + i));
            }
            List<String> seenByAgent = bodies(agent.messages(10));
            List<String> seenByCustomer = bodies(customer.messages(10));
            assertThat(seenByAgent).hasSize(10).doesNotHaveDuplicates().isEqualTo(seenByCustomer);
            assertThat(seenByAgent).filteredOn(b -> b.startsWith("customer")).containsExactly(
                    "customer 1", "customer 2", "customer 3", "customer 4", "customer 5");
            assertThat(seenByAgent).filteredOn(b -> b.startsWith("agent")).containsExactly(
                    "agent 1", "agent 2", "agent 3", "agent 4", "agent 5");

            agent.send(Map.of("type", "typing"));
            assertThat(customer.await("typing").get("from").asText()).isEqualTo("Agent on B");
        }
    }

    static final int PHONES = 90;
    static final int WORKSPACES = 10;
    static final int MESSAGES = 10;

    /**
     * 90 phones (half on each node) and 10 staff workspaces watching the inbox on node B; node A stops while the
     * phones type. Its phones reconnect to B and replay their outboxes. Every message is then stored once, in
     * the order typed, each phone saw its conversation once and in sequence, and every workspace was told of
     * every customer message once and in sequence.
     */
    @Test
    @Order(2)
    void aCrowdOfPhonesLosesNothingWhenANodeStops() throws Exception {
        ChatTokens tokens = nodeB.getBean(ChatTokens.class);
        int portA = port(nodeA);
        int portB = port(nodeB);
        try (ChatCrowd crowd = new ChatCrowd()) {
            List<ChatCrowd.Workspace> workspaces = new ArrayList<>();
            List<CompletableFuture<?>> connecting = new ArrayList<>();
            for (int i = 0; i < WORKSPACES; i++) {
                ChatCrowd.Workspace workspace = crowd.workspace();
                workspaces.add(workspace);
                connecting.add(workspace.watch(portB, tokens.forStaff(5000L + i, "Agent " + i)));
            }
            CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            List<ChatCrowd.Phone> phones = new ArrayList<>();
            connecting.clear();
            for (int i = 0; i < PHONES; i++) {
                ChatCrowd.Phone phone = crowd.phone(tokens.forVisitor("Phone " + i), () -> portB);
                phones.add(phone);
                connecting.add(phone.connect(i % 2 == 0 ? portA : portB));
            }
            CompletableFuture.allOf(connecting.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            Thread stopping = new Thread(() -> nodeA.close(), "stop-node-a");
            for (int n = 1; n <= MESSAGES; n++) {
                if (n == MESSAGES / 2) {
                    stopping.start(); // mid-run: sockets on A drop while messages are in flight
                }
                for (int i = 0; i < PHONES; i++) {
                    phones.get(i).type("p" + i + "-m" + n, "phone " + i + " message " + n);
                }
                Thread.sleep(150);
            }
            stopping.join(30_000);
            assertThat(nodeA.isActive()).isFalse();

            await(() -> phones.stream().allMatch(p -> p.waiting() == 0 && p.stored.size() == MESSAGES),
                    () -> "every phone's messages stored; waiting: " + phones.stream().mapToInt(ChatCrowd.Phone::waiting).sum()
                            + ", stored: " + phones.stream().mapToInt(p -> p.stored.size()).sum() + "\n"
                            + String.join("\n", phones.stream().filter(p -> p.waiting() > 0).map(ChatCrowd.Phone::describe).toList()));
            await(() -> workspaces.stream().allMatch(w -> phones.stream().allMatch(p ->
                    w.toldOf(p.conversationId).containsAll(p.stored.values()))), () -> "every workspace told of every message; missing: "
                    + workspaces.stream().mapToLong(w -> phones.stream().mapToLong(p -> p.stored.values().stream()
                            .filter(seq -> !w.toldOf(p.conversationId).contains(seq)).count()).sum()).sum());

            assertThat(phones.stream().mapToInt(p -> p.reconnects).sum()).as("phones that moved to node B")
                    .isGreaterThanOrEqualTo(PHONES / 2);
            System.out.printf("chat crowd: %d phones, %d messages, %d reconnects, %d of them after a silent socket%n",
                    PHONES, PHONES * MESSAGES, phones.stream().mapToInt(p -> p.reconnects).sum(), crowd.stalls);
            Conversations conversations = nodeB.getBean(Conversations.class);
            for (int i = 0; i < PHONES; i++) {
                ChatCrowd.Phone phone = phones.get(i);
                List<String> stored = conversations.messagesAfter(phone.conversationId, new Participant.System("test"), 0, 500)
                        .stream().filter(MessageView::fromCustomer).map(MessageView::body).toList();
                List<String> typed = new ArrayList<>();
                for (int n = 1; n <= MESSAGES; n++) {
                    typed.add("phone " + i + " message " + n);
                }
                assertThat(stored).as("stored once each, in the order typed (phone %d)", i).isEqualTo(typed);
                List<Long> stream;
                synchronized (phone) {
                    stream = List.copyOf(phone.stream);
                }
                assertThat(stream).as("phone %d saw its conversation once, in sequence", i).isSorted().doesNotHaveDuplicates();
                assertThat(stream).containsAll(phone.stored.values());
                for (ChatCrowd.Workspace workspace : workspaces) {
                    assertThat(workspace.toldOf(phone.conversationId)).as("a workspace was told once, in sequence")
                            .isSorted().doesNotHaveDuplicates();
                }
            }
        }
    }

    private static void await(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not within 60 s: " + what.get());
            }
            Thread.sleep(100);
        }
    }
}
