package io.walletdesk.channels.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.walletdesk.identity.Accounts;
import io.walletdesk.reachability.AntiPhishing;
import io.walletdesk.shared.outbox.OutboundMessage;
import io.walletdesk.shared.outbox.OutboundMessages;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's e-mails over SMTP, once per cluster. Automatic mails carry
 * {@code Auto-Submitted} (RFC 3834) so other robots do not answer them; answers in a conversation carry
 * In-Reply-To/References and the [WD-nnnnn] subject so the customer's reply threads back.
 */
@Component
@ConditionalOnProperty(name = "walletdesk.mail.enabled", havingValue = "true")
class OutboxMailer {

    private static final Logger log = LoggerFactory.getLogger(OutboxMailer.class);
    static final int MAX_ATTEMPTS = 5;
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private final OutboundMessages outbox;
    private final JavaMailSender sender;
    private final MailSettings settings;
    private final MailThreads threads;
    private final Conversations conversations;
    private final Accounts accounts;
    private final AntiPhishing antiPhishing;
    private final MessageSource messages;
    private final Counter retried;
    private final Counter givenUp;
    private final Counter bouncing;

    OutboxMailer(OutboundMessages outbox, JavaMailSender sender, MailSettings settings, MailThreads threads,
            Conversations conversations, Accounts accounts, AntiPhishing antiPhishing, MessageSource messages,
            MeterRegistry meters) {
        // README "Metrics": failed sends by what became of the mail (tried again, given up, address known to bounce).
        this.retried = failures(meters, "retry");
        this.givenUp = failures(meters, "given_up");
        this.bouncing = failures(meters, "address_failing");
        this.accounts = accounts;
        this.antiPhishing = antiPhishing;
        this.messages = messages;
        this.outbox = outbox;
        this.sender = sender;
        this.settings = settings;
        this.threads = threads;
        this.conversations = conversations;
    }

    @Scheduled(fixedDelayString = "${walletdesk.mail.send-interval:PT5S}",
            initialDelayString = "${walletdesk.mail.send-initial-delay:PT5S}")
    @SchedulerLock(name = "outbox-mail", lockAtMostFor = "PT5M")
    public void send() {
        sendPending();
    }

    /** Sends what is waiting; returns how many were sent. */
    int sendPending() {
        int sent = 0;
        for (OutboundMessages.Pending pending : outbox.pending(OutboundMessage.Channel.EMAIL, 50)) {
            OutboundMessage message = pending.message();
            if (threads.failing(message.recipient())) {
                outbox.markFailed(pending.id(), "address bounces", 1);
                bouncing.increment();
                continue;
            }
            try {
                Optional<ConversationView> conversation = conversationOf(message.subject());
                MimeMessage mime = new DomainMessage(sender.createMimeMessage().getSession(), settings.domain());
                MimeMessageHelper helper = new MimeMessageHelper(mime, false, "UTF-8");
                helper.setFrom(settings.from());
                helper.setTo(message.recipient());
                helper.setSubject(message.subject());
                helper.setText(withPhrase(message), false);
                MailPurpose purpose = MailPurpose.of(message.purpose());
                if (purpose == MailPurpose.STATUS_UPDATE || purpose == MailPurpose.COMMUNITY_UPDATE) {
                    // RFC 8058: the subscriber's unsubscribe link is the last URL of the body.
                    Matcher urls = URL.matcher(message.body());
                    String last = null;
                    while (urls.find()) {
                        last = urls.group();
                    }
                    if (last != null) {
                        mime.setHeader("List-Unsubscribe", "<" + last + ">");
                        mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
                    }
                }
                if (purpose.autoSubmitted() != null) {
                    mime.setHeader("Auto-Submitted", purpose.autoSubmitted());
                }
                conversation.flatMap(c -> threads.lastInbound(c.id())).ifPresent(parent -> {
                    try {
                        mime.setHeader("In-Reply-To", parent);
                        mime.setHeader("References", parent);
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                });
                sender.send(mime);
                String messageId = mime.getMessageID();
                outbox.markSent(pending.id(), messageId);
                if (messageId != null) {
                    threads.record(messageId, conversation.map(ConversationView::id).orElse(null), MailThreads.Direction.OUT);
                }
                sent++;
            } catch (MailException | MessagingException | IllegalStateException failure) {
                log.warn("Sending mail {} failed (try {}): {}", pending.id(), pending.attempts() + 1, failure.getMessage());
                outbox.markFailed(pending.id(), failure.getMessage(), MAX_ATTEMPTS);
                (pending.attempts() + 1 >= MAX_ATTEMPTS ? givenUp : retried).increment();
            }
        }
        return sent;
    }

    private static Counter failures(MeterRegistry meters, String outcome) {
        return Counter.builder("walletdesk.mail.send.failures").tag("outcome", outcome)
                .description("E-mails the outbox could not send").register(meters);
    }

    /**
     * P2: a customer's personal anti-phishing phrase heads every mail we send them, so a mail without it is
     * not from us.
     */
    private String withPhrase(OutboundMessage message) {
        return accounts.findCustomerByEmail(message.recipient())
                .flatMap(account -> antiPhishing.phraseFor(account.id()).map(phrase -> messages.getMessage(
                        "mail.antiPhishing", new Object[] {phrase}, account.language().locale())))
                .map(line -> line + "\n\n" + message.body())
                .orElse(message.body());
    }

    private Optional<ConversationView> conversationOf(String subject) {
        Matcher reference = MailIngest.REFERENCE.matcher(subject == null ? "" : subject);
        return reference.find() ? conversations.byReference(reference.group(1), MailIngest.MAILROOM) : Optional.empty();
    }

    /**
     * A mail whose Message-ID ends in our mail domain ({@code walletdesk.mail.domain}, else the From address's),
     * not the sending machine's name: {@code @localhost} ids look like spam and can collide between nodes.
     */
    static final class DomainMessage extends MimeMessage {

        private final String domain;

        DomainMessage(Session session, String domain) {
            super(session);
            this.domain = domain;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + UUID.randomUUID() + "." + System.currentTimeMillis() + "@" + domain + ">");
        }
    }
}
