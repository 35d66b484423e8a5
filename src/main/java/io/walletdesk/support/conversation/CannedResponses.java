package io.walletdesk.support.conversation;

import io.walletdesk.support.ConversationView;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Prepared answers in the customer's language, with {customer}, {agent} and {reference} filled in. */
@Service
class CannedResponses {

    private final JdbcClient jdbc;

    CannedResponses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One prepared answer. */
    record Canned(long id, String shortcut, String language, String title, String body) {
    }

    /** Those in the conversation's language, falling back to English. */
    List<Canned> forLanguage(String language) {
        List<Canned> found = query(language);
        return found.isEmpty() ? query("en") : found;
    }

    String render(long id, ConversationView conversation, String agentName) {
        String body = jdbc.sql("SELECT body FROM canned_responses WHERE id = :id").param("id", id)
                .query(String.class).optional().orElse("");
        return body.replace("{customer}", conversation.contactName() == null ? "" : conversation.contactName())
                .replace("{agent}", agentName)
                .replace("{reference}", conversation.reference());
    }

    private List<Canned> query(String language) {
        return jdbc.sql("SELECT id, shortcut, language, title, body FROM canned_responses WHERE language = :l ORDER BY shortcut")
                .param("l", language)
                .query((rs, n) -> new Canned(rs.getLong("id"), rs.getString("shortcut"), rs.getString("language"),
                        rs.getString("title"), rs.getString("body")))
                .list();
    }
}
