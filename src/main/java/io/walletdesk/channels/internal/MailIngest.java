package io.walletdesk.channels.internal;

import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.Accounts;
import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.crypto.Digests;
import io.walletdesk.shared.i18n.LanguageGuess;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.outbox.OutboundMessage;
import io.walletdesk.shared.outbox.OutboundMessages;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.Attachments;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns an incoming mail into a conversation message: threads by In-Reply-To/References, then by the
 * [WD-nnnnn] reference in the subject, always checked against the sender; stores each Message-ID once;
 * answers robots and bounces never; attaches bounces to their conversation and marks the address failing
 * ({@link MailBounces}). Mail a machine sent (out-of-office replies, newsletters, lists; RFC 3834) never opens a
 * conversation: inside a thread it is an internal note, otherwise it is filed in the audit log. The attached
 * files are stored like uploads; the conversation and its acknowledgement are in the sender's language.
 */
@Service
class MailIngest {

    private static final Logger log = LoggerFactory.getLogger(MailIngest.class);
    static final Pattern REFERENCE = Pattern.compile("\\[(WD-\\d+)\\]");
    static final Participant.System MAILROOM = new Participant.System("WalletDesk mail");

    /** What happened to one mail. */
    enum Outcome {
        STORED, DUPLICATE, BOUNCE, IGNORED,
        /** An automatic reply in a thread, kept as an internal note. */
        AUTOMATIC_NOTED,
        /** An automatic or bulk mail outside any thread, filed in the audit log without a conversation. */
        AUTOMATIC_FILED
    }

    private final Conversations conversations;
    private final Accounts accounts;
    private final MailThreads threads;
    private final OutboundMessages outbox;
    private final MessageSource messages;
    private final MailComplaints complaints;
    private final MailBounces bounces;
    private final Attachments attachments;
    private final AuditTrail audit;
    private final TransactionTemplate savepoint;

