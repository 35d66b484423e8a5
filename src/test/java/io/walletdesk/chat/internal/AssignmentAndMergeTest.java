package io.walletdesk.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.MessageView;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.StartConversation;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.WalletDeskTest;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Round-robin assignment among online agents, release when they go offline, merging, limits. */
@WalletDeskTest
class AssignmentAndMergeTest {

    @LocalServerPort
    int port;
    @Autowired
    Conversations conversations;
    @Autowired
    AgentPresence presence;
    @Autowired
    JdbcClient jdbc;

    private static final Participant.System OBSERVER = new Participant.System("test");

    private ConversationView customerWrites(String text) {
        Participant.Visitor visitor = new Participant.Visitor("v-" + UUID.randomUUID(), "Tika");
        ConversationView chat = conversations.startOrContinue(new StartConversation(visitor, Channel.CHAT, null, "Tika",
                null, null, "id"));
        conversations.post(new PostMessage(chat.id(), visitor, null, text, Channel.CHAT, false, null, null));
        return chat;
    }

    @Test
    void newChatsGoRoundRobinToOnlineAgentsAndReturnToTheQueueWhenTheyLeave() {
        jdbc.sql("UPDATE agent_presence SET status = 'OFFLINE'").update();
        presence.report(660_001L, AgentPresence.Status.ONLINE);
        presence.report(660_002L, AgentPresence.Status.ONLINE);
        ConversationView first = customerWrites("Halo");
        await().atMost(Duration.ofSeconds(10)).until(() -> conversations.get(first.id(), OBSERVER).assigneeUserId() != null);
        ConversationView second = customerWrites("Halo juga");
        await().atMost(Duration.ofSeconds(10)).until(() -> conversations.get(second.id(), OBSERVER).assigneeUserId() != null);
        Long a = conversations.get(first.id(), OBSERVER).assigneeUserId();
        Long b = conversations.get(second.id(), OBSERVER).assigneeUserId();
        assertThat(Set.of(a, b)).containsExactlyInAnyOrder(660_001L, 660_002L);

        presence.report(a, AgentPresence.Status.OFFLINE);
        conversations.releaseOpenChats(a);
        assertThat(conversations.get(first.id(), OBSERVER).assigneeUserId()).isNull();
        assertThat(conversations.get(second.id(), OBSERVER).assigneeUserId()).isEqualTo(b);
    }

    @Test
    void aNewChatGoesToTheOnlineAgentWithTheFewestOpenConversations() {
        jdbc.sql("UPDATE agent_presence SET status = 'OFFLINE'").update();
        presence.report(660_011L, AgentPresence.Status.ONLINE);
        presence.report(660_012L, AgentPresence.Status.ONLINE);
        // 660_011 has waited longest (never assigned) but already holds two open chats; 660_012 holds none.
        for (int i = 0; i < 2; i++) {
            ConversationView held = conversations.startOrContinue(new StartConversation(
                    new Participant.Visitor("v-" + UUID.randomUUID(), "Held"), Channel.CHAT, null, "Held", null, null, "id"));
            conversations.assignIfUnassigned(held.id(), 660_011L);
        }
        jdbc.sql("UPDATE agent_presence SET last_assigned_at = now() WHERE user_id = 660012").update();

        ConversationView chat = customerWrites("Tolong, saldo saya");
        await().atMost(Duration.ofSeconds(10)).until(() -> conversations.get(chat.id(), OBSERVER).assigneeUserId() != null);
        assertThat(conversations.get(chat.id(), OBSERVER).assigneeUserId()).isEqualTo(660_012L);
    }

    @Test
    void twoConversationsOfOneCustomerMergeWithTheirHistory() {
        Participant.Visitor visitor = new Participant.Visitor("v-" + UUID.randomUUID(), "Andi");
        Participant.Staff agent = new Participant.Staff(660_003L, "Agent Tono");
        ConversationView mail = conversations.openNew(new StartConversation(visitor, Channel.EMAIL, "Refund", "Andi",
                "andi@example.org", null, "en"));
        conversations.post(new PostMessage(mail.id(), visitor, null, "Refund please (mail)", Channel.EMAIL, false, null, null));
        ConversationView chat = conversations.openNew(new StartConversation(visitor, Channel.CHAT, null, "Andi", null, null, "en"));
        conversations.post(new PostMessage(chat.id(), visitor, null, "Same refund (chat)", Channel.CHAT, false, null, null));

        ConversationView merged = conversations.merge(mail.id(), chat.id(), agent);
        assertThat(conversations.messagesAfter(merged.id(), agent, 0, 50)).extracting(MessageView::body)
                .containsExactly("Same refund (chat)", "Refund please (mail)", "Merged " + mail.reference() + " into " + chat.reference());
        assertThat(conversations.get(mail.id(), agent).status()).isEqualTo(ConversationStatus.CLOSED);
        assertThat(conversations.inbox(agent, null, null, null)).noneMatch(c -> c.id() == mail.id());

        ConversationView stranger = conversations.openNew(new StartConversation(
                new Participant.Visitor("v-" + UUID.randomUUID(), "X"), Channel.CHAT, null, "X", null, null, "en"));
        assertThatThrownBy(() -> conversations.merge(stranger.id(), chat.id(), agent))
                .hasMessageContaining("merge-invalid");
    }

    @Test
    void aFloodingVisitorIsSlowedDownWithoutAffectingOthersBehindTheSameAddress() {
        ApiClient flooder = new ApiClient(port);
        String token = flooder.post("/api/v1/chat/visitors", Map.of("name", "Spam")).json().get("token").asText();
        flooder.header("X-Chat-Token", token);
        long id = flooder.post("/api/v1/chat/conversations", Map.of()).json().get("id").asLong();
        // Fixed one-minute windows: 61 quick messages exceed 30 in at least one of the (at most two) windows.
        int last = 0;
        for (int i = 0; i < 61 && last != 429; i++) {
            last = flooder.post("/api/v1/chat/conversations/" + id + "/messages", Map.of("body", "spam " + i)).status();
        }
        assertThat(last).isEqualTo(429);
        ApiClient neighbour = new ApiClient(port);
        String other = neighbour.post("/api/v1/chat/visitors", Map.of("name", "Neighbour")).json().get("token").asText();
        neighbour.header("X-Chat-Token", other);
        long otherId = neighbour.post("/api/v1/chat/conversations", Map.of()).json().get("id").asLong();
        assertThat(neighbour.post("/api/v1/chat/conversations/" + otherId + "/messages", Map.of("body", "hi")).status())
                .isEqualTo(201);
    }
}
