package io.walletdesk.channels.internal;

import io.walletdesk.identity.Accounts;
import io.walletdesk.shared.crypto.Digests;
import io.walletdesk.shared.outbox.OutboundMessage;
import io.walletdesk.shared.outbox.OutboundMessages;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.StartConversation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns an incoming mail into a conversation message: threads by In-Reply-To/References, then by the
 * [WD-nnnnn] reference in the subject, always checked against the sender; stores each Message-ID once;
 * answers robots and bounces never; attaches bounces to their conversation and marks the address failing.
 */
@Service
class MailIngest {

    static final Pattern REFERENCE = Pattern.compile("\\[(WD-\\d+)\\]");
    static final Participant.System MAILROOM = new Participant.System("WalletDesk mail");

    /** What happened to one mail. */
    enum Outcome { STORED, DUPLICATE, BOUNCE, IGNORED }

    private final Conversations conversations;
    private final Accounts accounts;
    private final MailThreads threads;
    private final OutboundMessages outbox;
    private final MessageSource messages;
    private final MailComplaints complaints;

    MailIngest(Conversations conversations, Accounts accounts, MailThreads threads, OutboundMessages outbox,
            MessageSource messages, MailComplaints complaints) {
        this.complaints = complaints;
        this.conversations = conversations;
        this.accounts = accounts;
        this.threads = threads;
        this.outbox = outbox;
        this.messages = messages;
    }

    @Transactional
    Outcome ingest(InboundMail mail) {
        String messageId = mail.messageId() != null ? mail.messageId()
                : "<generated." + Digests.sha256(mail.from() + "|" + mail.subject() + "|" + mail.text()) + "@walletdesk>";
        if (threads.seen(messageId)) {
            return Outcome.DUPLICATE;
        }
        if (mail.isBounce()) {
            return bounce(mail, messageId);
        }
        if (mail.from() == null || mail.text() == null) {
            threads.record(messageId, null, MailThreads.Direction.IN);
            return Outcome.IGNORED;
        }
        String sender = mail.from().toLowerCase(Locale.ROOT);
        Participant participant = accounts.findCustomerByEmail(sender)
                .<Participant>map(account -> new Participant.Customer(account.id(), account.displayName()))
                .orElseGet(() -> new Participant.Visitor("mail:" + sender,
                        mail.fromName() == null || mail.fromName().isBlank() ? sender : mail.fromName()));
        Optional<ConversationView> threaded = thread(mail, participant)
                .filter(c -> c.status() != ConversationStatus.CLOSED);
        boolean isNew = threaded.isEmpty();
        ConversationView conversation = threaded.orElseGet(() -> conversations.openNew(new StartConversation(
                participant, Channel.EMAIL, cleanSubject(mail.subject()), participant.name(), sender, null, "en")));
        threads.record(messageId, conversation.id(), MailThreads.Direction.IN);
        conversations.post(new PostMessage(conversation.id(), participant, "mail:" + Digests.sha256(messageId).substring(0, 40),
                body(mail), Channel.EMAIL, false, null, null));
        if (isNew && MailComplaints.isComplaint(mail.subject())) {
            complaints.fileFromMail(conversation, participant, sender, cleanSubject(mail.subject()), body(mail));
        }
        if (isNew && !mail.mustNotAutoReply() && !threads.failing(sender)) {
            Locale locale = Locale.ENGLISH;
            outbox.queue(new OutboundMessage(OutboundMessage.Channel.EMAIL, sender,
                    "[" + conversation.reference() + "] " + messages.getMessage("support.mail.ackSubject", null, locale),
                    messages.getMessage("support.mail.ackBody", new Object[] {conversation.reference(), 24}, locale),
                    "SUPPORT_ACKNOWLEDGEMENT"));
        }
        return Outcome.STORED;
    }

    private Optional<ConversationView> thread(InboundMail mail, Participant participant) {
        List<String> ids = new ArrayList<>();
        if (mail.inReplyTo() != null) {
            ids.add(mail.inReplyTo());
        }
        List<String> references = new ArrayList<>(mail.references());
        Collections.reverse(references);
        ids.addAll(references);
        Optional<ConversationView> byHeaders = threads.conversationOf(ids).flatMap(id -> visible(id, participant));
        if (byHeaders.isPresent()) {
            return byHeaders;
        }
        Matcher reference = REFERENCE.matcher(mail.subject() == null ? "" : mail.subject());
        return reference.find() ? conversations.byReference(reference.group(1), participant) : Optional.empty();
    }

    /** The conversation only when the sender owns it: a forged reference opens a new one instead. */
    private Optional<ConversationView> visible(long conversationId, Participant participant) {
        try {
            return Optional.of(conversations.get(conversationId, participant));
        } catch (ProblemException notTheirs) {
            return Optional.empty();
        }
    }

    private Outcome bounce(InboundMail mail, String messageId) {
        List<String> ids = new ArrayList<>();
        if (mail.inReplyTo() != null) {
            ids.add(mail.inReplyTo());
        }
        ids.addAll(mail.references());
        Optional<ConversationView> conversation = threads.conversationOf(ids)
                .flatMap(id -> Optional.of(conversations.get(id, MAILROOM)));
        if (conversation.isEmpty()) {
            Matcher reference = REFERENCE.matcher(mail.subject() == null ? "" : mail.subject() + " " + mail.text());
            if (reference.find()) {
                conversation = conversations.byReference(reference.group(1), MAILROOM);
            }
        }
        threads.record(messageId, conversation.map(ConversationView::id).orElse(null), MailThreads.Direction.IN);
        conversation.ifPresent(c -> {
            if (c.contactEmail() != null) {
                threads.markFailing(c.contactEmail(), mail.subject());
            }
            String text = mail.text() == null ? "" : mail.text();
            conversations.post(new PostMessage(c.id(), MAILROOM, "bounce:" + Digests.sha256(messageId).substring(0, 40),
                    "Delivery failed (bounce): " + (mail.subject() == null ? "" : mail.subject()) + "\n\n"
                            + text.substring(0, Math.min(text.length(), 1500)),
                    Channel.EMAIL, true, null, null));
        });
        return Outcome.BOUNCE;
    }

    private static String body(InboundMail mail) {
        String text = stripQuotedReply(mail.text()).strip();
        if (!mail.attachmentNames().isEmpty()) {
            text += "\n\n[attachments: " + String.join(", ", mail.attachmentNames()) + "]";
        }
        return text.isEmpty() ? "(empty e-mail)" : text.substring(0, Math.min(text.length(), 10_000));
    }

    /** Drops the quoted history below "On ... wrote:" and ">" lines, which the conversation already has. */
    static String stripQuotedReply(String text) {
        StringBuilder kept = new StringBuilder();
        for (String line : text.split("\\r?\\n")) {
            if (line.matches("(?i)^(on|pada|在).{0,200}(wrote|menulis|写道)[:：]\\s*$") || line.startsWith("-----Original Message")) {
                break;
            }
            if (!line.startsWith(">")) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    private static String cleanSubject(String subject) {
        return subject == null ? null : subject.replaceAll("(?i)^((re|fwd?|aw)\\s*:\\s*)+", "").strip();
    }
}
