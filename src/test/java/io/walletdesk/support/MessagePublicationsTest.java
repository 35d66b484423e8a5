package io.walletdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.testing.WalletDeskTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13 (throughput): each stored message costs a row and two updates in the event publication registry per
 * listener that is registered for it. Listeners say in their condition which messages they act on, so a
 * customer's message is registered for the two that answer customers (routing, assistant), an agent's reply for
 * the two that carry replies out (e-mail, messaging apps), an internal note for none; and all of them complete.
 */
@WalletDeskTest
class MessagePublicationsTest {

    @Autowired
    Conversations conversations;
    @Autowired
    JdbcClient jdbc;

    private List<String> listenersFor(long conversationId, long seq) {
        return jdbc.sql("""
                SELECT listener_id FROM event_publication
                WHERE event_type = :type AND serialized_event LIKE :event ORDER BY listener_id""")
                .param("type", MessagePosted.class.getName())
                .param("event", "{\"conversationId\":" + conversationId + ",\"seq\":" + seq + ",%")
                .query(String.class).list();
    }

    private int incomplete(long conversationId) {
        return jdbc.sql("""
                SELECT COUNT(*) FROM event_publication
                WHERE event_type = :type AND serialized_event LIKE :event AND completion_date IS NULL""")
                .param("type", MessagePosted.class.getName())
                .param("event", "{\"conversationId\":" + conversationId + ",%")
                .query(Integer.class).single();
    }

    @Test
    void aMessageIsRegisteredOnlyForTheListenersThatActOnIt() {
        Participant.Visitor visitor = new Participant.Visitor("v-" + UUID.randomUUID(), "Putri");
        long id = conversations.startOrContinue(new StartConversation(visitor, Channel.CHAT, null, "Putri", null, null,
                "id")).id();
        Participant.Staff agent = new Participant.Staff(4242, "Sari Agen");
        long fromCustomer = conversations.post(new PostMessage(id, visitor, "c-1", "Saldo saya hilang", Channel.CHAT,
                false, null, null)).message().seq();
        long reply = conversations.post(new PostMessage(id, agent, "a-1", "Kami cek sekarang", Channel.CHAT, false, null,
                null)).message().seq();
        long note = conversations.post(new PostMessage(id, agent, "n-1", "Cek mutasi bank", Channel.CHAT, true, null,
                null)).message().seq();

        assertThat(listenersFor(id, fromCustomer)).hasSize(2)
                .anyMatch(l -> l.contains("AutoAssignment")).anyMatch(l -> l.contains("Assistant"));
        assertThat(listenersFor(id, reply)).hasSize(2)
                .anyMatch(l -> l.contains("OutboundReplies")).anyMatch(l -> l.contains("EmailReplies"));
        assertThat(listenersFor(id, note)).isEmpty();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> incomplete(id) == 0);
    }
}
