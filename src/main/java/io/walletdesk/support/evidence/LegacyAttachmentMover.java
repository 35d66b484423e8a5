package io.walletdesk.support.evidence;

import io.walletdesk.shared.crypto.Digests;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves the bytes of attachments stored before the blob store out of their database rows, when switched on
 * ({@code walletdesk.attachments.move-legacy-rows}, off by default: only once the attachment directory is
 * durable and shared by every node). Until then such rows are served from the row itself. A row whose bytes
 * no longer match its SHA-256 is left as it is, so the evidence chain still shows the change.
 */
@Component
class LegacyAttachmentMover {

    private static final Logger log = LoggerFactory.getLogger(LegacyAttachmentMover.class);

    private final JdbcClient jdbc;
    private final BlobStore blobs;
    private final boolean enabled;
    private volatile boolean done;

    LegacyAttachmentMover(JdbcClient jdbc, BlobStore blobs,
            @Value("${walletdesk.attachments.move-legacy-rows:false}") boolean enabled) {
        this.jdbc = jdbc;
        this.blobs = blobs;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT30S")
    @SchedulerLock(name = "attachment-legacy-move", lockAtMostFor = "PT10M")
    public void scheduled() {
        if (!enabled || done) {
            return;
        }
        moveAll();
        done = true;
    }

    /** Moves every row still holding bytes, a few at a time; returns how many were moved. */
    int moveAll() {
        record Row(long id, String sha256, byte[] content) {
        }
        int moved = 0;
        long after = 0;
        while (true) {
            List<Row> rows = jdbc.sql("""
                    SELECT id, sha256, content FROM conversation_attachments WHERE content IS NOT NULL AND id > :after
                    ORDER BY id LIMIT 20""")
                    .param("after", after)
                    .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("sha256"), rs.getBytes("content"))).list();
            if (rows.isEmpty()) {
                break;
            }
            for (Row row : rows) {
                after = row.id();
                moved += move(row.id(), row.sha256(), row.content());
            }
        }
        if (moved > 0) {
            log.info("Moved {} attachments from the database to the blob store", moved);
        }
        return moved;
    }

    private int move(long id, String sha256, byte[] content) {
        if (!Digests.sha256(content).equals(sha256)) {
            log.warn("Attachment {} no longer matches its SHA-256; left in the database", id);
            return 0;
        }
        blobs.put(content);
        if (blobs.get(sha256).isEmpty()) {
            throw new IllegalStateException("Blob " + sha256 + " not readable after writing it");
        }
        // The blob is written and verified, so the row's copy can go (if the row still names the same blob).
        return jdbc.sql("UPDATE conversation_attachments SET content = NULL WHERE id = :id AND content IS NOT NULL"
                + " AND sha256 = :sha").param("id", id).param("sha", sha256).update();
    }
}
