package io.walletdesk.channels.internal;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Message-IDs we have seen or sent, and which conversation each belongs to; failing addresses. */
@Repository
class MailThreads {

    private final JdbcClient jdbc;
    private final Clock clock;

    MailThreads(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Whether a mail came from a customer or went to one. */
    enum Direction {
        IN, OUT
    }

    /** Records a Message-ID; false when it was already there (a redelivered mail). */
    boolean record(String messageId, Long conversationId, Direction direction) {
        try {
            jdbc.sql("""
                    INSERT INTO mail_messages (message_id, conversation_id, direction, recorded_at)
                    VALUES (:id, :conversation, :direction, :at)""")
                    .param("id", messageId).param("conversation", conversationId, Types.BIGINT)
                    .param("direction", direction.name()).param("at", Timestamp.from(clock.instant())).update();
            return true;
        } catch (DuplicateKeyException seen) {
            return false;
        }
    }

    boolean seen(String messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_messages WHERE message_id = :id").param("id", messageId)
                .query(Integer.class).single() > 0;
    }

    void attach(String messageId, long conversationId) {
        jdbc.sql("UPDATE mail_messages SET conversation_id = :c WHERE message_id = :id")
                .param("c", conversationId).param("id", messageId).update();
    }

    /** The conversation of the first known id among In-Reply-To and References (newest first). */
    Optional<Long> conversationOf(List<String> messageIds) {
        for (String id : messageIds) {
            Optional<Long> found = jdbc.sql("SELECT conversation_id FROM mail_messages WHERE message_id = :id AND conversation_id IS NOT NULL")
                    .param("id", id).query(Long.class).optional();
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The newest Message-ID the customer sent in this conversation, for In-Reply-To on our answer. */
    Optional<String> lastInbound(long conversationId) {
        return jdbc.sql("""
                SELECT message_id FROM mail_messages WHERE conversation_id = :c AND direction = :in
                ORDER BY recorded_at DESC LIMIT 1""")
                .param("c", conversationId).param("in", Direction.IN.name()).query(String.class).optional();
    }

    void markFailing(String address, String reason) {
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE mail_address_status SET failing = TRUE, last_bounce_at = :at, reason = :reason WHERE address = :a")
                .param("at", now).param("reason", reason).param("a", address).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO mail_address_status (address, failing, last_bounce_at, reason) VALUES (:a, TRUE, :at, :reason)")
                    .param("a", address).param("at", now).param("reason", reason).update();
        }
    }

    boolean failing(String address) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_address_status WHERE address = :a AND failing = TRUE")
                .param("a", address).query(Integer.class).single() > 0;
    }
}
