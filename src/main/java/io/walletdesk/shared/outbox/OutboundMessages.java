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
}
