package io.walletdesk.support.evidence;

import io.walletdesk.shared.crypto.ManifestZip;
import io.walletdesk.shared.pdf.TextPdfs;
import io.walletdesk.shared.text.CsvFiles;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.Attachments;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.EvidenceExports;
import io.walletdesk.support.MessageView;
import io.walletdesk.support.Participant;
import java.nio.charset.StandardCharsets;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.time.UserTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * {@link EvidenceExports}: exports a conversation as a ZIP a third party can check with standard tools: transcript (text, HTML and
 * PDF), attachments, the timeline with device and time records, the hash-chain entries, and a
 * {@code manifest.sha256} for {@code sha256sum -c}.
 */
@Service
class EvidenceBundles implements EvidenceExports {

    private final Conversations conversations;
    private final Attachments attachments;
    private final JdbcClient jdbc;
    private final TextPdfs pdfs;
    private final MessageSource messageSource;
    private final EvidenceChain chain;
    private final ITemplateEngine templates;
    private final UserTime userTime;

    EvidenceBundles(Conversations conversations, Attachments attachments, JdbcClient jdbc, TextPdfs pdfs,
            MessageSource messageSource, EvidenceChain chain, ITemplateEngine templates, UserTime userTime) {
        this.userTime = userTime;
        this.chain = chain;
        this.templates = templates;
        this.conversations = conversations;
        this.attachments = attachments;
        this.jdbc = jdbc;
        this.pdfs = pdfs;
        this.messageSource = messageSource;
    }

    @Override
    public Transcript transcript(long conversationId, Participant reader) {
        ConversationView conversation = conversations.get(conversationId, reader);
        List<MessageView> messages = allMessages(conversationId, reader);
        return new Transcript(conversation.reference(),
                html(conversation, messages, noteMark()).getBytes(StandardCharsets.UTF_8),
                pdf(conversation, messages, noteMark()));
    }

    @Override
    public boolean intact(long conversationId) {
        return chain.verify(conversationId).intact();
    }

