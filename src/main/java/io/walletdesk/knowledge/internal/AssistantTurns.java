package io.walletdesk.knowledge.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The assistant's record of each customer message: what it understood, what it did, and staff corrections. */
@Repository
class AssistantTurns {

    enum Outcome {
        CLAIMED, ANSWERED, CLARIFY, NOT_UNDERSTOOD, HANDOVER, FAILED
    }

    record Turn(long id, long conversationId, long messageSeq, String language, String customerText, String intent,
            Double confidence, String secondIntent, Double secondConfidence, Outcome outcome, Instant createdAt,
            String correctedIntent) {
    }

    private final JdbcClient jdbc;

    AssistantTurns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the message for answering; false if this message was handled already (an event delivered twice). */
    boolean claim(long conversationId, long seq, String language, String text, Instant now) {
        try {
            return jdbc.sql("""
                    INSERT INTO assistant_turn (conversation_id, message_seq, lang, customer_text, outcome, created_at)
                    SELECT :c, :s, :lang, :text, :claimed, :now WHERE NOT EXISTS
                        (SELECT 1 FROM assistant_turn WHERE conversation_id = :c AND message_seq = :s)""")
                    .param("c", conversationId).param("s", seq).param("lang", language)
                    .param("claimed", Outcome.CLAIMED.name()).param("text", text.length() > 2000 ? text.substring(0, 2000) : text).param("now", Timestamp.from(now))
                    .update() == 1;
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    void record(long conversationId, long seq, String intent, Double confidence, String second, Double secondConfidence,
            Outcome outcome) {
        jdbc.sql("""
                UPDATE assistant_turn SET intent = :intent, confidence = :conf, second_intent = :second,
                       second_confidence = :secondConf, outcome = :outcome
                WHERE conversation_id = :c AND message_seq = :s""")
                .param("intent", intent).param("conf", confidence).param("second", second)
                .param("secondConf", secondConfidence).param("outcome", outcome.name())
                .param("c", conversationId).param("s", seq).update();
    }

    /** The turn before {@code seq} in this conversation, if any. */
    Optional<Turn> previous(long conversationId, long seq) {
        return jdbc.sql(SELECT + " WHERE conversation_id = :c AND message_seq < :s ORDER BY message_seq DESC LIMIT 1")
                .param("c", conversationId).param("s", seq).query(AssistantTurns::map).optional();
    }

    List<Turn> recent(int limit) {
        return jdbc.sql(SELECT + " ORDER BY id DESC LIMIT :limit").param("limit", limit).query(AssistantTurns::map).list();
    }

    List<Turn> ofConversation(long conversationId) {
        return jdbc.sql(SELECT + " WHERE conversation_id = :c ORDER BY message_seq").param("c", conversationId)
                .query(AssistantTurns::map).list();
    }

    boolean correct(long turnId, String intent, long by, Instant now) {
        return jdbc.sql("UPDATE assistant_turn SET corrected_intent = :i, corrected_by = :by, corrected_at = :now WHERE id = :id")
                .param("i", intent).param("by", by).param("now", Timestamp.from(now)).param("id", turnId).update() == 1;
    }

    int corrections() {
        return jdbc.sql("SELECT COUNT(*) FROM assistant_turn WHERE corrected_intent IS NOT NULL").query(Integer.class).single();
    }

    private static final String SELECT = """
            SELECT id, conversation_id, message_seq, lang, customer_text, intent, confidence, second_intent,
                   second_confidence, outcome, created_at, corrected_intent FROM assistant_turn""";

    private static Turn map(ResultSet rs, int row) throws SQLException {
        return new Turn(rs.getLong("id"), rs.getLong("conversation_id"), rs.getLong("message_seq"), rs.getString("lang"),
                rs.getString("customer_text"), rs.getString("intent"), (Double) rs.getObject("confidence", Double.class),
                rs.getString("second_intent"), (Double) rs.getObject("second_confidence", Double.class),
                Outcome.valueOf(rs.getString("outcome")), rs.getTimestamp("created_at").toInstant(),
                rs.getString("corrected_intent"));
    }
}
