package io.walletdesk.reporting.internal;

import io.walletdesk.disputes.ComplaintFiled;
import io.walletdesk.disputes.Complaints;
import io.walletdesk.support.ConversationResolved;
import io.walletdesk.support.ConversationStarted;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.FirstResponseGiven;
import io.walletdesk.support.Participant;
import io.walletdesk.support.SatisfactionAnswered;
import io.walletdesk.support.SlaBreached;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Turns other modules' events into report facts (days counted in Jakarta time). */
@Component
class ReportFacts {

    static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");
    private static final Participant.System REPORTER = new Participant.System("reporting");

    private final JdbcClient jdbc;
    private final Conversations conversations;
    private final Complaints complaints;

    ReportFacts(JdbcClient jdbc, Conversations conversations, Complaints complaints) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.complaints = complaints;
    }

    @ApplicationModuleListener
    void on(ConversationStarted started) {
        var conversation = conversations.get(started.conversationId(), REPORTER);
        try {
            jdbc.sql("""
                    INSERT INTO report_conversations (conversation_id, started_at, started_day, channel)
                    VALUES (:id, :at, :day, :channel)""")
                    .param("id", conversation.id()).param("at", Timestamp.from(conversation.createdAt()))
                    .param("day", Date.valueOf(conversation.createdAt().atZone(ZONE).toLocalDate()))
                    .param("channel", conversation.channel().name()).update();
        } catch (DuplicateKeyException alreadyCounted) {
            // Events can be delivered again after a restart; a conversation is counted once.
        }
    }

    @ApplicationModuleListener
    void on(FirstResponseGiven answered) {
        jdbc.sql("UPDATE report_conversations SET first_response_seconds = :s WHERE conversation_id = :id AND first_response_seconds IS NULL")
                .param("s", Duration.between(answered.startedAt(), answered.respondedAt()).toSeconds())
                .param("id", answered.conversationId()).update();
    }

    @ApplicationModuleListener
    void on(ConversationResolved resolved) {
        var conversation = conversations.get(resolved.conversationId(), REPORTER);
        if (conversation.resolvedAt() != null) {
            jdbc.sql("UPDATE report_conversations SET resolved_at = :at, resolution_seconds = :s WHERE conversation_id = :id")
                    .param("at", Timestamp.from(conversation.resolvedAt()))
                    .param("s", Duration.between(conversation.createdAt(), conversation.resolvedAt()).toSeconds())
                    .param("id", conversation.id()).update();
        }
    }

    @ApplicationModuleListener
    void on(SlaBreached breached) {
        jdbc.sql("UPDATE report_conversations SET sla_breached = TRUE WHERE conversation_id = :id")
                .param("id", breached.conversationId()).update();
    }

    @ApplicationModuleListener
    void on(SatisfactionAnswered answered) {
        jdbc.sql("UPDATE report_conversations SET rating = :r WHERE conversation_id = :id")
                .param("r", answered.rating()).param("id", answered.conversationId()).update();
    }

    @ApplicationModuleListener
    void on(ComplaintFiled filed) {
        complaints.find(filed.complaintId()).ifPresent(complaint -> {
            try {
                jdbc.sql("INSERT INTO report_complaints (complaint_id, filed_day, category) VALUES (:id, :day, :c)")
                        .param("id", complaint.id())
                        .param("day", Date.valueOf(complaint.createdAt().atZone(ZONE).toLocalDate()))
                        .param("c", complaint.category()).update();
            } catch (DuplicateKeyException alreadyCounted) {
                // counted once
            }
        });
    }
}
