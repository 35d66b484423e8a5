package io.walletdesk.shared.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The outbox of messages to customers (e-mail, SMS). Modules write here inside their own transaction; the
 * channels module delivers them. Until a channel exists for a kind, messages wait here as PENDING.
 */
@Service
public class OutboundMessages {

    private final JdbcClient jdbc;
    private final Clock clock;

    OutboundMessages(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void queue(OutboundMessage message) {
        jdbc.sql("""
                INSERT INTO outbound_message (channel, recipient, subject, body, purpose, created_at, status)
                VALUES (:channel, :recipient, :subject, :body, :purpose, :at, 'PENDING')""")
                .param("channel", message.channel().name())
                .param("recipient", message.recipient())
                .param("subject", message.subject())
                .param("body", message.body())
                .param("purpose", message.purpose())
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }

    /** Newest first, for one recipient (used by staff tools and tests). */
    public List<OutboundMessage> to(String recipient) {
        return jdbc.sql("""
                SELECT channel, recipient, subject, body, purpose FROM outbound_message
                WHERE recipient = :recipient ORDER BY id DESC""")
                .param("recipient", recipient)
                .query((rs, n) -> new OutboundMessage(OutboundMessage.Channel.valueOf(rs.getString("channel")),
                        rs.getString("recipient"), rs.getString("subject"), rs.getString("body"), rs.getString("purpose")))
                .list();
    }

    /** Messages waiting for a channel, oldest first. */
    public List<Pending> pending(OutboundMessage.Channel channel, int limit) {
        return jdbc.sql("""
                SELECT id, channel, recipient, subject, body, purpose, attempts FROM outbound_message
                WHERE status = 'PENDING' AND channel = :channel ORDER BY id LIMIT :limit""")
                .param("channel", channel.name()).param("limit", limit)
                .query((rs, n) -> new Pending(rs.getLong("id"), new OutboundMessage(
                        OutboundMessage.Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                        rs.getString("subject"), rs.getString("body"), rs.getString("purpose")), rs.getInt("attempts")))
                .list();
    }

    public void markSent(long id, String messageId) {
        jdbc.sql("UPDATE outbound_message SET status = 'SENT', sent_at = :at, message_id = :mid WHERE id = :id")
                .param("at", Timestamp.from(clock.instant())).param("mid", messageId).param("id", id).update();
    }

    /** Counts a failed try; after {@code maxAttempts} the message is given up as FAILED. */
    public void markFailed(long id, String error, int maxAttempts) {
        jdbc.sql("""
                UPDATE outbound_message SET attempts = attempts + 1, last_error = :error,
                  status = CASE WHEN attempts + 1 >= :max THEN 'FAILED' ELSE 'PENDING' END WHERE id = :id""")
                .param("error", error == null ? null : error.substring(0, Math.min(error.length(), 500)))
                .param("max", maxAttempts).param("id", id).update();
    }

    public String status(long id) {
        return jdbc.sql("SELECT status FROM outbound_message WHERE id = :id").param("id", id).query(String.class).single();
    }

    /** An outbox row waiting to be sent. */
    public record Pending(long id, OutboundMessage message, int attempts) {
    }
}
