package io.walletdesk.reporting;

import static io.walletdesk.reporting.ReportChecks.count;
import static io.walletdesk.reporting.ReportChecks.row;
import static org.assertj.core.api.Assertions.assertThat;
import static io.walletdesk.reporting.ReportChecks.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.walletdesk.disputes.ComplaintView;
import io.walletdesk.disputes.Complaints;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Complaints by cause and their deadline compliance, fed by the disputes module's events: complaints filed on
 * a Friday have their acknowledgement due after the weekend (working days), so one acknowledged on Monday is
 * in time; one acknowledged after its deadline is late; an extended one answered within the extension counts
 * as answered in time; one nobody answers becomes overdue.
 */
@WalletDeskTest
class ComplaintReportsTest {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    Complaints complaints;
    @Autowired
    MutableClock clock;

    private long customer() {
        ApiClient api = new ApiClient(port);
        String phone = TestData.phone();
        ApiClient.Response registered = api.post("/api/v1/auth/register", Map.of("phone", phone,
                "email", TestData.email(), "name", "Wulan Sari", "language", "en", "password", TestData.PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(202);
        return api.signIn(phone, TestData.PASSWORD).get("/api/v1/me").json().get("id").asLong();
    }

    private String csv(String day) throws Exception {
        return mvc.perform(get("/staff/reporting/complaints.csv").param("from", day).param("to", day))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private void advanceTo(Instant at) {
        clock.advance(Duration.between(clock.instant(), at));
    }

    private static long delta(Map<String, String> after, Map<String, String> before, String column) {
        return count(after, column) - count(before, column);
    }

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void deadlineComplianceCountsWorkingDaysAcrossTheWeekend() throws Exception {
        ZonedDateTime now = clock.instant().atZone(JAKARTA);
        ZonedDateTime friday = now.with(TemporalAdjusters.next(DayOfWeek.FRIDAY)).withHour(10).withMinute(0).withSecond(0);
        advanceTo(friday.toInstant());
        String day = friday.toLocalDate().toString();
        String before = csv(day);

        long customer = customer();
        ComplaintView acknowledgedMonday = complaints.file(new Complaints.FileComplaint(customer, null, "en", "TOP_UP",
                "My top-up of Rp200.000 was debited but never arrived.", null));
        ComplaintView acknowledgedLate = complaints.file(new Complaints.FileComplaint(customer, null, "en", "TOP_UP",
                "A second top-up of Rp50.000 is missing as well.", null));
        ComplaintView neverAnswered = complaints.file(new Complaints.FileComplaint(customer, null, "en", "FEES",
                "I was charged a fee that the app never mentioned.", null));
        // Two working days from a Friday: the deadline is after the weekend, more than two calendar days away.
        assertThat(acknowledgedMonday.acknowledgeDue().atZone(JAKARTA).getDayOfWeek())
                .isNotIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        assertThat(ChronoUnit.DAYS.between(friday.toLocalDate(), acknowledgedMonday.acknowledgeDue().atZone(JAKARTA).toLocalDate()))
                .isGreaterThanOrEqualTo(4);

        // Monday morning, three calendar days later but within two working days: acknowledged and answered in time.
        ZonedDateTime monday = friday.with(TemporalAdjusters.next(DayOfWeek.MONDAY)).withHour(9);
        advanceTo(monday.toInstant());
        assertThat(monday.toInstant()).isBefore(acknowledgedMonday.acknowledgeDue());
        complaints.acknowledge(acknowledgedMonday.id(), 1L, "AGENT", null);
        complaints.answer(acknowledgedMonday.id(), 1L, "AGENT", "We found the top-up and credited your wallet.", null);

        // The second is acknowledged an hour after its deadline, then extended once and answered within the extension.
        advanceTo(acknowledgedLate.acknowledgeDue().plus(Duration.ofHours(1)));
        complaints.acknowledge(acknowledgedLate.id(), 1L, "AGENT", null);
        complaints.extend(acknowledgedLate.id(), 1L, "SUPERVISOR", "Waiting for the bank's statement", null);
        ComplaintView extended = complaints.find(acknowledgedLate.id()).orElseThrow();
        assertThat(extended.answerDue()).isAfter(acknowledgedLate.answerDue());

        // Past the original answer deadline: the unanswered one is overdue; the extended one is answered in time.
        advanceTo(neverAnswered.answerDue().plus(Duration.ofHours(1)));
        complaints.answer(acknowledgedLate.id(), 1L, "SUPERVISOR", "The bank returned the money to your account.", null);

        eventually().untilAsserted(() -> {
            String after = csv(day);
            Map<String, String> topUp = row(after, "TOP_UP");
            Map<String, String> topUpBefore = row(before, "TOP_UP");
            assertThat(delta(topUp, topUpBefore, "filed")).isEqualTo(2);
            assertThat(delta(topUp, topUpBefore, "acknowledged_within_deadline")).isEqualTo(1);
            assertThat(delta(topUp, topUpBefore, "acknowledgement_late")).isEqualTo(1);
            assertThat(delta(topUp, topUpBefore, "answered_within_deadline")).isEqualTo(2);
            assertThat(delta(topUp, topUpBefore, "answered_late")).isZero();
            assertThat(delta(topUp, topUpBefore, "overdue")).isZero();
            assertThat(delta(topUp, topUpBefore, "extended")).isEqualTo(1);
            Map<String, String> fees = row(after, "FEES");
            Map<String, String> feesBefore = row(before, "FEES");
            assertThat(delta(fees, feesBefore, "filed")).isEqualTo(1);
            assertThat(delta(fees, feesBefore, "acknowledgement_late")).as("never acknowledged, past the deadline").isEqualTo(1);
            assertThat(delta(fees, feesBefore, "overdue")).isEqualTo(1);
            assertThat(delta(fees, feesBefore, "in_progress")).isZero();
        });

        mvc.perform(get("/staff/reporting/complaints").param("from", day).param("to", day))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-category=\"TOP_UP\"")))
                .andExpect(content().string(Matchers.containsString("data-part=\"overdue\"")))
                .andExpect(content().string(Matchers.containsString("id=\"complaints-answered\"")));
    }
}
