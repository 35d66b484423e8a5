package io.walletdesk.chat.internal;

import io.walletdesk.support.ConversationView;
import io.walletdesk.support.ConversationHandedOver;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.FirstResponse;
import io.walletdesk.support.MessagePosted;
import io.walletdesk.support.Participant;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Round robin among online agents: a customer's message on an unassigned conversation goes to the online
 * agent with the fewest open conversations (below the per-agent limit), the longest-waiting first. When an
 * agent goes offline, their open chats return to the queue.
 */
@Component
class AutoAssignment {

    private static final Participant.System ROUTER = new Participant.System("WalletDesk routing");

    private final JdbcClient jdbc;
    private final Conversations conversations;
    private final Clock clock;
    private final int maxConcurrent;
    private final FirstResponse firstResponse;

    AutoAssignment(JdbcClient jdbc, Conversations conversations, Clock clock,
            @Value("${walletdesk.support.max-concurrent-chats:5}") int maxConcurrent, FirstResponse firstResponse) {
        this.firstResponse = firstResponse;
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.clock = clock;
        this.maxConcurrent = maxConcurrent;
    }

    // Only customers' messages are registered as publications for this listener (see OutboundReplies).
    @ApplicationModuleListener(condition = "#posted.fromCustomer()")
    void on(MessagePosted posted) {
        if (!posted.fromCustomer()) {
            return;
        }
        if (firstResponse.withAssistant(posted.conversationId())) {
            return; // the assistant answers; agents get the chat when it hands over
        }
        assignIfNeeded(posted.conversationId());
    }

    @ApplicationModuleListener
    void on(ConversationHandedOver handedOver) {
        assignIfNeeded(handedOver.conversationId());
    }

    private void assignIfNeeded(long conversationId) {
        ConversationView conversation = conversations.get(conversationId, ROUTER);
        if (conversation.assigneeUserId() == null) {
            chooseAgent().filter(agent -> conversations.assignIfUnassigned(conversation.id(), agent)).ifPresent(agent -> {
                jdbc.sql("UPDATE agent_presence SET last_assigned_at = :now WHERE user_id = :a")
                        .param("now", Timestamp.from(clock.instant())).param("a", agent).update();
            });
        }
    }

    Optional<Long> chooseAgent() {
        List<Long> online = jdbc.sql("""
                SELECT user_id FROM agent_presence WHERE status = :online AND last_seen_at > :since
                ORDER BY last_assigned_at NULLS FIRST, user_id""")
                .param("online", AgentPresence.Status.ONLINE.name()).param("since", Timestamp.from(clock.instant().minus(AgentPresence.FRESH))).query(Long.class).list();
        Map<Long, Integer> loads = conversations.openAssigned(online);
        Long best = null;
        int bestLoad = Integer.MAX_VALUE;
        for (Long agent : online) {
            int load = loads.getOrDefault(agent, 0);
            if (load < maxConcurrent && load < bestLoad) {
                best = agent;
                bestLoad = load;
            }
        }
        return Optional.ofNullable(best);
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    @SchedulerLock(name = "release-absent-agents", lockAtMostFor = "PT5M")
    public void releaseFromAbsentAgents() {
        List<Long> absent = jdbc.sql("""
                SELECT user_id FROM agent_presence WHERE status = :offline OR last_seen_at <= :since""")
                .param("offline", AgentPresence.Status.OFFLINE.name()).param("since", Timestamp.from(clock.instant().minus(AgentPresence.FRESH))).query(Long.class).list();
        absent.forEach(conversations::releaseOpenChats);
    }
}
