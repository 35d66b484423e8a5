package io.walletdesk.channels.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which chat on which platform carries a conversation, and when the customer last wrote there. */
@Repository
class MessagingThreads {

    /** A conversation's chat: {@code address} is the WhatsApp id (digits of the E.164 number) or the Telegram chat id. */
    record Thread(long conversationId, Platform platform, String address, String language, Instant lastInboundAt) {
    }

    private final JdbcClient jdbc;

    MessagingThreads(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The customer wrote on this chat: replies go there from now on. */
    void touch(long conversationId, Platform platform, String address, String language, Instant at) {
        int updated = jdbc.sql("""
                UPDATE messaging_thread SET platform = :platform, address = :address, language = :language,
                  last_inbound_at = CASE WHEN last_inbound_at > :at THEN last_inbound_at ELSE :at END
                WHERE conversation_id = :id""")
                .param("platform", platform.name()).param("address", address).param("language", language)
                .param("at", Timestamp.from(at)).param("id", conversationId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO messaging_thread (conversation_id, platform, address, language, last_inbound_at)
                    VALUES (:id, :platform, :address, :language, :at)""")
                    .param("platform", platform.name()).param("address", address).param("language", language)
                    .param("at", Timestamp.from(at)).param("id", conversationId).update();
        }
    }

    Optional<Thread> of(long conversationId) {
        return jdbc.sql("SELECT * FROM messaging_thread WHERE conversation_id = :id").param("id", conversationId)
                .query((rs, n) -> new Thread(rs.getLong("conversation_id"), Platform.valueOf(rs.getString("platform")),
                        rs.getString("address"), rs.getString("language"), rs.getTimestamp("last_inbound_at").toInstant()))
                .optional();
    }
}
