package io.walletdesk.reporting.internal;

import io.walletdesk.disputes.ComplaintAcknowledged;
import io.walletdesk.disputes.ComplaintAnswered;
import io.walletdesk.disputes.ComplaintExtended;
import io.walletdesk.disputes.ComplaintFiled;
import io.walletdesk.disputes.ComplaintView;
import io.walletdesk.disputes.Complaints;
import io.walletdesk.knowledge.CustomerIntentDetected;
import io.walletdesk.support.ConversationResolved;
import io.walletdesk.support.ConversationStarted;
import io.walletdesk.support.ConversationTeamAssigned;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.FirstResponseGiven;
import io.walletdesk.support.Participant;
import io.walletdesk.support.SatisfactionAnswered;
import io.walletdesk.support.SlaBreached;
import io.walletdesk.support.SlaTarget;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.UnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns other modules' events into report facts (days counted in Jakarta time). Listeners run after the
 * event's transaction, each in its own and possibly in any order, so every listener first makes sure the
 * conversation's fact exists (from the support API) and then changes it under a row lock; state that can
 * change back and forth (team, resolution) is read from the API rather than trusted from the event's order.
 * A fact and its daily sums change in one transaction.
 */
@Component
class ReportFacts {

    static final ZoneId ZONE = ZoneId.of("Asia/Jakarta");
    private static final Participant.System REPORTER = new Participant.System("reporting");

    private final JdbcClient jdbc;
    private final Conversations conversations;
    private final Complaints complaints;
    private final DailySums daily;
    private final TransactionTemplate savepoint;

    ReportFacts(JdbcClient jdbc, Conversations conversations, Complaints complaints, DailySums daily,
            PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.complaints = complaints;
        this.daily = daily;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @ApplicationModuleListener
    void on(ConversationStarted started) {
        ensure(started.conversationId());
    }

    @ApplicationModuleListener
    void on(FirstResponseGiven answered) {
        long seconds = Math.max(0, Duration.between(answered.startedAt(), answered.respondedAt()).toSeconds());
        change(answered.conversationId(), f -> f.firstResponseSeconds() != null ? f : f.withFirstResponse(seconds));
    }

    @ApplicationModuleListener
    void on(ConversationResolved resolved) {
        ConversationView conversation = conversations.get(resolved.conversationId(), REPORTER);
        if (conversation.resolvedAt() != null) {
            long seconds = Math.max(0, Duration.between(conversation.createdAt(), conversation.resolvedAt()).toSeconds());
            change(conversation.id(), f -> f.withResolution(conversation.resolvedAt(), seconds));
        }
    }

    @ApplicationModuleListener
    void on(SlaBreached breached) {
        change(breached.conversationId(), f -> f.withBreach(breached.target()));
    }

    @ApplicationModuleListener
    void on(SatisfactionAnswered answered) {
        if (answered.rating() >= 1 && answered.rating() <= 5) {
            change(answered.conversationId(), f -> f.withRating(answered.rating()));
        }
    }

    /** The first intent detected in a conversation counts; later messages (or a late event) do not change it. */
    @ApplicationModuleListener
    void on(CustomerIntentDetected detected) {
        if (detected.intent() == null || detected.intent().isBlank()) {
            return;
        }
        String intent = detected.intent().strip();
        String kept = intent.length() > 40 ? intent.substring(0, 40) : intent;
        change(detected.conversationId(), f -> f.intentSeq() != null && f.intentSeq() <= detected.messageSeq() ? f
                : f.withIntent(kept, detected.messageSeq()));
    }

    @ApplicationModuleListener
    void on(ConversationTeamAssigned assigned) {
        Long team = conversations.get(assigned.conversationId(), REPORTER).teamId();
        change(assigned.conversationId(), f -> f.withTeam(team));
    }

    @ApplicationModuleListener
    void on(ComplaintFiled filed) {
        complaint(filed.complaintId(), null);
    }

    @ApplicationModuleListener
    void on(ComplaintAcknowledged acknowledged) {
        complaint(acknowledged.complaintId(), null);
    }

    @ApplicationModuleListener
    void on(ComplaintExtended extended) {
        complaint(extended.complaintId(), null);
    }

    @ApplicationModuleListener
    void on(ComplaintAnswered answered) {
        complaint(answered.complaintId(), answered.answeredAt());
    }

    /** Creates the conversation's fact (and counts it) unless an earlier event did. */
    private void ensure(long conversationId) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM report_conversations WHERE conversation_id = :id")
                .param("id", conversationId).query(Long.class).single() > 0;
        if (known) {
            return;
        }
        ConversationView c = conversations.get(conversationId, REPORTER);
        ConversationFact fact = new ConversationFact(c.id(), c.reference(), c.createdAt(),
                c.createdAt().atZone(ZONE).toLocalDate(), c.channel().name(), null, null, c.teamId(), null, null, null,
                false, null, null);
        try {
            savepoint.executeWithoutResult(status -> {
                jdbc.sql("""
                        INSERT INTO report_conversations (conversation_id, reference, started_at, started_day, channel, team_id)
                        VALUES (:id, :ref, :at, :day, :channel, :team)""")
                        .param("id", fact.conversationId()).param("ref", fact.reference())
                        .param("at", Timestamp.from(fact.startedAt())).param("day", Date.valueOf(fact.day()))
                        .param("channel", fact.channel()).param("team", fact.teamId(), Types.BIGINT).update();
                daily.changed(null, fact);
            });
        } catch (DuplicateKeyException alreadyCounted) {
            // Another event of this conversation created the fact at the same moment: it is counted once.
        }
    }

