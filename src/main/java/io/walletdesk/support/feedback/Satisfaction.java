package io.walletdesk.support.feedback;

import io.walletdesk.shared.crypto.Digests;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.outbox.OutboundMessage;
import io.walletdesk.shared.outbox.OutboundMessages;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationResolved;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.SatisfactionAnswered;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After a conversation is resolved, the customer is asked for a 1–5 rating and a comment, through the
 * channel they used (a chat message or an e-mail with a personal link). Results per agent for staff.
 */
@Service
class Satisfaction {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Participant.System SURVEYOR = new Participant.System("WalletDesk");

    private final JdbcClient jdbc;
    private final Conversations conversations;
    private final OutboundMessages outbox;
    private final MessageSource messages;
    private final Clock clock;
    private final String publicBaseUrl;
    private final ApplicationEventPublisher events;

    Satisfaction(JdbcClient jdbc, Conversations conversations, OutboundMessages outbox, MessageSource messages,
            Clock clock, @Value("${walletdesk.public-base-url:http://localhost:8080}") String publicBaseUrl,
            ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    @ApplicationModuleListener
    void on(ConversationResolved resolved) {
        send(resolved.conversationId());
    }

    /** Sends the survey once per conversation; returns the personal link. */
    @Transactional
    public Optional<String> send(long conversationId) {
        int existing = jdbc.sql("SELECT COUNT(*) FROM satisfaction_surveys WHERE conversation_id = :c")
                .param("c", conversationId).query(Integer.class).single();
        if (existing > 0) {
            return Optional.empty();
        }
        ConversationView conversation = conversations.get(conversationId, SURVEYOR);
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("""
                INSERT INTO satisfaction_surveys (conversation_id, token_hash, agent_user_id, created_at)
                VALUES (:c, :hash, :agent, :now)""")
                .param("c", conversationId).param("hash", Digests.sha256(token))
                .param("agent", conversation.assigneeUserId(), Types.BIGINT)
                .param("now", Timestamp.from(clock.instant())).update();
        String link = publicBaseUrl + "/support/survey/" + token;
        Locale locale = SupportedLanguage.fromTag(conversation.language()).orElse(SupportedLanguage.EN).locale();
        String text = messages.getMessage("survey.invitation", new Object[] {conversation.reference(), link}, locale);
        if ((conversation.channel() == Channel.EMAIL || conversation.channel() == Channel.WEB_FORM)
                && conversation.contactEmail() != null) {
            outbox.queue(new OutboundMessage(OutboundMessage.Channel.EMAIL, conversation.contactEmail(),
                    "[" + conversation.reference() + "] " + messages.getMessage("survey.subject", null, locale), text,
                    "SATISFACTION_SURVEY"));
        } else {
            conversations.post(new PostMessage(conversationId, SURVEYOR, "survey-" + conversationId, text,
                    conversation.channel(), false, null, null));
        }
        return Optional.of(link);
    }

    /** The survey behind a link, if it exists and is not answered yet. */
    public Optional<Long> open(String token) {
        return jdbc.sql("SELECT id FROM satisfaction_surveys WHERE token_hash = :hash AND answered_at IS NULL")
                .param("hash", Digests.sha256(token)).query(Long.class).optional();
    }

    @Transactional
    public void answer(String token, int rating, String comment) {
        if (rating < 1 || rating > 5) {
            throw ProblemException.forField("validation", FailureKind.INVALID, "rating");
        }
        int updated = jdbc.sql("""
                UPDATE satisfaction_surveys SET rating = :rating, comment = :comment, answered_at = :now
                WHERE token_hash = :hash AND answered_at IS NULL""")
                .param("rating", rating)
                .param("comment", comment == null || comment.isBlank() ? null
                        : comment.strip().substring(0, Math.min(comment.strip().length(), 2000)))
                .param("now", Timestamp.from(clock.instant())).param("hash", Digests.sha256(token)).update();
        if (updated == 0) {
            throw new ProblemException("survey-closed", FailureKind.GONE);
        }
        jdbc.sql("SELECT conversation_id FROM satisfaction_surveys WHERE token_hash = :hash")
                .param("hash", Digests.sha256(token)).query(Long.class).optional()
                .ifPresent(conversationId -> events.publishEvent(
                        new SatisfactionAnswered(conversationId, rating)));
    }

    /** Average rating and number of answers per agent (null agent: unassigned). */
    public List<AgentScore> perAgent() {
        return jdbc.sql("""
                SELECT agent_user_id, COUNT(rating) AS answers, AVG(CAST(rating AS DECIMAL(5,2))) AS average,
                  COUNT(*) AS sent
                FROM satisfaction_surveys GROUP BY agent_user_id ORDER BY agent_user_id""")
                .query((rs, n) -> new AgentScore(rs.getObject("agent_user_id", Long.class), rs.getInt("sent"),
                        rs.getInt("answers"), rs.getBigDecimal("average") == null ? null : rs.getBigDecimal("average").doubleValue()))
                .list();
    }

    /** One agent's satisfaction results. */
    public record AgentScore(Long agentUserId, int sent, int answers, Double average) {
    }
}
