package io.walletdesk.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.ChatSocket;
import io.walletdesk.testing.WalletDeskTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue 13: the e-mail a visitor gives before the chat reaches the conversation the agent opens. */
@WalletDeskTest
class VisitorEmailTest {

    private static final Participant.System READER = new Participant.System("test");

    @LocalServerPort
    int port;
    @Autowired
    Conversations conversations;

    private String visitorToken(String name, String email) {
        return new ApiClient(port).post("/api/v1/chat/visitors", Map.of("name", name, "email", email)).json()
                .get("token").asText();
    }

    @Test
    void theWidgetsHelloCarriesThePreChatEmailOntoTheConversation() {
        try (ChatSocket visitor = new ChatSocket(port)) {
            long id = visitor.send(Map.of("type", "hello", "token", visitorToken("Dewi", "dewi@example.co.id"),
                    "lastSeq", 0, "email", "dewi@example.co.id")).await("welcome").get("conversationId").asLong();
            assertThat(conversations.get(id, READER).contactEmail()).isEqualTo("dewi@example.co.id");
        }
    }

    @Test
    void theLongPollingStartCarriesItToo() {
        ApiClient visitor = new ApiClient(port);
        visitor.header("X-Chat-Token", visitorToken("Bayu", "bayu@example.co.id"));
        long id = visitor.post("/api/v1/chat/conversations", Map.of("email", "bayu@example.co.id")).json().get("id")
                .asLong();
        assertThat(conversations.get(id, READER).contactEmail()).isEqualTo("bayu@example.co.id");

        ApiClient sloppy = new ApiClient(port);
        sloppy.header("X-Chat-Token", visitorToken("Sari", "sari@example.co.id"));
        assertThat(sloppy.post("/api/v1/chat/conversations", Map.of("email", "not an address")).status())
                .isEqualTo(400);
    }
}