    @Override
    public byte[] bundle(long conversationId, Participant reader) {
        ConversationView conversation = conversations.get(conversationId, reader);
        List<MessageView> messages = allMessages(conversationId, reader);
        String noteMark = noteMark();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("transcript.txt", conversations.transcript(conversationId, reader).getBytes(StandardCharsets.UTF_8));
        files.put("transcript.html", html(conversation, messages, noteMark).getBytes(StandardCharsets.UTF_8));
        files.put("transcript.pdf", pdf(conversation, messages, noteMark));
        CsvFiles.Table timeline = new CsvFiles.Table().row("seq", "time_utc", "author_type", "author", "channel", "device",
                "os", "browser", "app_version", "client_time");
        for (MessageView m : messages) {
            timeline.row(m.seq(), m.createdAt(), m.authorType(), m.authorName(), m.channel(), m.deviceType(), m.os(),
                    m.browser(), m.appVersion(), m.clientTime());
            if (m.body().startsWith("[attachment]")) {
                attachment(conversationId, m, reader, files);
            }
        }
        files.put("timeline.csv", timeline.toString().getBytes(StandardCharsets.UTF_8));
        CsvFiles.Table chainCsv = new CsvFiles.Table().row("position", "kind", "subject", "content_hash", "previous_hash",
                "entry_hash", "recorded_at");
        jdbc.sql("""
                SELECT position, kind, subject_ref, content_hash, previous_hash, entry_hash, recorded_at
                FROM conversation_chain WHERE conversation_id = :c ORDER BY position""")
                .param("c", conversationId)
                .query((rs, n) -> chainCsv.row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant()))
                .list();
        files.put("chain.csv", chainCsv.toString().getBytes(StandardCharsets.UTF_8));
        // Transactions an agent linked from the workspace's customer panel: what the conversation is about.
        CsvFiles.Table linked = new CsvFiles.Table().row("transaction_id", "linked_by_user_id", "linked_at_utc");
        jdbc.sql("""
                SELECT transaction_id, linked_by_user_id, linked_at FROM conversation_transactions
                WHERE conversation_id = :c ORDER BY linked_at, transaction_id""")
                .param("c", conversationId)
                .query((rs, n) -> linked.row(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant()))
                .list();
        files.put("linked-transactions.csv", linked.toString().getBytes(StandardCharsets.UTF_8));
        files.put("VERIFY.txt", verifyText(conversation.reference()).getBytes(StandardCharsets.UTF_8));
        return ManifestZip.of(files);
    }

    /** Adds the attachment, or a note when its stored copy no longer matches its SHA-256 (never the bad bytes). */
    private void attachment(long conversationId, MessageView m, Participant reader, Map<String, byte[]> files) {
        try {
            attachments.ofMessage(conversationId, m.seq(), reader).ifPresent(file ->
                    files.put("attachments/" + m.seq() + "-" + file.filename(), file.content()));
        } catch (ProblemException damaged) {
            if (!"attachment-damaged".equals(damaged.code())) {
                throw damaged;
            }
            files.put("attachments/" + m.seq() + "-damaged.txt", inEveryLanguage("evidence.damaged",
                    new Object[] {m.seq(), m.body()}).getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * How to check the bundle. It is read by whoever the customer hands it to (a bank, the regulator, a
     * court), so it is written in all three languages, the reader's own first.
     */
    private String verifyText(String reference) {
        return inEveryLanguage("evidence.verify", new Object[] {reference});
    }

    private String inEveryLanguage(String key, Object[] args) {
        SupportedLanguage reader = SupportedLanguage.of(LocaleContextHolder.getLocale()).orElse(SupportedLanguage.EN);
        List<SupportedLanguage> order = new ArrayList<>(List.of(reader));
        for (SupportedLanguage language : SupportedLanguage.values()) {
            if (language != reader) {
                order.add(language);
            }
        }
        return order.stream().map(language -> messageSource.getMessage(key, args, language.locale()).strip() + "\n")
                .collect(Collectors.joining("\n"));
    }

    /** Every message the reader may see, in pages (a long conversation has more than one page of 500). */
    private List<MessageView> allMessages(long conversationId, Participant reader) {
        List<MessageView> all = new ArrayList<>();
        while (true) {
            List<MessageView> page = conversations.messagesAfter(conversationId, reader,
                    all.isEmpty() ? 0 : all.get(all.size() - 1).seq(), 500);
            if (page.isEmpty()) {
                return all;
            }
            all.addAll(page);
        }
    }

    private String noteMark() {
        Locale locale = LocaleContextHolder.getLocale();
        return " (" + messageSource.getMessage("transcript.internalNote", null, locale) + ")";
    }

    private static String author(MessageView m, String noteMark) {
        return (m.authorName() == null ? m.authorType() : m.authorName()) + (m.internalNote() ? noteMark : "");
    }

    /** One message line of the HTML transcript. */
    record HtmlLine(String author, String time, String body) {
    }

    /** The HTML transcript from {@code templates/support/evidence/transcript.html} (escaped by Thymeleaf). */
    private String html(ConversationView conversation, List<MessageView> messages, String noteMark) {
        Context context = new Context(LocaleContextHolder.getLocale());
        context.setVariable("reference", conversation.reference());
        context.setVariable("messages", messages.stream()
                .map(m -> new HtmlLine(author(m, noteMark), m.createdAt().toString(), m.body())).toList());
        return templates.process("support/evidence/transcript", context);
    }

    /** The same messages as the HTML transcript, as a PDF anyone can open, print and copy text from. */
    private byte[] pdf(ConversationView conversation, List<MessageView> messages, String noteMark) {
        List<TextPdfs.Section> sections = new ArrayList<>();
        for (MessageView m : messages) {
            sections.add(new TextPdfs.Section(author(m, noteMark) + "  ·  " + m.createdAt() + " UTC  |  "
                    + UserTime.formatPrecise(m.createdAt(), LocaleContextHolder.getLocale(), userTime.currentZone()),
                    m.body()));
        }
        return pdfs.render("WalletDesk " + conversation.reference(), sections);
    }
}
