package io.walletdesk.support.evidence;

import io.walletdesk.shared.crypto.Digests;
import io.walletdesk.support.AuthorType;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.MessageView;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The hash chain of each conversation (E4). Appends happen in the transaction that changes the
 * conversation, under its row lock, so positions are gap-free. {@link #verify} recomputes every message's
 * and attachment's content from the live rows and every link from its predecessor, and names the first
 * entry that no longer matches.
 */
@Service
public class EvidenceChain {

    static final String GENESIS = "0".repeat(64);

    /** What a chain entry records; stored by name in {@code conversation_chain.kind}. */
    enum Kind { MESSAGE, ATTACHMENT, STATUS }

    private final JdbcClient jdbc;
    private final BlobStore blobs;
    private final Clock clock;

    EvidenceChain(JdbcClient jdbc, BlobStore blobs, Clock clock) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.clock = clock;
    }

    /** The outcome of a verification; {@code brokenAt} is the first bad position, or null when intact. */
    public record Verification(long conversationId, int entries, Long brokenAt, String reason) {
        public boolean intact() {
            return brokenAt == null;
        }
    }

    public void message(MessageView message) {
        append(message.conversationId(), Kind.MESSAGE, "message:" + message.seq(), messageContent(message));
    }

    void attachment(long conversationId, long attachmentId, String sha256) {
        append(conversationId, Kind.ATTACHMENT, "attachment:" + attachmentId, sha256);
    }

    public void status(long conversationId, ConversationStatus status) {
        append(conversationId, Kind.STATUS, "status:" + status.name(),
                Digests.sha256("status|" + conversationId + "|" + status.name()));
    }

    public Verification verify(long conversationId) {
        List<Entry> entries = jdbc.sql("""
                SELECT position, kind, subject_ref, content_hash, previous_hash, entry_hash, recorded_at
                FROM conversation_chain WHERE conversation_id = :c ORDER BY position""")
                .param("c", conversationId)
                .query((rs, n) -> new Entry(rs.getLong("position"), rs.getString("kind"), rs.getString("subject_ref"),
                        rs.getString("content_hash"), rs.getString("previous_hash"), rs.getString("entry_hash"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
        String previous = GENESIS;
        long expectedPosition = 1;
        for (Entry entry : entries) {
            if (entry.position() != expectedPosition) {
                return new Verification(conversationId, entries.size(), expectedPosition, "missing entry");
            }
            if (!entry.previousHash().equals(previous)) {
                return new Verification(conversationId, entries.size(), entry.position(), "link to previous entry");
            }
            if (!entryHash(previous, entry.position(), entry.kind(), entry.subject(), entry.contentHash(),
                    entry.recordedAt()).equals(entry.entryHash())) {
                return new Verification(conversationId, entries.size(), entry.position(), "entry altered");
            }
            Optional<String> live = liveContent(conversationId, entry);
            if (live.isPresent() && !live.get().equals(entry.contentHash())) {
                return new Verification(conversationId, entries.size(), entry.position(), entry.subject() + " altered");
            }
            previous = entry.entryHash();
            expectedPosition++;
        }
        long messages = jdbc.sql("SELECT COUNT(*) FROM conversation_messages WHERE conversation_id = :c")
                .param("c", conversationId).query(Long.class).single();
        long chained = entries.stream().filter(e -> Kind.MESSAGE.name().equals(e.kind())).count();
        if (messages != chained) {
            return new Verification(conversationId, entries.size(), expectedPosition, "message not in the chain");
        }
        return new Verification(conversationId, entries.size(), null, null);
    }

    private Optional<String> liveContent(long conversationId, Entry entry) {
        if (Kind.MESSAGE.name().equals(entry.kind())) {
            long seq = Long.parseLong(entry.subject().substring("message:".length()));
            return Optional.of(jdbc.sql("""
                    SELECT conversation_id, seq, client_message_id, author_type, author_name, channel, body, internal_note,
                      created_at, client_time, device_type, os, browser, app_version
                    FROM conversation_messages WHERE conversation_id = :c AND seq = :s""")
                    .param("c", conversationId).param("s", seq)
                    .query((rs, n) -> messageContent(new MessageView(rs.getLong("conversation_id"), rs.getLong("seq"),
                            rs.getString("client_message_id"), AuthorType.valueOf(rs.getString("author_type")),
                            rs.getString("author_name"), Channel.valueOf(rs.getString("channel")), rs.getString("body"),
                            rs.getBoolean("internal_note"), rs.getTimestamp("created_at").toInstant(), null, null, null,
                            null, null)))
                    .optional().orElse("(deleted)"));
        }
        if (Kind.ATTACHMENT.name().equals(entry.kind())) {
            long id = Long.parseLong(entry.subject().substring("attachment:".length()));
            return Optional.of(jdbc.sql("SELECT sha256, content FROM conversation_attachments WHERE id = :id").param("id", id)
                    .query((rs, n) -> storedHash(rs.getString("sha256"), rs.getBytes("content")))
                    .optional().orElse("(deleted)"));
        }
        return Optional.empty();
    }

    /** The hash of the bytes actually stored: the old in-row content, or else the blob the row points at. */
    private String storedHash(String sha256, byte[] inRow) {
        if (inRow != null) {
            return Digests.sha256(inRow);
        }
        try {
            return blobs.get(sha256).map(Digests::sha256).orElse("(missing)");
        } catch (CorruptBlobException | IllegalArgumentException damaged) {
            return "(damaged)";
        }
    }

    private void append(long conversationId, Kind kind, String subject, String contentHash) {
        var last = jdbc.sql("""
                SELECT position, entry_hash FROM conversation_chain WHERE conversation_id = :c
                ORDER BY position DESC LIMIT 1""")
                .param("c", conversationId)
                .query((rs, n) -> new Object[] {rs.getLong("position"), rs.getString("entry_hash")}).optional();
        long position = last.map(row -> (Long) row[0] + 1).orElse(1L);
        String previous = last.map(row -> (String) row[1]).orElse(GENESIS);
        // Microseconds: both databases keep them, so the recomputed hash matches what was stored.
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                INSERT INTO conversation_chain (conversation_id, position, kind, subject_ref, content_hash, previous_hash,
                  entry_hash, recorded_at)
                VALUES (:c, :p, :kind, :subject, :content, :previous, :entry, :at)""")
                .param("c", conversationId).param("p", position).param("kind", kind.name()).param("subject", subject)
                .param("content", contentHash).param("previous", previous)
                .param("entry", entryHash(previous, position, kind.name(), subject, contentHash, at))
                .param("at", Timestamp.from(at)).update();
    }

    static String messageContent(MessageView m) {
        return Digests.sha256(String.join("|", "message", String.valueOf(m.conversationId()), String.valueOf(m.seq()),
                m.clientMessageId(), m.authorType().name(), String.valueOf(m.authorName()), m.channel().name(), m.body(),
                String.valueOf(m.internalNote()), String.valueOf(m.createdAt().truncatedTo(ChronoUnit.MILLIS).toEpochMilli())));
    }

    static String entryHash(String previous, long position, String kind, String subject, String contentHash, Instant at) {
        return Digests.sha256(String.join("|", previous, String.valueOf(position), kind, subject, contentHash,
                String.valueOf(at.truncatedTo(ChronoUnit.MICROS))));
    }

    /** A stored entry; its kind stays text, so an altered row is reported, not thrown on. */
    private record Entry(long position, String kind, String subject, String contentHash, String previousHash,
            String entryHash, Instant recordedAt) {
    }
}
