package io.walletdesk.support.evidence;

import io.walletdesk.support.Attachments;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.MessageView;
import io.walletdesk.support.Participant;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * Exports a conversation as a ZIP a third party can check with standard tools: transcript (text and HTML),
 * attachments, the timeline with device and time records, the hash-chain entries, and a
 * {@code manifest.sha256} for {@code sha256sum -c}.
 */
@Service
public class EvidenceBundles {

    private final Conversations conversations;
    private final Attachments attachments;
    private final JdbcClient jdbc;

    EvidenceBundles(Conversations conversations, Attachments attachments, JdbcClient jdbc) {
        this.conversations = conversations;
        this.attachments = attachments;
        this.jdbc = jdbc;
    }

    public byte[] export(long conversationId, Participant reader) {
        ConversationView conversation = conversations.get(conversationId, reader);
        List<MessageView> messages = conversations.messagesAfter(conversationId, reader, 0, 500);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("transcript.txt", conversations.transcript(conversationId, reader).getBytes(StandardCharsets.UTF_8));
        files.put("transcript.html", html(conversation, messages).getBytes(StandardCharsets.UTF_8));
        StringBuilder timeline = new StringBuilder("seq,time_utc,author_type,author,channel,device,os,browser,app_version,client_time\n");
        for (MessageView m : messages) {
            timeline.append(m.seq()).append(',').append(m.createdAt()).append(',').append(m.authorType()).append(',')
                    .append(csv(m.authorName())).append(',').append(m.channel()).append(',').append(csv(m.deviceType()))
                    .append(',').append(csv(m.os())).append(',').append(csv(m.browser())).append(',')
                    .append(csv(m.appVersion())).append(',').append(m.clientTime() == null ? "" : m.clientTime()).append('\n');
            if (m.body().startsWith("[attachment]")) {
                attachments.ofMessage(conversationId, m.seq(), reader).ifPresent(file ->
                        files.put("attachments/" + m.seq() + "-" + file.filename(), file.content()));
            }
        }
        files.put("timeline.csv", timeline.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder chainCsv = new StringBuilder("position,kind,subject,content_hash,previous_hash,entry_hash,recorded_at\n");
        jdbc.sql("""
                SELECT position, kind, subject_ref, content_hash, previous_hash, entry_hash, recorded_at
                FROM conversation_chain WHERE conversation_id = :c ORDER BY position""")
                .param("c", conversationId)
                .query((rs, n) -> chainCsv.append(rs.getLong(1)).append(',').append(rs.getString(2)).append(',')
                        .append(rs.getString(3)).append(',').append(rs.getString(4)).append(',').append(rs.getString(5))
                        .append(',').append(rs.getString(6)).append(',').append(rs.getTimestamp(7).toInstant()).append('\n'))
                .list();
        files.put("chain.csv", chainCsv.toString().getBytes(StandardCharsets.UTF_8));
        files.put("VERIFY.txt", ("""
                How to check this bundle (%s)
                1. In this folder run:  sha256sum -c manifest.sha256   -> every line must say OK.
                2. chain.csv lists the service's hash chain: entry_hash = SHA-256 of
                   previous_hash|position|kind|subject|content_hash|recorded_at, starting from 64 zeros.
                   Each attachment's content_hash equals its SHA-256 in manifest.sha256.
                """).formatted(conversation.reference()).getBytes(StandardCharsets.UTF_8));
        return io.walletdesk.shared.crypto.ManifestZip.of(files);
    }

    private static String html(ConversationView conversation, List<MessageView> messages) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(conversation.reference()).append("</title></head><body><h1>WalletDesk ")
                .append(conversation.reference()).append("</h1><ol>");
        for (MessageView m : messages) {
            html.append("<li><p><strong>").append(HtmlUtils.htmlEscape(String.valueOf(m.authorName()))).append("</strong> ")
                    .append(m.createdAt()).append(" UTC</p><p>").append(HtmlUtils.htmlEscape(m.body())).append("</p></li>");
        }
        return html.append("</ol></body></html>").toString();
    }

    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
