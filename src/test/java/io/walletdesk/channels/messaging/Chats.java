package io.walletdesk.channels.messaging;

import static org.awaitility.Awaitility.await;

import io.walletdesk.support.AuthorType;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.MessageView;
import io.walletdesk.support.Participant;
import java.time.Duration;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The conversation a platform chat became, read as the desk sees it (tests of both apps). */
final class Chats {

    static final Participant.System DESK = new Participant.System("test");

    private final Conversations conversations;
    private final JdbcClient jdbc;

    Chats(Conversations conversations, JdbcClient jdbc) {
        this.conversations = conversations;
        this.jdbc = jdbc;
    }

    /** Waits until the chat's first delivery has been worked on, then its conversation. */
    ConversationView of(Platform platform, String address) {
        String threads = "FROM messaging_thread WHERE platform = :p AND address = :a";
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.sql("SELECT COUNT(*) " + threads)
                .param("p", platform.name()).param("a", address).query(Integer.class).single() > 0);
        long id = jdbc.sql("SELECT conversation_id " + threads).param("p", platform.name()).param("a", address)
                .query(Long.class).single();
        return conversations.get(id, DESK);
    }

    List<MessageView> messages(ConversationView conversation) {
        return conversations.messagesAfter(conversation.id(), DESK, 0, 500);
    }

    MessageView assistantAnswer(ConversationView conversation) {
        return messages(conversation).stream().filter(m -> m.authorType() == AuthorType.SYSTEM && !m.internalNote())
                .findFirst().orElseThrow();
    }
}
