package io.walletdesk.support.conversation;

import io.walletdesk.support.ConversationChanged;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.evidence.EvidenceChain;
import io.walletdesk.support.sla.ServiceLevels;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Snooze until a time: the conversation leaves the agents' open work (SNOOZED pauses its SLA clocks) and comes
 * back OPEN by itself when the time has come, or earlier when the customer writes (as any snoozed one does).
 */
@Component
class Snoozes {

    private final Conversations conversations;
    private final ConversationStore store;
    private final ServiceLevels serviceLevels;
    private final EvidenceChain chain;
    private final ApplicationEventPublisher events;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final Clock clock;

    Snoozes(Conversations conversations, ConversationStore store, ServiceLevels serviceLevels, EvidenceChain chain,
            ApplicationEventPublisher events, org.springframework.jdbc.core.simple.JdbcClient jdbc, Clock clock) {
        this.conversations = conversations;
        this.store = store;
        this.serviceLevels = serviceLevels;
        this.chain = chain;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Snoozes a conversation the staff member may see; a time not in the future is refused by the caller. */
    @Transactional
    void snooze(long conversationId, Participant.Staff by, Instant until) {
        conversations.changeStatus(conversationId, by, ConversationStatus.SNOOZED);
        jdbc.sql("UPDATE conversations SET snoozed_until = :until WHERE id = :id")
                .param("until", Timestamp.from(until)).param("id", conversationId).update();
    }

    Instant until(long conversationId) {
        return jdbc.sql("SELECT snoozed_until FROM conversations WHERE id = :id AND status = :snoozed")
                .param("id", conversationId).param("snoozed", ConversationStatus.SNOOZED.name())
                .query((rs, n) -> rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant())
                .optional().orElse(null);
    }

    /** Wakes every conversation whose snooze has run out; returns how many. */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    @Transactional
    int wakeDue() {
        Instant now = clock.instant();
        List<Long> due = jdbc.sql("SELECT id FROM conversations WHERE status = :snoozed AND snoozed_until <= :now")
                .param("snoozed", ConversationStatus.SNOOZED.name()).param("now", Timestamp.from(now))
                .query(Long.class).list();
        for (long id : due) {
            // The system wakes it, so no staff member's team access applies: the same steps as a status change.
            ConversationView c = store.lock(id).orElseThrow();
            store.advance(id, c.lastSeq(), ConversationStatus.OPEN, now, null);
            serviceLevels.onStatus(id, ConversationStatus.OPEN, now);
            chain.status(id, ConversationStatus.OPEN);
            events.publishEvent(new ConversationChanged(id));
        }
        return due.size();
    }
}
