package io.walletdesk.shared.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.StartConversation;
import io.walletdesk.testing.WalletDeskTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13, a node lost: listener work a dead node left behind (a publication never completed) is done by the
 * nodes still up once it is clearly abandoned, and not while it may still be running elsewhere; completed
 * publications are deleted after a week.
 */
@WalletDeskTest
class PublicationHousekeepingTest {

    private static final Participant.System OBSERVER = new Participant.System("test");
    private static final long AGENT = 770_001L;

    @Autowired
    PublicationHousekeeping housekeeping;
    @Autowired
    Conversations conversations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    /** A customer's chat whose routing ran while nobody was online: it is waiting in the queue. */
    private long queuedChat() {
        Participant.Visitor visitor = new Participant.Visitor("v-" + UUID.randomUUID(), "Nadia");
        ConversationView chat = conversations.startOrContinue(new StartConversation(visitor, Channel.CHAT, null, "Nadia",
                null, null, "id"));
        conversations.post(new PostMessage(chat.id(), visitor, null, "Top-up saya belum masuk", Channel.CHAT, false,
                null, null));
        await().atMost(Duration.ofSeconds(10)).until(() -> routing(chat.id()).equals("COMPLETED"));
        return chat.id();
    }

    private String routing(long conversationId) {
        return jdbc.sql("""
                SELECT status FROM event_publication WHERE listener_id LIKE '%AutoAssignment%'
                AND serialized_event LIKE :event""")
                .param("event", "{\"conversationId\":" + conversationId + ",%").query(String.class).single();
    }

    /** As a node that died in the middle of the listener's work leaves it: processing since {@code age} ago. */
    private void leftBehind(long conversationId, Duration age) {
        jdbc.sql("""
                UPDATE event_publication SET status = 'PROCESSING', completion_date = NULL, publication_date = :at,
                last_resubmission_date = :at, completion_attempts = 1
                WHERE listener_id LIKE '%AutoAssignment%' AND serialized_event LIKE :event""")
                .param("at", Timestamp.from(clock.instant().minus(age)))
                .param("event", "{\"conversationId\":" + conversationId + ",%").update();
    }

    @Test
    void workADeadNodeLeftIsDoneOnceItIsClearlyAbandoned() {
        jdbc.sql("UPDATE agent_presence SET status = 'OFFLINE'").update();
        long abandoned = queuedChat();
        long recent = queuedChat();
        leftBehind(abandoned, PublicationHousekeeping.RETRY_AFTER.plusMinutes(1));
        leftBehind(recent, Duration.ofMinutes(1)); // may still be running on another node
        jdbc.sql("INSERT INTO agent_presence (user_id, status, last_seen_at) VALUES (:u, 'ONLINE', :now)")
                .param("u", AGENT).param("now", Timestamp.from(clock.instant())).update();

        housekeeping.retryAbandoned();

        await().atMost(Duration.ofSeconds(10)).until(() -> routing(abandoned).equals("COMPLETED"));
        assertThat(conversations.get(abandoned, OBSERVER).assigneeUserId()).isEqualTo(AGENT);
        assertThat(routing(recent)).isEqualTo("PROCESSING");
        assertThat(conversations.get(recent, OBSERVER).assigneeUserId()).isNull();
        jdbc.sql("UPDATE agent_presence SET status = 'OFFLINE' WHERE user_id = :u").param("u", AGENT).update();
    }

    @Test
    void completedPublicationsAreDeletedAfterAWeek() {
        long old = queuedChat();
        long fresh = queuedChat();
        jdbc.sql("UPDATE event_publication SET completion_date = :at WHERE serialized_event LIKE :event")
                .param("at", Timestamp.from(clock.instant().minus(Duration.ofDays(8))))
                .param("event", "{\"conversationId\":" + old + ",%").update();

        housekeeping.purgeCompleted();

        assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE :event")
                .param("event", "{\"conversationId\":" + old + ",%").query(Integer.class).single()).isZero();
        assertThat(routing(fresh)).isEqualTo("COMPLETED");
    }
}
