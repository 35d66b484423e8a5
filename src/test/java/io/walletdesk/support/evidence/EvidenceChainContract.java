package io.walletdesk.support.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.shared.text.CsvFiles;
import io.walletdesk.support.Attachments;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.StartConversation;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A direct database edit of a message or file is caught by the chain verification (E4). */
abstract class EvidenceChainContract {

    @Autowired
    Conversations conversations;
    @Autowired
    Attachments attachments;
    @Autowired
    EvidenceChain chain;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EvidenceBundles bundles;

    @Test
    void aDirectEditOfAMessageOrFileBreaksTheChainAtThatEntry() throws Exception {
        Participant.Visitor customer = new Participant.Visitor("v-" + UUID.randomUUID(), "Dewi");
        Participant.Staff agent = new Participant.Staff(440_001L, "Agen Bima");
        ConversationView chat = conversations.openNew(new StartConversation(customer, Channel.CHAT, null, "Dewi", null, null, "id"));
        conversations.post(new PostMessage(chat.id(), customer, null, "Transfer Rp500.000 ke rekening salah", Channel.CHAT,
                false, null, null));
        byte[] pdf = "%PDF-1.4 bukti transfer".getBytes();
        attachments.attach(chat.id(), customer, null, "bukti.pdf", pdf, Channel.CHAT, null);
        conversations.post(new PostMessage(chat.id(), agent, null, "Kami bantu ajukan pembatalan", Channel.CHAT, false,
                null, null));
        conversations.changeStatus(chat.id(), agent, ConversationStatus.PENDING);

        EvidenceChain.Verification intact = chain.verify(chat.id());
        assertThat(intact.intact()).as(String.valueOf(intact.reason())).isTrue();
        assertThat(intact.entries()).isEqualTo(5);

        // The exported bundle's manifest matches its files, and the attachment is inside.
        java.util.Map<String, byte[]> files = unzip(bundle(chat.id(), customer, "id"));
        assertThat(files).containsKeys("transcript.html", "transcript.pdf", "timeline.csv", "chain.csv", "manifest.sha256",
                "VERIFY.txt", "attachments/2-bukti.pdf");
        String manifest = new String(files.get("manifest.sha256"));
        for (String line : manifest.split("\n")) {
            String[] parts = line.split("  ", 2);
            assertThat(io.walletdesk.shared.crypto.Digests.sha256(files.get(parts[1]))).as(parts[1]).isEqualTo(parts[0]);
        }
        // chain.csv lets anyone recompute the chain as VERIFY.txt says, from 64 zeros.
        List<CsvFiles.Row> chainRows = CsvFiles.read(new java.io.StringReader(new String(files.get("chain.csv"),
                java.nio.charset.StandardCharsets.UTF_8)), "chain.csv");
        assertThat(chainRows.get(0).cells()).containsExactly("position", "kind", "subject", "content_hash",
                "previous_hash", "entry_hash", "recorded_at");
        assertThat(chainRows).hasSize(6);
        String previous = "0".repeat(64);
        for (CsvFiles.Row row : chainRows.subList(1, chainRows.size())) {
            List<String> c = row.cells();
            assertThat(c.get(4)).as("link of entry %s", c.get(0)).isEqualTo(previous);
            assertThat(EvidenceChain.entryHash(previous, Long.parseLong(c.get(0)), c.get(1), c.get(2), c.get(3),
                    java.time.Instant.parse(c.get(6)))).as("hash of entry %s", c.get(0)).isEqualTo(c.get(5));
            previous = c.get(5);
        }
        assertThat(new String(files.get("timeline.csv"), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("seq,time_utc,author_type,author,channel,device,os,browser,app_version,client_time");

        // Every file but the manifest itself is listed, the PDF transcript included.
        assertThat(manifest.split("\n")).hasSize(files.size() - 1)
                .anyMatch(line -> line.endsWith("  transcript.pdf"));
        try (var transcript = org.apache.pdfbox.Loader.loadPDF(files.get("transcript.pdf"))) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(transcript))
                    .contains("WalletDesk " + chat.reference(), "Dewi", "Transfer Rp500.000 ke rekening salah",
                            "Agen Bima", "Kami bantu ajukan pembatalan", "[attachment] bukti.pdf");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        // VERIFY.txt is for whoever receives the bundle: all three languages, the reader's first (issue 17).
        assertThat(new String(files.get("VERIFY.txt"), java.nio.charset.StandardCharsets.UTF_8))
                .startsWith("Cara memeriksa paket ini (" + chat.reference() + ")")
                .contains("How to check this bundle (" + chat.reference() + ")", "如何核验此证据包（" + chat.reference() + "）",
                        "sha256sum -c manifest.sha256", "service's hash chain")
                .doesNotContain("{0}", "''");
        String chinese = new String(unzip(bundle(chat.id(), customer, "zh-CN")).get("VERIFY.txt"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(chinese).startsWith("如何核验此证据包").contains("Cara memeriksa", "How to check");
        // The PDF's local times read as the reader's language writes dates: "7 Des 2026 14.05.09 WIB".
        try (var transcript = org.apache.pdfbox.Loader.loadPDF(files.get("transcript.pdf"))) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(transcript))
                    .containsPattern("\\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \\d{4} \\d{2}\\.\\d{2}\\.\\d{2} WIB");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        jdbc.sql("UPDATE conversation_messages SET body = 'Transfer Rp50.000 ke rekening salah' WHERE conversation_id = :c AND seq = 1")
                .param("c", chat.id()).update();
        EvidenceChain.Verification edited = chain.verify(chat.id());
        assertThat(edited.intact()).isFalse();
        assertThat(edited.brokenAt()).isEqualTo(1);
        assertThat(edited.reason()).contains("message:1");

        jdbc.sql("UPDATE conversation_messages SET body = 'Transfer Rp500.000 ke rekening salah' WHERE conversation_id = :c AND seq = 1")
                .param("c", chat.id()).update();
        assertThat(chain.verify(chat.id()).intact()).isTrue();
        jdbc.sql("UPDATE conversation_attachments SET content = :x WHERE conversation_id = :c")
                .param("x", "%PDF-1.4 forged".getBytes()).param("c", chat.id()).update();
        assertThat(chain.verify(chat.id()).brokenAt()).as("the attachment entry").isEqualTo(3);
    }

    private byte[] bundle(long conversationId, Participant reader, String language) {
        java.util.Locale before = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        org.springframework.context.i18n.LocaleContextHolder.setLocale(java.util.Locale.forLanguageTag(language));
        try {
            return bundles.bundle(conversationId, reader);
        } finally {
            org.springframework.context.i18n.LocaleContextHolder.setLocale(before);
        }
    }

    private static java.util.Map<String, byte[]> unzip(byte[] zipped) {
        java.util.Map<String, byte[]> files = new java.util.HashMap<>();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zipped))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return files;
    }
}
