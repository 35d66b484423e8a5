package io.walletdesk.support.conversation;

import io.walletdesk.identity.Accounts;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.outbox.OutboundMessage;
import io.walletdesk.shared.outbox.OutboundMessages;
import io.walletdesk.support.AuthorType;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A customer who left the chat does not miss the answer: an agent's reply still unread after a few minutes
 * goes to the customer's e-mail once, with a link back to the conversation.
 */
@Component
class UnreadAnswerMails {

    static final Duration GRACE = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final OutboundMessages outbox;
    private final MessageSource messages;
    private final Clock clock;
    private final String publicBaseUrl;

    UnreadAnswerMails(JdbcClient jdbc, Accounts accounts, OutboundMessages outbox, MessageSource messages, Clock clock,
            @Value("${walletdesk.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
        this.publicBaseUrl = publicBaseUrl;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    @SchedulerLock(name = "unread-answer-mails", lockAtMostFor = "PT5M")
    public void run() {
        sendDue();
    }

    /** Sends one mail per conversation with unread answers older than the grace period; returns how many. */
    @Transactional
    public int sendDue() {
        var due = jdbc.sql("""
                SELECT c.id, c.reference, c.language, c.contact_email, c.customer_user_id, MAX(m.seq) AS seq
                FROM conversations c
                JOIN conversation_messages m ON m.conversation_id = c.id AND m.author_type = :agent AND m.internal_note = FALSE
                LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.reader = :customer
                WHERE c.channel = :chat AND c.reply_by_email = FALSE AND c.status IN (:waiting)
                  AND m.seq > COALESCE(r.last_read_seq, 0) AND m.seq > c.customer_notified_seq AND m.created_at < :before
                GROUP BY c.id, c.reference, c.language, c.contact_email, c.customer_user_id""")
                .param("agent", AuthorType.AGENT.name()).param("customer", AuthorType.CUSTOMER.name())
                .param("chat", Channel.CHAT.name())
                .param("waiting", List.of(ConversationStatus.OPEN.name(), ConversationStatus.PENDING.name()))
                .param("before", Timestamp.from(clock.instant().minus(GRACE)))
                .query((rs, n) -> new Object[] {rs.getLong("id"), rs.getString("reference"), rs.getString("language"),
                    rs.getString("contact_email"), rs.getObject("customer_user_id", Long.class), rs.getLong("seq")})
                .list();
        int sent = 0;
        for (Object[] row : due) {
            long id = (Long) row[0];
            String email = (String) row[3];
            if (email == null && row[4] != null) {
                email = accounts.find((Long) row[4]).map(a -> a.email()).orElse(null);
            }
            jdbc.sql("UPDATE conversations SET customer_notified_seq = :seq WHERE id = :id")
                    .param("seq", (Long) row[5]).param("id", id).update();
            if (email == null) {
                continue;
            }
            Locale locale = SupportedLanguage.fromTag((String) row[2]).orElse(SupportedLanguage.EN).locale();
            outbox.queue(new OutboundMessage(OutboundMessage.Channel.EMAIL, email,
                    "[" + row[1] + "] " + messages.getMessage("support.mail.unreadSubject", null, locale),
                    messages.getMessage("support.mail.unreadBody",
                            new Object[] {row[1], publicBaseUrl + "/support/conversations/" + id}, locale),
                    "SUPPORT_UNREAD_ANSWER"));
            sent++;
        }
        return sent;
    }
}