    private void change(long conversationId, UnaryOperator<ConversationFact> change) {
        ensure(conversationId);
        ConversationFact before = jdbc.sql(SELECT + " WHERE conversation_id = :id FOR UPDATE").param("id", conversationId)
                .query(ReportFacts::fact).single();
        ConversationFact after = change.apply(before);
        if (after.equals(before)) {
            return;
        }
        jdbc.sql("""
                UPDATE report_conversations SET intent = :intent, intent_seq = :seq, team_id = :team,
                  first_response_seconds = :first, resolved_at = :resolvedAt, resolution_seconds = :resolution,
                  sla_breached = :breached, breached_target = :target, rating = :rating
                WHERE conversation_id = :id""")
                .param("intent", after.intent(), Types.VARCHAR).param("seq", after.intentSeq(), Types.BIGINT)
                .param("team", after.teamId(), Types.BIGINT).param("first", after.firstResponseSeconds(), Types.BIGINT)
                .param("resolvedAt", after.resolvedAt() == null ? null : Timestamp.from(after.resolvedAt()),
                        Types.TIMESTAMP)
                .param("resolution", after.resolutionSeconds(), Types.BIGINT).param("breached", after.slaBreached())
                .param("target", after.breachedTarget() == null ? null : after.breachedTarget().name(), Types.VARCHAR).param("rating", after.rating(), Types.INTEGER)
                .param("id", conversationId).update();
        daily.changed(before, after);
    }

    private static final String SELECT = """
            SELECT conversation_id, reference, started_at, started_day, channel, intent, intent_seq, team_id,
                   first_response_seconds, resolved_at, resolution_seconds, sla_breached, breached_target, rating
            FROM report_conversations""";

    private static ConversationFact fact(ResultSet rs, int row) throws SQLException {
        return new ConversationFact(rs.getLong("conversation_id"), rs.getString("reference"),
                rs.getTimestamp("started_at").toInstant(), rs.getDate("started_day").toLocalDate(), rs.getString("channel"),
                rs.getString("intent"), rs.getObject("intent_seq", Long.class), rs.getObject("team_id", Long.class),
                rs.getObject("first_response_seconds", Long.class), instant(rs, "resolved_at"),
                rs.getObject("resolution_seconds", Long.class), rs.getBoolean("sla_breached"),
                target(rs.getString("breached_target")), rs.getObject("rating", Integer.class));
    }

    /** Copies the complaint's category and deadlines; the first answer's time comes from its event. */
    private void complaint(long complaintId, Instant answeredAt) {
        ComplaintView complaint = complaints.find(complaintId).orElse(null);
        if (complaint == null) {
            return;
        }
        boolean known = jdbc.sql("SELECT COUNT(*) FROM report_complaints WHERE complaint_id = :id")
                .param("id", complaintId).query(Long.class).single() > 0;
        if (!known) {
            try {
                savepoint.executeWithoutResult(status -> jdbc.sql("""
                        INSERT INTO report_complaints (complaint_id, filed_day, category) VALUES (:id, :day, :category)""")
                        .param("id", complaint.id()).param("day", Date.valueOf(complaint.createdAt().atZone(ZONE).toLocalDate()))
                        .param("category", complaint.category()).update());
            } catch (DuplicateKeyException alreadyCounted) {
                // counted once
            }
        }
        jdbc.sql("""
                UPDATE report_complaints SET category = :category, filed_at = :filed, acknowledge_due = :ackDue,
                  answer_due = :answerDue, acknowledged_at = :ack, extended = :extended,
                  answered_at = COALESCE(answered_at, :answered)
                WHERE complaint_id = :id""")
                .param("category", complaint.category()).param("filed", Timestamp.from(complaint.createdAt()))
                .param("ackDue", Timestamp.from(complaint.acknowledgeDue()))
                .param("answerDue", Timestamp.from(complaint.answerDue()))
                .param("ack", complaint.acknowledgedAt() == null ? null : Timestamp.from(complaint.acknowledgedAt()),
                        Types.TIMESTAMP)
                .param("extended", complaint.extended())
                .param("answered", answeredAt == null ? null : Timestamp.from(answeredAt), Types.TIMESTAMP)
                .param("id", complaintId).update();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static SlaTarget target(String stored) {
        return stored == null ? null : SlaTarget.valueOf(stored);
    }
}
