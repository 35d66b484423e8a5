package io.walletdesk.channels.internal;

import io.walletdesk.shared.crypto.Digests;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.PostMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import org.springframework.stereotype.Component;

/**
 * Delivery failure notices. A standard RFC 3464 report (Postfix, Exim, Gmail: {@code multipart/report;
 * report-type=delivery-status}) names the failed recipients ({@code Final-Recipient}/{@code Original-Recipient}
 * with {@code Action: failed} or a {@code 5.x.x} status) and returns the headers of our mail, whose Message-ID
 * finds the conversation; a non-standard notice (an Exchange-style "Undeliverable:" subject from the mailer
 * daemon) is threaded by In-Reply-To or the [WD-nnnnn] reference and fails the conversation's address. Either
 * way the address is marked failing (the outbox stops mailing it) and the agent gets an internal note.
 */
@Component
class MailBounces {

    private final Conversations conversations;
    private final MailThreads threads;

    MailBounces(Conversations conversations, MailThreads threads) {
        this.conversations = conversations;
        this.threads = threads;
    }

    MailIngest.Outcome handle(InboundMail mail, String messageId) {
        InboundMail.DeliveryStatus report = mail.status();
        Optional<ConversationView> conversation = conversationOf(mail);
        // Recorded without its conversation: it must never become the In-Reply-To of an agent's next answer.
        threads.record(messageId, null, MailThreads.Direction.IN);
        List<String> failed = new ArrayList<>();
        if (report != null) {
            report.failed().forEach(r -> failed.add(r.address()));
        } else {
            conversation.map(ConversationView::contactEmail).map(a -> a.toLowerCase(Locale.ROOT)).ifPresent(failed::add);
        }
        String reason = reason(mail);
        failed.stream().distinct().forEach(address -> threads.markFailing(address, reason));
        conversation.ifPresent(c -> conversations.post(new PostMessage(c.id(), MailIngest.MAILROOM,
                "bounce:" + Digests.sha256(messageId).substring(0, 40), note(mail, failed), Channel.EMAIL, true, null, null)));
        return MailIngest.Outcome.BOUNCE;
    }

    /** Our mail it returns: by its Message-ID (In-Reply-To, References, the returned headers), else the reference. */
    private Optional<ConversationView> conversationOf(InboundMail mail) {
        List<String> ids = new ArrayList<>();
        if (mail.status() != null && mail.status().returnedMessageId() != null) {
            ids.add(mail.status().returnedMessageId().strip());
        }
        if (mail.inReplyTo() != null) {
            ids.add(mail.inReplyTo());
        }
        ids.addAll(mail.references());
        Optional<ConversationView> conversation = threads.conversationOf(ids)
                .map(id -> conversations.get(id, MailIngest.MAILROOM));
        if (conversation.isPresent()) {
            return conversation;
        }
        String returnedSubject = mail.status() == null ? null : mail.status().returnedSubject();
        Matcher reference = MailIngest.REFERENCE.matcher(String.join(" ", nonNull(mail.subject()), nonNull(returnedSubject),
                nonNull(mail.text())));
        return reference.find() ? conversations.byReference(reference.group(1), MailIngest.MAILROOM) : Optional.empty();
    }

    /** Staff-facing: which address failed and what the remote server said. */
    private static String note(InboundMail mail, List<String> failed) {
        StringBuilder note = new StringBuilder(failed.isEmpty() ? "Delivery report (no permanent failure): "
                : "Delivery failed (bounce): ").append(nonNull(mail.subject()));
        if (mail.status() != null) {
            for (InboundMail.Recipient recipient : mail.status().recipients()) {
                note.append("\n- ").append(recipient.address()).append(": ").append(nonNull(recipient.action()))
                        .append(' ').append(nonNull(recipient.status()));
                if (recipient.diagnostic() != null) {
                    note.append(" (").append(recipient.diagnostic().strip()).append(')');
                }
            }
        }
        if (!failed.isEmpty()) {
            note.append("\nNo more mail goes to ").append(String.join(", ", failed)).append('.');
        }
        String text = nonNull(mail.text()).strip();
        note.append("\n\n").append(text, 0, Math.min(text.length(), 1500));
        return note.toString().strip();
    }

    private static String reason(InboundMail mail) {
        String reason = nonNull(mail.subject()).strip();
        if (mail.status() != null && !mail.status().failed().isEmpty()) {
            InboundMail.Recipient first = mail.status().failed().get(0);
            reason = (nonNull(first.status()).strip() + " " + nonNull(first.diagnostic()).strip()).strip();
        }
        return reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
