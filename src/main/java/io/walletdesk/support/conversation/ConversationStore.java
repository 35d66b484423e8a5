package io.walletdesk.support.conversation;

import io.walletdesk.support.AuthorType;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.MessageView;
import io.walletdesk.support.Priority;
import java.util.Map;
import java.util.HashMap;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for conversations and their messages. Appends lock the conversation row, which orders its messages. */
@Repository
class ConversationStore {

    static final String COLUMNS = """
            id, reference, status, priority, channel, subject, customer_user_id, visitor_id, contact_name, contact_email,
            contact_phone, language, assignee_user_id, last_seq, created_at, updated_at, resolved_at, team_id""";
    static final String MESSAGE_COLUMNS = """
            conversation_id, seq, client_message_id, author_type, author_name, channel, body, internal_note, created_at,
            client_time, device_type, os, browser, app_version""";

    /** Conversations still being worked on (their clocks may run). */
    private static final List<String> ACTIVE = names(ConversationStatus.OPEN, ConversationStatus.PENDING,
            ConversationStatus.SNOOZED);
    /** What counts towards an agent's load. */
    private static final List<String> LOAD = names(ConversationStatus.OPEN, ConversationStatus.PENDING);

    private final JdbcClient jdbc;

    ConversationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(Long customerUserId, String visitorId, String contactName, String contactEmail, String contactPhone,
            String language, String subject, Channel channel, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO conversations (reference, customer_user_id, visitor_id, contact_name, contact_email,
                  contact_phone, language, subject, channel, status, priority, created_at, updated_at)
                VALUES (:ref, :customer, :visitor, :name, :email, :phone, :lang, :subject, :channel, :status, :priority,
                  :now, :now)""")
                .param("status", ConversationStatus.OPEN.name()).param("priority", Priority.NORMAL.name())
                .param("ref", "tmp-" + UUID.randomUUID().toString().substring(0, 15))
                .param("customer", customerUserId, Types.BIGINT).param("visitor", visitorId)
                .param("name", contactName).param("email", contactEmail).param("phone", contactPhone)
                .param("lang", language).param("subject", subject).param("channel", channel.name())
                .param("now", Timestamp.from(now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        jdbc.sql("UPDATE conversations SET reference = :ref WHERE id = :id")
                .param("ref", "WD-" + (10000 + id)).param("id", id).update();
        return id;
    }

    Optional<ConversationView> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversations WHERE id = :id").param("id", id)
                .query(ConversationStore::conversation).optional();
    }

    Optional<ConversationView> findByReference(String reference) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversations WHERE reference = :ref").param("ref", reference)
                .query(ConversationStore::conversation).optional();
    }

    /** Locks the row until the transaction ends: appends to one conversation happen one at a time. */
    Optional<ConversationView> lock(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversations WHERE id = :id FOR UPDATE").param("id", id)
                .query(ConversationStore::conversation).optional();
    }

    Optional<ConversationView> latestResolvedSince(Long customerUserId, String visitorId, Instant since) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM conversations WHERE status = :resolved AND resolved_at >= :since AND merged_into_id IS NULL
                AND ((CAST(:customer AS BIGINT) IS NOT NULL AND customer_user_id = :customer) OR (CAST(:visitor AS VARCHAR) IS NOT NULL AND visitor_id = :visitor))
                ORDER BY resolved_at DESC LIMIT 1""")
                .param("since", Timestamp.from(since)).param("resolved", ConversationStatus.RESOLVED.name())
                .param("customer", customerUserId, Types.BIGINT).param("visitor", visitorId)
                .query(ConversationStore::conversation).optional();
    }

    Optional<ConversationView> latestActive(Long customerUserId, String visitorId) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM conversations WHERE status IN (:active) AND merged_into_id IS NULL
                AND ((CAST(:customer AS BIGINT) IS NOT NULL AND customer_user_id = :customer) OR (CAST(:visitor AS VARCHAR) IS NOT NULL AND visitor_id = :visitor))
                ORDER BY updated_at DESC LIMIT 1""")
                .param("active", ACTIVE)
                .param("customer", customerUserId, Types.BIGINT).param("visitor", visitorId)
                .query(ConversationStore::conversation).optional();
    }

    List<ConversationView> ofCustomer(Long customerUserId, String visitorId, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM conversations WHERE merged_into_id IS NULL
                AND ((CAST(:customer AS BIGINT) IS NOT NULL AND customer_user_id = :customer) OR (CAST(:visitor AS VARCHAR) IS NOT NULL AND visitor_id = :visitor))
                ORDER BY updated_at DESC LIMIT :limit""")
                .param("customer", customerUserId, Types.BIGINT).param("visitor", visitorId)
                .param("limit", limit)
                .query(ConversationStore::conversation).list();
    }

    /**
     * Agent inbox. {@code assignee}: -1 unassigned, null any; {@code status}: null means not resolved/closed;
     * {@code teams}: null for everything, else only those teams' conversations, unrouted ones and the viewer's own.
     */
    List<ConversationView> inbox(Long assignee, ConversationStatus status, Channel channel, Set<Long> teams,
            long viewer, boolean onlyTeams, int limit) {
        String teamFilter = teams == null ? "" : onlyTeams
                ? " AND team_id IN (" + ids(teams) + ")"
                : " AND (team_id IS NULL OR assignee_user_id = " + viewer + " OR team_id IN (" + ids(teams) + "))";
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversations WHERE merged_into_id IS NULL AND last_seq > 0" + teamFilter + """

                AND (CAST(:status AS VARCHAR) IS NULL AND status IN (:active) OR status = :status)
                AND (CAST(:assignee AS BIGINT) IS NULL OR (CAST(:assignee AS BIGINT) = -1 AND assignee_user_id IS NULL) OR assignee_user_id = :assignee)
                AND (CAST(:channel AS VARCHAR) IS NULL OR channel = :channel)
                ORDER BY CASE priority WHEN :urgent THEN 0 WHEN :high THEN 1 WHEN :normal THEN 2 ELSE 3 END, updated_at
                LIMIT :limit""")
                .param("status", status == null ? null : status.name()).param("active", ACTIVE)
                .param("urgent", Priority.URGENT.name()).param("high", Priority.HIGH.name())
                .param("normal", Priority.NORMAL.name())
                .param("assignee", assignee, Types.BIGINT)
                .param("channel", channel == null ? null : channel.name())
                .param("limit", limit)
                .query(ConversationStore::conversation).list();
    }

    Optional<MessageView> messageByClientId(long conversationId, String clientMessageId) {
        return jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM conversation_messages WHERE conversation_id = :c AND client_message_id = :m")
                .param("c", conversationId).param("m", clientMessageId)
                .query(ConversationStore::message).optional();
    }

    Optional<MessageView> message(long conversationId, long seq) {
        return jdbc.sql("SELECT " + MESSAGE_COLUMNS + " FROM conversation_messages WHERE conversation_id = :c AND seq = :s")
                .param("c", conversationId).param("s", seq)
                .query(ConversationStore::message).optional();
    }

    void insertMessage(MessageView m, Long authorUserId, String ip) {
        jdbc.sql("""
                INSERT INTO conversation_messages (conversation_id, seq, client_message_id, author_type, author_user_id,
                  author_name, channel, body, internal_note, created_at, client_time, device_type, os, browser, app_version, ip)
                VALUES (:c, :seq, :cid, :type, :user, :name, :channel, :body, :note, :at, :clientTime, :device, :os,
                  :browser, :app, :ip)""")
                .param("c", m.conversationId()).param("seq", m.seq()).param("cid", m.clientMessageId())
                .param("type", m.authorType().name()).param("user", authorUserId, Types.BIGINT)
                .param("name", m.authorName()).param("channel", m.channel().name()).param("body", m.body())
                .param("note", m.internalNote()).param("at", Timestamp.from(m.createdAt()))
                .param("clientTime", m.clientTime() == null ? null : Timestamp.from(m.clientTime()), Types.TIMESTAMP)
                .param("device", m.deviceType()).param("os", m.os()).param("browser", m.browser())
                .param("app", m.appVersion()).param("ip", ip)
                .update();
    }

    List<MessageView> messagesAfter(long conversationId, long afterSeq, boolean includeNotes, int limit) {
        return jdbc.sql("SELECT " + MESSAGE_COLUMNS + """
                 FROM conversation_messages WHERE conversation_id = :c AND seq > :after
                AND (:notes OR internal_note = FALSE) ORDER BY seq LIMIT :limit""")
                .param("c", conversationId).param("after", afterSeq).param("notes", includeNotes).param("limit", limit)
                .query(ConversationStore::message).list();
    }

    void advance(long id, long lastSeq, ConversationStatus status, Instant now, Instant resolvedAt) {
        jdbc.sql("""
                UPDATE conversations SET last_seq = :seq, status = :status, updated_at = :now, resolved_at = :resolved,
                  snoozed_until = CASE WHEN :status = :snoozed THEN snoozed_until ELSE NULL END, version = version + 1
                WHERE id = :id""")
                .param("seq", lastSeq).param("status", status.name())
                .param("snoozed", ConversationStatus.SNOOZED.name()).param("now", Timestamp.from(now))
                .param("resolved", resolvedAt == null ? null : Timestamp.from(resolvedAt), Types.TIMESTAMP)
                .param("id", id).update();
    }

    void setContactEmail(long id, String email) {
        jdbc.sql("UPDATE conversations SET contact_email = :email WHERE id = :id").param("email", email).param("id", id)
                .update();
    }

    Map<Long, Integer> openAssignedCounts(List<Long> agents) {
        if (agents.isEmpty()) {
            return Map.of();
        }
        Map<Long, Integer> counts = new HashMap<>();
        jdbc.sql("""
                SELECT assignee_user_id, COUNT(*) AS open FROM conversations
                WHERE assignee_user_id IN (:agents) AND status IN (:load) GROUP BY assignee_user_id""")
                .param("agents", agents).param("load", LOAD)
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getInt(2));
                });
        return counts;
    }

    int releaseOpenChats(long agent, Instant now) {
        return jdbc.sql("""
                UPDATE conversations SET assignee_user_id = NULL, updated_at = :now, version = version + 1
                WHERE assignee_user_id = :a AND status = :open AND channel = :chat""")
                .param("a", agent).param("open", ConversationStatus.OPEN.name()).param("chat", Channel.CHAT.name()).param("now", Timestamp.from(now)).update();
    }

    /** The visitor's conversations not yet closed become the customer's; the visitor id stays as their origin. */
    int adoptVisitor(String visitorId, long customerUserId, Instant now) {
        return jdbc.sql("""
                UPDATE conversations SET customer_user_id = :u, updated_at = :now, version = version + 1
                WHERE visitor_id = :v AND customer_user_id IS NULL AND status <> :closed""")
                .param("u", customerUserId).param("v", visitorId).param("closed", ConversationStatus.CLOSED.name())
                .param("now", Timestamp.from(now)).update();
    }

    void markMerged(long id, long into) {
        jdbc.sql("UPDATE conversations SET merged_into_id = :into WHERE id = :id").param("into", into).param("id", id).update();
    }

    void replyByEmail(long id) {
        jdbc.sql("UPDATE conversations SET reply_by_email = TRUE WHERE id = :id").param("id", id).update();
    }

    boolean repliesByEmail(long id) {
        return jdbc.sql("SELECT reply_by_email FROM conversations WHERE id = :id").param("id", id)
                .query(Boolean.class).optional().orElse(false);
    }

    /** A literal id list for IN (...): the values are longs, so nothing can be injected. */
    private static String ids(Set<Long> values) {
        return values.isEmpty() ? "-1" : values.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    void assignTeam(long id, Long teamId, Instant now) {
        jdbc.sql("UPDATE conversations SET team_id = :t, updated_at = :now, version = version + 1 WHERE id = :id")
                .param("t", teamId, Types.BIGINT).param("now", Timestamp.from(now)).param("id", id).update();
    }

    /** Assigns only if nobody is assigned yet; false when someone else got there first. */
    boolean assignIfUnassigned(long id, long assignee, Instant now) {
        return jdbc.sql("""
                UPDATE conversations SET assignee_user_id = :a, updated_at = :now, version = version + 1
                WHERE id = :id AND assignee_user_id IS NULL""")
                .param("a", assignee).param("now", Timestamp.from(now)).param("id", id).update() == 1;
    }

    void assign(long id, Long assignee, Instant now) {
        jdbc.sql("UPDATE conversations SET assignee_user_id = :a, updated_at = :now, version = version + 1 WHERE id = :id")
                .param("a", assignee, Types.BIGINT).param("now", Timestamp.from(now)).param("id", id).update();
    }

    void prioritise(long id, Priority priority, Instant now) {
        jdbc.sql("UPDATE conversations SET priority = :p, updated_at = :now, version = version + 1 WHERE id = :id")
                .param("p", priority.name()).param("now", Timestamp.from(now)).param("id", id).update();
    }

    void markRead(long id, String reader, long seq) {
        int updated = jdbc.sql("""
                UPDATE conversation_reads SET last_read_seq = :seq
                WHERE conversation_id = :id AND reader = :reader AND last_read_seq < :seq""")
                .param("seq", seq).param("id", id).param("reader", reader).update();
        if (updated == 0 && readUpTo(id, reader) == 0) {
            try {
                jdbc.sql("INSERT INTO conversation_reads (conversation_id, reader, last_read_seq) VALUES (:id, :reader, :seq)")
                        .param("id", id).param("reader", reader).param("seq", seq).update();
            } catch (DuplicateKeyException concurrent) {
                markRead(id, reader, seq);
            }
        }
    }

    long readUpTo(long id, String reader) {
        return jdbc.sql("SELECT last_read_seq FROM conversation_reads WHERE conversation_id = :id AND reader = :reader")
                .param("id", id).param("reader", reader).query(Long.class).optional().orElse(0L);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static ConversationView conversation(ResultSet rs, int row) throws SQLException {
        return new ConversationView(rs.getLong("id"), rs.getString("reference"),
                ConversationStatus.valueOf(rs.getString("status")), Priority.valueOf(rs.getString("priority")),
                Channel.valueOf(rs.getString("channel")), rs.getString("subject"),
                rs.getObject("customer_user_id", Long.class), rs.getString("visitor_id"), rs.getString("contact_name"),
                rs.getString("contact_email"), rs.getString("contact_phone"), rs.getString("language"),
                rs.getObject("assignee_user_id", Long.class), rs.getLong("last_seq"), instant(rs, "created_at"),
                instant(rs, "updated_at"), instant(rs, "resolved_at"), rs.getObject("team_id", Long.class));
    }

    private static List<String> names(Enum<?>... values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    static MessageView message(ResultSet rs, int row) throws SQLException {
        return new MessageView(rs.getLong("conversation_id"), rs.getLong("seq"), rs.getString("client_message_id"),
                AuthorType.valueOf(rs.getString("author_type")), rs.getString("author_name"), Channel.valueOf(rs.getString("channel")),
                rs.getString("body"), rs.getBoolean("internal_note"), instant(rs, "created_at"),
                instant(rs, "client_time"), rs.getString("device_type"), rs.getString("os"), rs.getString("browser"),
                rs.getString("app_version"));
    }
}
