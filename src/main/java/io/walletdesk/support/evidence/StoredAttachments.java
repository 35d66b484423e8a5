package io.walletdesk.support.evidence;

import io.walletdesk.shared.crypto.Digests;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.Attachments;
import io.walletdesk.support.Channel;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.MessageView;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.PostedMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Attachments}, kept beside the evidence chain that records each file's SHA-256. The type is decided by the file's first bytes, never by
 * its name or the browser's claim: only PNG, JPEG, GIF, WebP and PDF, at most 10 MB. The bytes live in the
 * content-addressed {@link BlobStore}; the database row keeps the metadata and the SHA-256 (rows from before
 * the store may still hold their bytes in the {@code content} column). Every read is checked against the
 * SHA-256, so a changed or damaged file is never served ({@code attachment-damaged}).
 */
@Service
class StoredAttachments implements Attachments {

    private static final Logger log = LoggerFactory.getLogger(StoredAttachments.class);

    private final JdbcClient jdbc;
    private final Conversations conversations;
    private final EvidenceChain chain;
    private final BlobStore blobs;
    private final Clock clock;

    StoredAttachments(JdbcClient jdbc, Conversations conversations, EvidenceChain chain,
            BlobStore blobs, Clock clock) {
        this.chain = chain;
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.blobs = blobs;
        this.clock = clock;
    }

    @Override
    @Transactional
    public MessageView attach(long conversationId, Participant by, String clientMessageId, String filename, byte[] content,
            Channel channel, ClientInfo client) {
        if (content == null || content.length == 0) {
            throw ProblemException.forField("attachment-empty", FailureKind.INVALID, "file");
        }
        if (content.length > MAX_BYTES) {
            throw ProblemException.forField("attachment-too-large", FailureKind.TOO_LARGE, "file", 10);
        }
        String type = sniff(content).orElseThrow(() ->
                ProblemException.forField("attachment-type", FailureKind.UNSUPPORTED_TYPE, "file"));
        String name = safeName(filename, type);
        PostedMessage posted = conversations.post(new PostMessage(conversationId, by, clientMessageId,
                "[attachment] " + name + " (" + Math.max(1, content.length / 1024) + " KB)", channel, false, client, null));
        if (posted.duplicate()) {
            return posted.message();
        }
        // The blob is written before the row, so a committed row never points at missing bytes; a rolled-back
        // transaction leaves at most an unreferenced blob behind.
        String sha256 = blobs.put(content);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO conversation_attachments (conversation_id, message_seq, filename, content_type, size_bytes,
                  sha256, content, created_at)
                VALUES (:c, :seq, :name, :type, :size, :sha, NULL, :now)""")
                .param("c", conversationId).param("seq", posted.message().seq()).param("name", name).param("type", type)
                .param("size", content.length).param("sha", sha256)
                .param("now", Timestamp.from(clock.instant())).update(keys, "id");
        chain.attachment(conversationId, keys.getKey().longValue(), sha256);
        return posted.message();
    }

    @Override
    public Optional<Attachment> ofMessage(long conversationId, long seq, Participant reader) {
        conversations.get(conversationId, reader);
        return jdbc.sql("""
                SELECT id, conversation_id, filename, content_type, size_bytes, sha256, content FROM conversation_attachments
                WHERE conversation_id = :c AND message_seq = :seq""")
                .param("c", conversationId).param("seq", seq)
                .query((rs, n) -> new Attachment(rs.getLong("id"), rs.getLong("conversation_id"), rs.getString("filename"),
                        rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                        rs.getBytes("content")))
                .optional()
                .map(row -> new Attachment(row.id(), row.conversationId(), row.filename(), row.contentType(), row.size(),
                        row.sha256(), verifiedContent(row)));
    }

    /** The bytes from the row (older uploads) or else from the blob store, only when they match the SHA-256. */
    private byte[] verifiedContent(Attachment row) {
        byte[] content;
        try {
            content = row.content() != null ? row.content() : blobs.get(row.sha256()).orElse(null);
        } catch (CorruptBlobException | IllegalArgumentException damaged) {
            content = null;
        }
        if (content == null || !Digests.sha256(content).equals(row.sha256())) {
            log.error("Attachment {} of conversation {} is missing or no longer matches its SHA-256 {}; not served",
                    row.id(), row.conversationId(), row.sha256());
            throw new ProblemException("attachment-damaged", FailureKind.INTERNAL);
        }
        return content;
    }

    /**
     * The real type from magic numbers; empty for anything we do not accept. Only these five signatures pass,
     * so markup (HTML, SVG, XML), scripts and executables are refused whatever their name or declared type.
     */
    static Optional<String> sniff(byte[] b) {
        if (startsWith(b, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (startsWith(b, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (startsWith(b, 'G', 'I', 'F', '8', '7', 'a') || startsWith(b, 'G', 'I', 'F', '8', '9', 'a')) {
            return Optional.of("image/gif");
        }
        if (b.length >= 12 && startsWith(b, 'R', 'I', 'F', 'F') && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return Optional.of("image/webp");
        }
        if (startsWith(b, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    private static boolean startsWith(byte[] data, int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Keeps letters, digits, dots, dashes and spaces; the extension follows the real type. */
    static String safeName(String filename, String type) {
        String base = filename == null ? "file" : filename.replaceAll(".*[/\\\\]", "");
        base = base.replaceAll("[^\\p{L}\\p{N} ._-]", "_").strip();
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        if (base.isEmpty()) {
            base = "file";
        }
        base = base.length() > 100 ? base.substring(0, 100) : base;
        String extension = switch (type) {
            case "image/png" -> ".png";
            case "image/jpeg" -> ".jpg";
            case "image/gif" -> ".gif";
            case "image/webp" -> ".webp";
            default -> ".pdf";
        };
        return base + extension;
    }
}