    MailIngest(Conversations conversations, Accounts accounts, MailThreads threads, OutboundMessages outbox,
            MessageSource messages, MailComplaints complaints, MailBounces bounces, Attachments attachments,
            AuditTrail audit, PlatformTransactionManager transactions) {
        this.complaints = complaints;
        this.conversations = conversations;
        this.accounts = accounts;
        this.threads = threads;
        this.outbox = outbox;
        this.messages = messages;
        this.bounces = bounces;
        this.attachments = attachments;
        this.audit = audit;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Transactional
    Outcome ingest(InboundMail mail) {
        String messageId = mail.messageId() != null ? mail.messageId()
                : "<generated." + Digests.sha256(mail.from() + "|" + mail.subject() + "|" + mail.text()) + "@walletdesk>";
        if (threads.seen(messageId)) {
            return Outcome.DUPLICATE;
        }
        if (mail.isBounce()) {
            return bounces.handle(mail, messageId);
        }
        if (mail.from() == null || (mail.text() == null && mail.attachments().isEmpty())) {
            threads.record(messageId, null, MailThreads.Direction.IN);
            return Outcome.IGNORED;
        }
        String sender = mail.from().toLowerCase(Locale.ROOT);
        Optional<AccountView> account = accounts.findCustomerByEmail(sender);
        Participant participant = account
                .<Participant>map(a -> new Participant.Customer(a.id(), a.displayName()))
                .orElseGet(() -> new Participant.Visitor("mail:" + sender,
                        mail.fromName() == null || mail.fromName().isBlank() ? sender : mail.fromName()));
        Optional<ConversationView> threaded = thread(mail, participant)
                .filter(c -> c.status() != ConversationStatus.CLOSED);
        Optional<String> automatic = mail.automatic();
        if (automatic.isPresent()) {
            return automatic(mail, messageId, sender, account, threaded, automatic.get());
        }
        boolean isNew = threaded.isEmpty();
        ConversationView conversation = threaded.orElseGet(() -> conversations.openNew(new StartConversation(
                participant, Channel.EMAIL, cleanSubject(mail.subject()), participant.name(), sender, null,
                language(mail, account).tag())));
        threads.record(messageId, conversation.id(), MailThreads.Direction.IN);
        String body = body(mail);
        if (!body.isEmpty() || mail.attachments().isEmpty()) {
            conversations.post(new PostMessage(conversation.id(), participant, clientId(messageId, ""),
                    body.isEmpty() ? "(empty e-mail)" : body, Channel.EMAIL, false, null, null));
        }
        for (int i = 0; i < mail.attachments().size(); i++) {
            file(conversation, participant, clientId(messageId, ":file:" + i), mail.attachments().get(i));
        }
        if (isNew && MailComplaints.isComplaint(mail.subject())) {
            complaints.fileFromMail(conversation, participant, sender, cleanSubject(mail.subject()), body);
        }
        if (isNew && !mail.mustNotAutoReply() && !threads.failing(sender)) {
            Locale locale = SupportedLanguage.fromTag(conversation.language()).orElse(SupportedLanguage.EN).locale();
            outbox.queue(new OutboundMessage(OutboundMessage.Channel.EMAIL, sender,
                    "[" + conversation.reference() + "] " + messages.getMessage("support.mail.ackSubject", null, locale),
                    messages.getMessage("support.mail.ackBody", new Object[] {conversation.reference(), 24}, locale),
                    "SUPPORT_ACKNOWLEDGEMENT"));
        }
        return Outcome.STORED;
    }

    /**
     * The conversation's language: the customer's account language, else the mail's Content-Language, else a
     * guess from the subject and text (so a Chinese mail gets a Chinese acknowledgement and Chinese replies).
     */
    static SupportedLanguage language(InboundMail mail, Optional<AccountView> account) {
        return account.map(AccountView::language)
                .or(() -> SupportedLanguage.fromTag(mail.header("content-language") == null ? null
                        : mail.header("content-language").split(",")[0]))
                .or(() -> SupportedLanguage.fromTag(LanguageGuess.of((mail.subject() == null ? "" : mail.subject()) + "\n"
                        + (mail.text() == null ? "" : stripQuotedReply(mail.text())))))
                .orElse(SupportedLanguage.EN);
    }

    /**
     * An out-of-office reply, a newsletter or a list mail. Inside a thread the agent sees it as an internal note (it
     * neither reopens the conversation nor counts as the customer's answer); otherwise it is filed in the audit log
     * (staff's audit page), never silently dropped and never a new conversation.
     */
    private Outcome automatic(InboundMail mail, String messageId, String sender, Optional<AccountView> account,
            Optional<ConversationView> threaded, String why) {
        // Recorded without a conversation: an automatic reply must never become the In-Reply-To of our answer.
        threads.record(messageId, null, MailThreads.Direction.IN);
        String subject = mail.subject() == null ? "" : mail.subject().strip();
        if (threaded.isPresent()) {
            String text = body(mail);
            conversations.post(new PostMessage(threaded.get().id(), MAILROOM, clientId(messageId, ":auto"),
                    "Automatic reply from " + sender + " (" + why + "), not an answer from the customer: " + subject
                            + (text.isEmpty() ? "" : "\n\n" + text.substring(0, Math.min(text.length(), 1500))),
                    Channel.EMAIL, true, null, null));
            return Outcome.AUTOMATIC_NOTED;
        }
        audit.record(new AuditEntry("MAIL_FILED", null, "SYSTEM", account.map(AccountView::id).orElse(null),
                "Automatic or bulk mail filed without a conversation (" + why + "): from " + sender + ", subject \u00ab"
                        + subject + "\u00bb, Message-ID " + messageId, null, null));
        log.info("Filed an automatic mail from {} without a conversation ({})", sender, why);
        return Outcome.AUTOMATIC_FILED;
    }

    /**
     * Stores an attached file like an upload (the same type sniffing and size limit); one the store refuses
     * (another type, too large) becomes an internal note naming it, so the agent can ask for it another way.
     */
    private void file(ConversationView conversation, Participant participant, String clientId,
            InboundMail.MailAttachment file) {
        String refusal;
        if (file.content() == null) {
            refusal = "larger than " + Attachments.MAX_BYTES / (1024 * 1024) + " MB";
        } else {
            try {
                savepoint.executeWithoutResult(status -> attachments.attach(conversation.id(), participant, clientId,
                        file.filename(), file.content(), Channel.EMAIL, null));
                return;
            } catch (ProblemException refused) {
                refusal = refused.code();
            }
        }
        conversations.post(new PostMessage(conversation.id(), MAILROOM, clientId + ":refused",
                "The e-mail's attachment \u00ab" + file.filename() + "\u00bb (" + (file.declaredType() == null ? "?" : file.declaredType())
                        + ") was not kept: " + refusal + ". Only PNG, JPEG, GIF, WebP and PDF up to 10 MB are stored.",
                Channel.EMAIL, true, null, null));
    }

    /** A client message id within [A-Za-z0-9_.:-]{1,64} for a Message-ID and a part of the mail. */
    private static String clientId(String messageId, String suffix) {
        return "mail:" + Digests.sha256(messageId + suffix).substring(0, 40);
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

    /** The mail's own text without the quoted history; empty when there is none. */
    private static String body(InboundMail mail) {
        String text = mail.text() == null ? "" : stripQuotedReply(mail.text().replace("\u0000", "")).strip();
        return text.substring(0, Math.min(text.length(), PostMessage.MAX_BODY));
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
