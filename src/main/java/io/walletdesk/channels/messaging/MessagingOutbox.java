package io.walletdesk.channels.messaging;

import io.walletdesk.shared.i18n.SupportedLanguage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Replies waiting for, or sent through, the Graph API and the Bot API. A row is taken for sending by a
 * conditional update (so two nodes, or the sweep and a kick, never send it twice); a row whose sender stopped is
 * taken again after {@link #CLAIM}. Delivery marks only move forward (sent, delivered, read), except failed.
 */
@Repository
class MessagingOutbox {

    static final int MAX_ATTEMPTS = 8;
    static final Duration CLAIM = Duration.ofMinutes(2);

    enum Kind { TEXT, TEMPLATE, DOCUMENT }

    enum State { PENDING, SENDING, SENT, FAILED, HELD }

    /** A row to send. {@code body} is the text, the template name, or (documents) the caption. */
    record Outgoing(long id, Platform platform, Long conversationId, Long seq, String recipient, Kind kind, String body,
            int attempts) {
    }

    /** A reply as agents see it, with its delivery mark. */
    record Row(long id, Platform platform, Long seq, Kind kind, String body, State state, int attempts, String lastError,
            String delivery, String deliveryError, Instant createdAt) {
    }

    /** The reply a delivery mark was about. */
    record Sent(Long conversationId, Long seq, String language) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    MessagingOutbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Queues once per source key; false when it was queued before (a redelivered event). */
    boolean queue(Platform platform, String sourceKey, Long conversationId, Long seq, String recipient, Kind kind,
            String body, State state) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                INSERT INTO messaging_outbox (platform, source_key, conversation_id, seq, recipient, kind, body, state,
                  next_attempt_at, created_at, updated_at)
                VALUES (:platform, :key, :conversation, :seq, :recipient, :kind, :body, :state, :now, :now, :now)
                ON CONFLICT DO NOTHING""")
                .param("platform", platform.name()).param("key", sourceKey).param("conversation", conversationId)
                .param("seq", seq).param("recipient", recipient).param("kind", kind.name()).param("body", body)
                .param("state", state.name()).param("now", now).update() == 1;
    }

    List<Long> due(List<Platform> platforms, int limit) {
        if (platforms.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT id FROM messaging_outbox WHERE state IN ('PENDING', 'SENDING') AND next_attempt_at <= :now
                  AND platform IN (:platforms) ORDER BY id LIMIT :limit""")
                .param("now", Timestamp.from(clock.instant())).param("limit", limit)
                .param("platforms", platforms.stream().map(Enum::name).toList()).query(Long.class).list();
    }

    Optional<Outgoing> claim(long id) {
        Instant now = clock.instant();
        int claimed = jdbc.sql("""
                UPDATE messaging_outbox SET state = 'SENDING', attempts = attempts + 1, next_attempt_at = :until,
                  updated_at = :now
                WHERE id = :id AND state IN ('PENDING', 'SENDING') AND next_attempt_at <= :now""")
                .param("until", Timestamp.from(now.plus(CLAIM))).param("now", Timestamp.from(now)).param("id", id).update();
        if (claimed == 0) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM messaging_outbox WHERE id = :id").param("id", id)
                .query((rs, n) -> new Outgoing(rs.getLong("id"), Platform.valueOf(rs.getString("platform")),
                        (Long) rs.getObject("conversation_id", Long.class), (Long) rs.getObject("seq", Long.class),
                        rs.getString("recipient"), Kind.valueOf(rs.getString("kind")), rs.getString("body"),
                        rs.getInt("attempts"))).optional();
    }

    void sent(long id, String remoteId) {
        jdbc.sql("UPDATE messaging_outbox SET state = 'SENT', remote_id = :remote, last_error = NULL, updated_at = :now WHERE id = :id")
                .param("remote", remoteId).param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    /** A refusal for now: again after {@code after}, or FAILED once {@value #MAX_ATTEMPTS} tries are spent. */
    void retry(long id, String error, Duration after) {
        Instant now = clock.instant();
        jdbc.sql("""
                UPDATE messaging_outbox SET last_error = :error, next_attempt_at = :next, updated_at = :now,
                  state = CASE WHEN attempts >= :max THEN 'FAILED' ELSE 'PENDING' END
                WHERE id = :id""")
                .param("error", clip(error)).param("next", Timestamp.from(now.plus(after))).param("now", Timestamp.from(now))
                .param("max", MAX_ATTEMPTS).param("id", id).update();
    }

    void end(long id, State state, String error) {
        jdbc.sql("UPDATE messaging_outbox SET state = :state, last_error = :error, updated_at = :now WHERE id = :id")
                .param("state", state.name()).param("error", clip(error)).param("now", Timestamp.from(clock.instant()))
                .param("id", id).update();
    }

    /** Records a WhatsApp status for the reply it names; the reply when the mark changed anything. */
    Optional<Sent> markDelivery(String remoteId, DeliveryMark mark, String error) {
        int rank = mark.rank();
        int updated = jdbc.sql("""
                UPDATE messaging_outbox SET delivery = :mark, delivery_error = :error, updated_at = :now
                WHERE remote_id = :remote AND (delivery IS NULL OR :rank = 9 OR (delivery <> 'FAILED' AND
                  CASE delivery WHEN 'SENT' THEN 1 WHEN 'DELIVERED' THEN 2 WHEN 'READ' THEN 3 ELSE 0 END < :rank))""")
                .param("mark", mark.name()).param("error", clip(error)).param("rank", rank).param("remote", remoteId)
                .param("now", Timestamp.from(clock.instant())).update();
        if (updated == 0) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT o.conversation_id, o.seq, t.language FROM messaging_outbox o
                LEFT JOIN messaging_thread t ON t.conversation_id = o.conversation_id
                WHERE o.remote_id = :remote ORDER BY o.id LIMIT 1""")
                .param("remote", remoteId).query((rs, n) -> new Sent((Long) rs.getObject("conversation_id", Long.class),
                        (Long) rs.getObject("seq", Long.class), rs.getString("language"))).optional();
    }

    List<Row> ofConversation(long conversationId) {
        return jdbc.sql("SELECT * FROM messaging_outbox WHERE conversation_id = :id ORDER BY id")
                .param("id", conversationId).query(MessagingOutbox::row).list();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("id"), Platform.valueOf(rs.getString("platform")), (Long) rs.getObject("seq", Long.class),
                Kind.valueOf(rs.getString("kind")), rs.getString("body"), State.valueOf(rs.getString("state")),
                rs.getInt("attempts"), rs.getString("last_error"), rs.getString("delivery"), rs.getString("delivery_error"),
                rs.getTimestamp("created_at").toInstant());
    }

    static Locale locale(String language) {
        return SupportedLanguage.fromTag(language).orElse(SupportedLanguage.EN).locale();
    }

    private static String clip(String text) {
        return text == null ? null : text.substring(0, Math.min(text.length(), 500));
    }
}
