package io.walletdesk.support.phone;

import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.StartConversation;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Phone support (C3): customers ask to be called back in a time window, agents work the queue ordered by
 * window and log each call (outcome, duration, notes) on the conversation.
 */
@Service
class Callbacks {

    /** How a call ended. */
    enum Outcome { DONE, NO_ANSWER, CANCELLED }

    /** Where a request stands: requested, or the outcome of its last call; stored by name. */
    enum RequestStatus {
        REQUESTED, DONE, NO_ANSWER, CANCELLED;

        static RequestStatus after(Outcome outcome) {
            return valueOf(outcome.name());
        }
    }

    private final JdbcClient jdbc;
    private final Conversations conversations;
    private final Clock clock;

    Callbacks(JdbcClient jdbc, Conversations conversations, Clock clock) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.clock = clock;
    }

    /** Command: call me back on this number between these times. */
    record RequestCallback(Participant by, String name, String phone, Instant windowStart, Instant windowEnd,
            String language, String topic) {
    }

    /** A queued callback as agents see it. */
    record QueuedCallback(long id, long conversationId, String reference, String phone, Instant windowStart,
            Instant windowEnd, String language, String topic, String status) {
    }

    @Transactional
    public ConversationView request(RequestCallback command) {
        Instant now = clock.instant();
        if (command.windowStart() == null || command.windowEnd() == null || !command.windowEnd().isAfter(command.windowStart())
                || command.windowEnd().isBefore(now) || command.windowStart().isAfter(now.plus(Duration.ofDays(14)))) {
            throw ProblemException.forField("callback-window", FailureKind.INVALID, "windowStart");
        }
        if (command.topic() == null || command.topic().isBlank()) {
            throw ProblemException.forField("message-empty", FailureKind.INVALID, "topic");
        }
        ConversationView conversation = conversations.openNew(new StartConversation(command.by(), Channel.PHONE,
                command.topic().strip(), command.name(), null, command.phone(), command.language()));
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO callback_requests (conversation_id, phone, window_start, window_end, language, topic, status, created_at)
                VALUES (:c, :phone, :start, :end, :lang, :topic, :status, :now)""")
                .param("status", RequestStatus.REQUESTED.name())
                .param("c", conversation.id()).param("phone", command.phone())
                .param("start", Timestamp.from(command.windowStart())).param("end", Timestamp.from(command.windowEnd()))
                .param("lang", command.language()).param("topic", command.topic().strip())
                .param("now", Timestamp.from(now)).update(keys, "id");
        conversations.post(new PostMessage(conversation.id(), command.by(), "callback-" + keys.getKey().longValue(),
                command.topic().strip(), Channel.PHONE, false, null, null));
        return conversation;
    }

    /** Open requests, the earliest window first. */
    public List<QueuedCallback> queue() {
        return jdbc.sql("""
                SELECT r.id, r.conversation_id, c.reference, r.phone, r.window_start, r.window_end, r.language, r.topic, r.status
                FROM callback_requests r JOIN conversations c ON c.id = r.conversation_id
                WHERE r.status IN (:open) ORDER BY r.window_start, r.id""")
                .param("open", List.of(RequestStatus.REQUESTED.name(), RequestStatus.NO_ANSWER.name()))
                .query((rs, n) -> new QueuedCallback(rs.getLong("id"), rs.getLong("conversation_id"),
                        rs.getString("reference"), rs.getString("phone"), rs.getTimestamp("window_start").toInstant(),
                        rs.getTimestamp("window_end").toInstant(), rs.getString("language"), rs.getString("topic"),
                        rs.getString("status")))
                .list();
    }

    /** Logs a call on the conversation (as an internal note) and updates the request. */
    @Transactional
    public void logCall(long callbackId, Participant.Staff agent, Outcome outcome, int durationSeconds, String notes) {
        Long conversationId = jdbc.sql("SELECT conversation_id FROM callback_requests WHERE id = :id")
                .param("id", callbackId).query(Long.class).optional()
                .orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        if (durationSeconds < 0 || durationSeconds > 24 * 3600) {
            throw ProblemException.forField("validation", FailureKind.INVALID, "durationSeconds");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO call_logs (conversation_id, callback_id, agent_user_id, outcome, duration_seconds, notes, created_at)
                VALUES (:c, :cb, :agent, :outcome, :duration, :notes, :now)""")
                .param("c", conversationId).param("cb", callbackId).param("agent", agent.userId())
                .param("outcome", outcome.name()).param("duration", durationSeconds).param("notes", notes)
                .param("now", Timestamp.from(now)).update();
        jdbc.sql("UPDATE callback_requests SET status = :s WHERE id = :id")
                .param("s", RequestStatus.after(outcome).name()).param("id", callbackId).update();
        conversations.post(new PostMessage(conversationId, agent, "call-" + callbackId + "-" + now.toEpochMilli(),
                "Call " + outcome + " (" + durationSeconds / 60 + " min " + durationSeconds % 60 + " s)"
                        + (notes == null || notes.isBlank() ? "" : ": " + notes.strip()),
                Channel.PHONE, true, null, null));
        if (outcome == Outcome.DONE) {
            conversations.changeStatus(conversationId, agent, ConversationStatus.PENDING);
        }
    }
}
