package io.walletdesk.support.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.shared.crypto.Digests;
import io.walletdesk.support.EvidenceExports;
import io.walletdesk.support.Participant;
import io.walletdesk.support.evidence.EvidenceChain;
import io.walletdesk.support.evidence.VisitorChats.Chat;
import io.walletdesk.testing.WalletDeskTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Attachment bytes in the content-addressed store: stored once, verified on every read, old rows still served. */
@WalletDeskTest
class AttachmentStorageTest {

    @LocalServerPort
    int port;
    @Autowired
    FileSystemBlobStore store;
    @Autowired
    LegacyAttachmentMover mover;
    @Autowired
    EvidenceChain chain;
    @Autowired
    EvidenceExports evidence;
    @Autowired
    JdbcClient jdbc;

    private Chat chat() {
        return VisitorChats.open(port);
    }

    /** Uploads the file and returns the message's seq. */
    private long upload(Chat chat, String filename, byte[] content) throws Exception {
        HttpResponse<String> response = VisitorChats.upload(port, chat, filename, content);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return seqOfLastAttachment(chat);
    }

    private long seqOfLastAttachment(Chat chat) {
        return jdbc.sql("SELECT MAX(message_seq) FROM conversation_attachments WHERE conversation_id = :c")
                .param("c", chat.id()).query(Long.class).single();
    }

    private HttpResponse<byte[]> download(Chat chat, long seq) throws Exception {
        return VisitorChats.download(port, chat, seq);
    }

    private static byte[] png() {
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        byte[] unique = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
        byte[] png = new byte[signature.length + unique.length + 1024];
        System.arraycopy(signature, 0, png, 0, signature.length);
        System.arraycopy(unique, 0, png, signature.length, unique.length);
        return png;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    @Test
    void identicalContentIsStoredOnceAndTheDatabaseKeepsOnlyItsSha256() throws Exception {
        byte[] screenshot = png();
        String sha = Digests.sha256(screenshot);
        Chat first = chat();
        Chat second = chat();
        long firstSeq = upload(first, "bukti.png", screenshot);
        long secondSeq = upload(second, "bukti lagi.png", screenshot);

        var rows = jdbc.sql("SELECT sha256, content FROM conversation_attachments WHERE conversation_id IN (:a, :b)")
                .param("a", first.id()).param("b", second.id())
                .query((rs, n) -> rs.getString("sha256") + "/" + (rs.getBytes("content") == null ? "no bytes" : "bytes"))
                .list();
        assertThat(rows).containsExactly(sha + "/no bytes", sha + "/no bytes");
        try (var sameFolder = Files.list(store.locate(sha).getParent())) {
            assertThat(sameFolder.filter(p -> p.getFileName().toString().equals(sha)).count()).isEqualTo(1);
        }
        assertThat(store.locate(sha)).isEqualTo(store.root().resolve(sha.substring(0, 2)).resolve(sha));

        for (var download : new HttpResponse[] {download(first, firstSeq), download(second, secondSeq)}) {
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat((byte[]) download.body()).isEqualTo(screenshot);
            assertThat(download.headers().firstValue("X-Content-SHA256")).hasValue(sha);
            assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> assertThat(v).startsWith("attachment;"));
        }
        // Someone else's conversation stays invisible, whatever is stored.
        assertThat(download(new Chat(first.id(), second.token()), firstSeq).statusCode()).isEqualTo(404);
    }

    @Test
    void aChangedFileOnDiskIsNeverServedAndShowsInTheChainAndTheBundle() throws Exception {
        Chat chat = chat();
        byte[] pdf = ("%PDF-1.4 bukti transfer " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        String sha = Digests.sha256(pdf);
        long seq = upload(chat, "bukti.pdf", pdf);
        assertThat(download(chat, seq).statusCode()).isEqualTo(200);

        byte[] forged = ("%PDF-1.4 dipalsukan " + UUID.randomUUID()).getBytes(StandardCharsets.US_ASCII);
        Files.write(store.locate(sha), forged);

        HttpResponse<byte[]> refused = download(chat, seq);
        String body = new String(refused.body(), StandardCharsets.UTF_8);
        assertThat(refused.statusCode()).isEqualTo(500);
        assertThat(body).contains("/problems/attachment-damaged").doesNotContain("dipalsukan");

        EvidenceChain.Verification verification = chain.verify(chat.id());
        assertThat(verification.intact()).isFalse();
        assertThat(verification.reason()).startsWith("attachment:");

        Map<String, byte[]> files = unzip(evidence.bundle(chat.id(), new Participant.Staff(1L, "Supervisor")));
        assertThat(files).containsKey("attachments/" + seq + "-damaged.txt")
                .doesNotContainKey("attachments/" + seq + "-bukti.pdf");
        assertThat(files.values()).noneMatch(content -> new String(content, StandardCharsets.ISO_8859_1).contains("dipalsukan"));
        for (String line : new String(files.get("manifest.sha256"), StandardCharsets.UTF_8).split("\n")) {
            String[] parts = line.split("  ", 2);
            assertThat(Digests.sha256(files.get(parts[1]))).as(parts[1]).isEqualTo(parts[0]);
        }
    }

    @Test
    void rowsThatStillHoldTheirBytesAreServedFromTheRowAndCanBeMovedToTheStore() throws Exception {
        Chat chat = chat();
        byte[] screenshot = png();
        String sha = Digests.sha256(screenshot);
        long seq = upload(chat, "lama.png", screenshot);
        // As written before the blob store: the bytes in the row, nothing on disk.
        jdbc.sql("UPDATE conversation_attachments SET content = :bytes WHERE conversation_id = :c")
                .param("bytes", screenshot).param("c", chat.id()).update();
        Files.delete(store.locate(sha));

        assertThat(download(chat, seq).body()).isEqualTo(screenshot);
        assertThat(chain.verify(chat.id()).intact()).isTrue();

        assertThat(mover.moveAll()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM conversation_attachments WHERE conversation_id = :c AND content IS NULL")
                .param("c", chat.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(store.exists(sha)).isTrue();
        assertThat(download(chat, seq).body()).isEqualTo(screenshot);
        assertThat(chain.verify(chat.id()).intact()).isTrue();
    }
}
