package io.walletdesk.disputes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.crypto.Digests;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.support.BusinessHours;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Formal complaints: reference, working-day deadlines, automatic escalation, tracker, answer and regulator file. */
@WalletDeskTest
class ComplaintsTest {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Autowired
    MockMvc mvc;
    @Autowired
    Registration registration;
    @Autowired
    Complaints complaints;
    @Autowired
    BusinessHours businessHours;
    @Autowired
    MutableClock clock;

    private Cookie signIn(String phone) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(csrf()).with(r -> {
            r.setRemoteAddr(TestData.clientIp());
            return r;
        }).param("identifier", phone).param("password", TestData.PASSWORD)).andReturn();
        return result.getResponse().getCookie("WDSESSION");
    }

    @Test
    void deadlinesCountWorkingDaysSkippingWeekendsAndHolidays() {
        // Friday 14 August 2026; Monday 17 August is Independence Day.
        var friday = LocalDateTime.of(2026, 8, 14, 10, 0).atZone(JAKARTA).toInstant();
        assertThat(businessHours.endOfBusinessDays(friday, 2).atZone(JAKARTA).toLocalDate())
                .isEqualTo(java.time.LocalDate.of(2026, 8, 19));
        // Thursday 24 December 2026; Friday 25 is Christmas.
        var christmasEve = LocalDateTime.of(2026, 12, 24, 10, 0).atZone(JAKARTA).toInstant();
        assertThat(businessHours.endOfBusinessDays(christmasEve, 1).atZone(JAKARTA).toLocalDate())
                .isEqualTo(java.time.LocalDate.of(2026, 12, 28));
    }

    @Test
    void aComplaintIsTrackedEscalatedAnsweredAndTakenToTheRegulator() throws Exception {
        String phone = TestData.phone();
        String email = TestData.email();
        long customer = registration.register(new Registration.RegisterCustomer(phone, email, "Hendra Gunawan", "en",
                TestData.PASSWORD), ClientInfo.system());
        Cookie session = signIn(phone);
        MvcResult filed = mvc.perform(post("/support/complaints").cookie(session).with(csrf())
                        .param("category", "TRANSFER").param("description", "My transfer of Rp1.000.000 never arrived."))
                .andReturn();
        String tracker = filed.getResponse().getRedirectedUrl();
        assertThat(tracker).matches("/support/complaints/CMP-\\d{4}-\\d{6}");
        String reference = tracker.substring(tracker.lastIndexOf('/') + 1);
        ComplaintView complaint = complaints.ofCustomer(customer, reference).orElseThrow();
        assertThat(complaint.answerDue()).isAfter(complaint.acknowledgeDue());

        mvc.perform(get(tracker).cookie(session))
                .andExpect(content().string(Matchers.containsString("Customer service agent")));

        // Nobody answers: two working days before the deadline it goes to a supervisor, after it to the team.
        clock.advance(Duration.between(clock.instant(), complaint.answerDue()).minus(Duration.ofDays(1)));
        complaints.escalateDue();
        assertThat(complaints.find(complaint.id()).orElseThrow().tier()).isEqualTo(ComplaintTier.SUPERVISOR);
        clock.advance(Duration.ofDays(2));
        complaints.escalateDue();
        assertThat(complaints.find(complaint.id()).orElseThrow().tier()).isEqualTo(ComplaintTier.COMPLAINTS_TEAM);
        mvc.perform(get(tracker).cookie(session))
                .andExpect(content().string(Matchers.containsString("Complaints team")))
                // The timeline names steps and the system's reasons in words, not stored codes (issue 17).
                .andExpect(content().string(Matchers.containsString("Escalated to Complaints team")))
                .andExpect(content().string(Matchers.containsString("the answer deadline has passed")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("ESCALATED_TO_"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("auto:"))))
                .andExpect(content().string(Matchers.containsString("id=\"download-file\"")));

        complaints.answer(complaint.id(), 1L, "SUPERVISOR", "We found the transfer and returned the money.", email);
        mvc.perform(post(tracker + "/respond").cookie(session).with(csrf()).param("accepted", "false")
                .param("comment", "It has not arrived"));
        assertThat(complaints.find(complaint.id()).orElseThrow().status()).isEqualTo(ComplaintStatus.NOT_SATISFIED);

        byte[] zip = mvc.perform(get(tracker + "/file").cookie(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        String letter = new String(files.get("cover-letter.txt"));
        assertThat(letter).contains(reference, "We found the transfer", "Escalated to Supervisor (Automatic): the answer is due within two working days",
                "Escalated to Complaints team (Automatic): the answer deadline has passed",
                "Answer not accepted (Customer): It has not arrived").doesNotContain("ESCALATED_TO_", "NOT_SATISFIED", "auto:");
        // Dates in the letter read as English writes them, in Jakarta time with the zone's name.
        assertThat(letter).containsPattern("\\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4}, \\d{2}:\\d{2} WIB");
        String manifest = new String(files.get("manifest.sha256"));
        assertThat(manifest).contains(Digests.sha256(files.get("cover-letter.txt")) + "  cover-letter.txt");
        assertManifestMatches(files);
        assertThat(new String(files.get("cover-letter.html"), java.nio.charset.StandardCharsets.UTF_8))
                .contains("<h1>", reference, "<h2>", "We found the transfer").doesNotContain("th:");
        assertThat(pdfText(files.get("cover-letter.pdf"))).contains(reference, "My transfer of Rp1.000.000 never arrived.",
                "We found the transfer and returned the money.", "Answer not accepted");

        String otherPhone = TestData.phone();
        registration.register(new Registration.RegisterCustomer(otherPhone, null, "Orang Lain", "en", TestData.PASSWORD),
                ClientInfo.system());
        mvc.perform(get(tracker).cookie(signIn(otherPhone))).andExpect(status().isNotFound());
    }

    @Test
    void anAgentTurnsAConversationIntoAComplaint() throws Exception {
        String phone = TestData.phone();
        long customer = registration.register(new Registration.RegisterCustomer(phone, null, "Mira Lestari", "id",
                TestData.PASSWORD), ClientInfo.system());
        var participant = new io.walletdesk.support.Participant.Customer(customer, "Mira Lestari");
        var chat = conversations.openNew(new io.walletdesk.support.StartConversation(participant,
                io.walletdesk.support.Channel.CHAT, null, "Mira", null, null, "id"));
        String agentEmail = TestData.email();
        registration.createStaff(io.walletdesk.identity.Role.AGENT, agentEmail, "Agen Tari", "meja-bantuan-pagi-77", null,
                ClientInfo.system());
        Cookie agent = mvc.perform(post("/login").with(csrf()).with(r -> {
            r.setRemoteAddr(TestData.clientIp());
            return r;
        }).param("identifier", agentEmail).param("password", "meja-bantuan-pagi-77")).andReturn().getResponse().getCookie("WDSESSION");
        mvc.perform(get("/staff/conversations/" + chat.id()).cookie(agent))
                .andExpect(content().string(Matchers.containsString("Turn into a formal complaint")));
        String location = mvc.perform(post("/staff/conversations/" + chat.id() + "/complaint").cookie(agent).with(csrf())
                        .param("category", "FRAUD").param("description", "Customer reports an unauthorised transfer."))
                .andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/staff/complaints/");
        // The staff timeline names the step and who took it in words, not stored codes (issue 17).
        mvc.perform(get(location).cookie(agent))
                .andExpect(content().string(Matchers.containsString("Complaint filed (Customer)")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(" · FILED"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("(CUSTOMER)"))));
        assertThat(complaints.ofCustomer(customer)).singleElement().satisfies(c -> {
            assertThat(c.conversationId()).isEqualTo(chat.id());
            assertThat(c.category()).isEqualTo("FRAUD");
        });
    }

    @Autowired
    io.walletdesk.support.Conversations conversations;
    /** Every file is in the manifest with its SHA-256, and the manifest names nothing else. */
    private static void assertManifestMatches(Map<String, byte[]> files) {
        String[] lines = new String(files.get("manifest.sha256"), java.nio.charset.StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(files.size() - 1);
        for (String line : lines) {
            String[] parts = line.split("  ", 2);
            assertThat(files).containsKey(parts[1]);
            assertThat(Digests.sha256(files.get(parts[1]))).as(parts[1]).isEqualTo(parts[0]);
        }
    }

    private static String pdfText(byte[] pdf) throws java.io.IOException {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
    }
}
