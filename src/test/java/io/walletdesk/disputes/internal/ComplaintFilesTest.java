package io.walletdesk.disputes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.disputes.ComplaintView;
import io.walletdesk.disputes.Complaints;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.crypto.Digests;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.support.Channel;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.StartConversation;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The complaint file for the regulator: cover letter, the conversation's transcript and evidence, a manifest. */
@WalletDeskTest
class ComplaintFilesTest {

    @Autowired
    Registration registration;
    @Autowired
    Complaints complaints;
    @Autowired
    Conversations conversations;
    @Autowired
    ComplaintFiles complaintFiles;

    @Test
    void theComplaintFileCarriesTheConversationTranscriptAsHtmlAndPdf() throws Exception {
        String phone = TestData.phone();
        long customer = registration.register(new Registration.RegisterCustomer(phone, null, "Ayu Kartika", "id",
                TestData.PASSWORD), ClientInfo.system());
        var participant = new Participant.Customer(customer, "Ayu Kartika");
        var chat = conversations.openNew(new StartConversation(participant, Channel.CHAT, null, "Ayu", null, null, "id"));
        conversations.post(new PostMessage(chat.id(), participant, null,
                "Uang Rp250.000 sudah terpotong tapi pembayaran ke KOPI-NUSANTARA gagal, mohon dikembalikan.",
                Channel.CHAT, false, null, null));
        ComplaintView complaint = complaints.file(new Complaints.FileComplaint(customer, null, "id", "PAYMENT",
                "Pembayaran gagal tapi saldo terpotong Rp250.000.\n<b>bukan tag</b>", chat.id()));

        complaints.escalate(complaint.id(), 7L, "SUPERVISOR", "Perlu persetujuan supervisor");
        Map<String, byte[]> files = unzip(complaintFiles.build(complaint, "Ayu Kartika"));
        // The letter is in the complaint's language: step names, who acted and dates as Indonesian writes them.
        assertThat(new String(files.get("cover-letter.txt"), StandardCharsets.UTF_8))
                .contains("Pengaduan diajukan (Nasabah)", "Dieskalasi ke Supervisor (Supervisor): Perlu persetujuan supervisor")
                .containsPattern("\\d{1,2} (Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Sep|Okt|Nov|Des) \\d{4} \\d{2}\\.\\d{2} WIB")
                .doesNotContain("FILED", "ESCALATED_TO_", "CUSTOMER");
        assertThat(files).containsKeys("cover-letter.txt", "cover-letter.html", "cover-letter.pdf", "transcript.html",
                "transcript.pdf", "conversation-evidence.zip", "manifest.sha256");
        assertManifestMatches(files);
        assertThat(pdfText(files.get("transcript.pdf"))).contains(chat.reference(), "Ayu Kartika",
                "Uang Rp250.000 sudah terpotong tapi pembayaran ke KOPI-NUSANTARA gagal, mohon dikembalikan.");
        assertThat(pdfText(files.get("cover-letter.pdf"))).contains(complaint.reference(),
                "Pembayaran gagal tapi saldo terpotong Rp250.000.");
        assertThat(new String(files.get("transcript.html"), StandardCharsets.UTF_8))
                .contains("Uang Rp250.000 sudah terpotong");
        // The HTML letter: the customer's text escaped, its line breaks kept.
        assertThat(new String(files.get("cover-letter.html"), StandardCharsets.UTF_8))
                .startsWith("<!DOCTYPE html>").contains("<html lang=\"id\">", "<h1>", complaint.reference())
                .contains("saldo terpotong Rp250.000.<br>&lt;b&gt;bukan tag&lt;/b&gt;").doesNotContain("<b>", "th:");

        // The evidence bundle inside carries the same transcript, and its own manifest matches its files.
        Map<String, byte[]> bundle = unzip(files.get("conversation-evidence.zip"));
        assertManifestMatches(bundle);
        assertThat(bundle).containsKeys("transcript.pdf", "transcript.html", "VERIFY.txt");
        assertThat(pdfText(bundle.get("transcript.pdf"))).contains("KOPI-NUSANTARA gagal");
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

    /** Every file is in the manifest with its SHA-256, and the manifest names nothing else. */
    private static void assertManifestMatches(Map<String, byte[]> files) {
        String[] lines = new String(files.get("manifest.sha256"), StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(files.size() - 1);
        for (String line : lines) {
            String[] parts = line.split("  ", 2);
            assertThat(files).containsKey(parts[1]);
            assertThat(Digests.sha256(files.get(parts[1]))).as(parts[1]).isEqualTo(parts[0]);
        }
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
