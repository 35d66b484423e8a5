package io.walletdesk.support.conversation;

import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.sla.ServiceLevels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The workspace's conversation list: each row with its last-message preview, how long the customer has waited for
 * an answer, unread count, SLA due and labels, read in a few batch queries for the whole list.
 */
@Component
class WorkspaceRows {

    /** Due within this time: shown amber rather than green. */
    static final Duration DUE_SOON = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final ServiceLevels serviceLevels;
    private final Clock clock;

    WorkspaceRows(JdbcClient jdbc, ServiceLevels serviceLevels, Clock clock) {
        this.jdbc = jdbc;
        this.serviceLevels = serviceLevels;
        this.clock = clock;
    }

    /** One row; {@code slaState} is ok, soon, breached or paused (the CSS colour), null when nothing is due. */
    record Row(ConversationView conversation, String preview, Instant waitingSince, long unread, Instant slaDue,
            String slaState, List<String> labels) {

        public String name() {
            String name = conversation.contactName();
            return name == null || name.isBlank() ? conversation.reference() : name;
        }

        /** Minutes the customer has been waiting, for "12 min". */
        public long waitingMinutes(Instant now) {
            return waitingSince == null ? 0 : Duration.between(waitingSince, now).toMinutes();
        }
    }

    Instant now() {
        return clock.instant();
    }

    List<Row> rows(List<ConversationView> conversations) {
        if (conversations.isEmpty()) {
            return List.of();
        }
        List<Long> ids = conversations.stream().map(ConversationView::id).toList();
        Map<Long, String> previews = new HashMap<>();
        jdbc.sql("""
                SELECT m.conversation_id, m.body FROM conversation_messages m
                WHERE m.conversation_id IN (:ids) AND m.internal_note = FALSE
                AND m.seq = (SELECT MAX(x.seq) FROM conversation_messages x
                             WHERE x.conversation_id = m.conversation_id AND x.internal_note = FALSE)""")
                .param("ids", ids)
                .query((rs, n) -> previews.put(rs.getLong(1), preview(rs.getString(2)))).list();
        Map<Long, Instant> waiting = new HashMap<>();
        // Waiting since the first customer message after the last public agent answer: what the customer feels.
        jdbc.sql("""
                SELECT c.conversation_id, MIN(c.created_at) FROM conversation_messages c
                WHERE c.conversation_id IN (:ids) AND c.author_type = 'CUSTOMER'
                AND c.seq > COALESCE((SELECT MAX(a.seq) FROM conversation_messages a WHERE a.conversation_id = c.conversation_id
                                      AND a.author_type = 'AGENT' AND a.internal_note = FALSE), 0)
                GROUP BY c.conversation_id""")
                .param("ids", ids)
                .query((rs, n) -> waiting.put(rs.getLong(1), rs.getTimestamp(2).toInstant())).list();
        Map<Long, Long> unread = new HashMap<>();
        jdbc.sql("""
                SELECT m.conversation_id, COUNT(*) FROM conversation_messages m
                LEFT JOIN conversation_reads r ON r.conversation_id = m.conversation_id AND r.reader = 'AGENT'
                WHERE m.conversation_id IN (:ids) AND m.author_type = 'CUSTOMER' AND m.seq > COALESCE(r.last_read_seq, 0)
                GROUP BY m.conversation_id""")
                .param("ids", ids)
                .query((rs, n) -> unread.put(rs.getLong(1), rs.getLong(2))).list();
        Map<Long, List<String>> labels = new HashMap<>();
        jdbc.sql("SELECT conversation_id, label FROM conversation_labels WHERE conversation_id IN (:ids) ORDER BY label")
                .param("ids", ids)
                .query((rs, n) -> labels.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)))
                .list();
        Instant now = clock.instant();
        List<Row> rows = new ArrayList<>();
        for (ConversationView c : conversations) {
            var clocks = serviceLevels.clocks(c.id()).filter(s -> !s.stopped());
            Instant due = clocks.map(s -> s.firstRespondedAt() == null ? s.firstResponseDue() : s.nextResponseDue())
                    .orElse(null);
            String state = due == null ? null
                    : clocks.get().breached() || due.isBefore(now) ? "breached"
                    : clocks.get().pausedSince() != null ? "paused"
                    : due.isBefore(now.plus(DUE_SOON)) ? "soon" : "ok";
            boolean answered = c.status() == ConversationStatus.RESOLVED || c.status() == ConversationStatus.CLOSED;
            rows.add(new Row(c, previews.getOrDefault(c.id(), ""), answered ? null : waiting.get(c.id()),
                    unread.getOrDefault(c.id(), 0L), due, state, labels.getOrDefault(c.id(), List.of())));
        }
        return rows;
    }

    /** Attachments show by name, long texts cut to one line's worth. */
    private static String preview(String body) {
        String text = body.startsWith("[attachment]") ? "[file] " + body.substring("[attachment]".length()).trim() : body;
        text = text.replaceAll("\\s+", " ").trim();
        return text.length() > 90 ? text.substring(0, 89) + "…" : text;
    }

    List<String> labels(long conversationId) {
        return jdbc.sql("SELECT label FROM conversation_labels WHERE conversation_id = :c ORDER BY label")
                .param("c", conversationId).query(String.class).list();
    }

    /** Replaces the conversation's labels; returns whether they changed. */
    boolean setLabels(long conversationId, List<String> wanted) {
        List<String> before = labels(conversationId);
        List<String> after = wanted.stream().map(l -> l.trim().toLowerCase(java.util.Locale.ROOT))
                .filter(l -> l.matches("[\\p{L}\\p{N}_-]{1,40}")).distinct().sorted().toList();
        if (before.equals(after)) {
            return false;
        }
        jdbc.sql("DELETE FROM conversation_labels WHERE conversation_id = :c").param("c", conversationId).update();
        for (String label : after) {
            jdbc.sql("INSERT INTO conversation_labels (conversation_id, label) VALUES (:c, :l)")
                    .param("c", conversationId).param("l", label).update();
        }
        return true;
    }

    /** Adds one label (bulk action). */
    boolean addLabel(long conversationId, String label) {
        List<String> labels = new ArrayList<>(labels(conversationId));
        labels.add(label);
        return setLabels(conversationId, labels);
    }
}
