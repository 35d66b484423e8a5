package io.walletdesk.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.WalletDeskApplication;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.ChatSocket;
import io.walletdesk.testing.FreshPostgresDatabase;
import io.walletdesk.testing.PostgresAvailable;
import io.walletdesk.testing.RedisAvailable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Two application nodes on different ports share one PostgreSQL database and the local Redis: a customer
 * connected to node A and an agent connected to node B chat in real time, nothing lost or duplicated.
 */
@ExtendWith({PostgresAvailable.class, RedisAvailable.class})
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
                        "--spring.datasource.password=", "--walletdesk.chat.fanout=redis", "--spring.jmx.enabled=false");
    }

    @AfterAll
    static void stop() {
        if (nodeB != null) {
            nodeB.close();
        }
        if (nodeA != null) {
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
}
