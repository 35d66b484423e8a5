package io.walletdesk.reporting;

import static io.walletdesk.reporting.ReportChecks.count;
import static io.walletdesk.reporting.ReportChecks.row;
import static org.assertj.core.api.Assertions.assertThat;
import static io.walletdesk.reporting.ReportChecks.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.StartConversation;
import io.walletdesk.support.Teams;
import io.walletdesk.support.sla.ServiceLevels;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.WalletDeskTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.IsoFields;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Reports are fed by events: conversations started, answered, resolved, rated, routed to teams and missing
 * their service levels through the support API show in the pages and CSVs, by period, channel and team.
 * Other tests share the database, so figures are compared before and after.
 */
@WalletDeskTest
class ReportsTest {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

    @Autowired
    MockMvc mvc;
    @Autowired
    Conversations conversations;
    @Autowired
    ApplicationContext context;
    @Autowired
    ServiceLevels serviceLevels;
    @Autowired
    Teams teams;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    private final Participant.Staff agent = new Participant.Staff(330_001L, "Agen Dodi");

    private ConversationView open(Channel channel, String text) {
        Participant.Visitor customer = new Participant.Visitor("v-" + UUID.randomUUID(), "Reni");
        var conversation = conversations.openNew(new StartConversation(customer, channel, null, "Reni", null, null, "id"));
        conversations.post(new PostMessage(conversation.id(), customer, null, text, channel, false, null, null));
        return conversation;
    }

    private void answer(ConversationView conversation) {
        conversations.post(new PostMessage(conversation.id(), agent, null, "Sudah kami cek", conversation.channel(), false,
                null, null));
    }

    private String csv(String path, String from, String to, String by) throws Exception {
        return mvc.perform(get(path).param("from", from).param("to", to).param("by", by))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String day(ConversationView conversation) {
        return conversation.createdAt().atZone(JAKARTA).toLocalDate().toString();
    }

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void aConversationsLifeShowsInTheReports() throws Exception {
        var chat = open(Channel.WHATSAPP, "Saldo tidak masuk");
        answer(chat);
        conversations.changeStatus(chat.id(), agent, ConversationStatus.RESOLVED);
        eventually().until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM report_conversations WHERE conversation_id = :c AND resolved_at IS NOT NULL AND first_response_seconds IS NOT NULL")
                .param("c", chat.id()).query(Integer.class).single() == 1);
        ReportChecks.rate(conversations, context, chat.id(), 4);
        eventually().until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM report_conversations WHERE conversation_id = :c AND rating = 4")
                .param("c", chat.id()).query(Integer.class).single() == 1);

        String day = day(chat);
        String html = mvc.perform(get("/staff/reporting").param("from", day).param("to", day))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"volume-chart\"")))
                .andExpect(content().string(Matchers.containsString("id=\"sla-chart\"")))
                .andExpect(content().string(Matchers.containsString("id=\"satisfaction-chart\"")))
                .andExpect(content().string(Matchers.containsString("WhatsApp")))
                .andExpect(content().string(Matchers.containsString("4 ★")))
                .andReturn().getResponse().getContentAsString();
        assertThat(html.split("<title").length - 1).as("only the page's own title").isEqualTo(1);
        assertThat(html).doesNotContain("style=").doesNotContain("<script>");
        mvc.perform(get("/staff/reporting.csv").param("from", day).param("to", day))
                .andExpect(header().string("Content-Disposition", Matchers.containsString(".csv")))
                .andExpect(content().contentTypeCompatibleWith("text/csv"));
        String csv = csv("/staff/reporting.csv", day, day, "");
        assertThat(csv).startsWith("day,channel,conversations").contains(day + ",WHATSAPP,");
        assertThat(count(row(csv, day, "WHATSAPP"), "rating_4")).isGreaterThanOrEqualTo(1);
        assertThat(ReportChecks.dailySumsMismatches(jdbc)).isEmpty();
    }

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void firstResponseAndResolutionAreMeasuredAgainstTheServiceLevelsAndSatisfactionByWeekAndMonth() throws Exception {
        // Telegram: no other test uses it, and the figures are compared before and after anyway.
        String today = clock.instant().atZone(JAKARTA).toLocalDate().toString();
        LocalDate date = LocalDate.parse(today);
        String week = String.format("%d-W%02d", date.get(IsoFields.WEEK_BASED_YEAR), date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        String month = YearMonth.from(date).toString();
        Map<String, String> dayBefore = row(csv("/staff/reporting.csv", today, today, "day"), today, "TELEGRAM");
        Map<String, String> weekBefore = row(csv("/staff/reporting.csv", today, today, "week"), week, "TELEGRAM");
        Map<String, String> monthBefore = row(csv("/staff/reporting.csv", today, today, "month"), month, "TELEGRAM");

        var answeredOpen = open(Channel.TELEGRAM, "Transfer saya belum sampai");
        var neverAnswered = open(Channel.TELEGRAM, "Halo? Ada orang?");
        var resolved = open(Channel.TELEGRAM, "Cara ganti nomor HP?");
        answer(answeredOpen);
        answer(resolved);
        conversations.changeStatus(resolved.id(), agent, ConversationStatus.RESOLVED);
        eventually().untilAsserted(() -> {
            Map<String, String> now = row(csv("/staff/reporting.csv", today, today, "day"), today, "TELEGRAM");
            assertThat(count(now, "conversations") - count(dayBefore, "conversations")).isEqualTo(3);
            assertThat(count(now, "answered") - count(dayBefore, "answered")).isEqualTo(2);
            assertThat(count(now, "resolved") - count(dayBefore, "resolved")).isEqualTo(1);
        });

        // Ten days later nobody has answered the second one nor resolved the first: both miss a target.
        serviceLevels.checkAt(clock.instant().plus(Duration.ofDays(10)));
        eventually().untilAsserted(() -> {
            Map<String, String> now = row(csv("/staff/reporting.csv", today, today, "day"), today, "TELEGRAM");
            assertThat(count(now, "sla_missed") - count(dayBefore, "sla_missed")).isEqualTo(2);
            assertThat(count(now, "first_response_within_sla") - count(dayBefore, "first_response_within_sla"))
                    .as("the unanswered one missed its first-response target; the answered ones did not").isEqualTo(2);
            assertThat(count(now, "resolved_within_sla") - count(dayBefore, "resolved_within_sla")).isEqualTo(1);
        });

        ReportChecks.rate(conversations, context, resolved.id(), 5);
        eventually().untilAsserted(() -> {
            Map<String, String> byWeek = row(csv("/staff/reporting.csv", today, today, "week"), week, "TELEGRAM");
            Map<String, String> byMonth = row(csv("/staff/reporting.csv", today, today, "month"), month, "TELEGRAM");
            assertThat(count(byWeek, "rating_5") - count(weekBefore, "rating_5")).isEqualTo(1);
            assertThat(count(byMonth, "rating_5") - count(monthBefore, "rating_5")).isEqualTo(1);
            assertThat(byWeek.get("avg_rating")).isNotEmpty();
        });
        assertThat(csv("/staff/reporting.csv", today, today, "week")).startsWith("week,channel,");
        assertThat(csv("/staff/reporting.csv", today, today, "month")).startsWith("month,channel,");
        mvc.perform(get("/staff/reporting").param("from", today).param("to", today).param("by", "week"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(">" + week + "</th>")))
                .andExpect(content().string(Matchers.containsString("data-series=\"rating\"")))
                .andExpect(content().string(Matchers.containsString("data-series=\"firstResponse\"")));
        assertThat(ReportChecks.dailySumsMismatches(jdbc)).isEmpty();
    }

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void conversationsAreCountedInTheTeamTheyAreRoutedTo() throws Exception {
        long fraud = teams.all().stream().filter(t -> t.name().equals("Fraud and security")).findFirst().orElseThrow().id();
        teams.addMember(fraud, agent.userId());
        var chat = open(Channel.CHAT, "Akun saya dibobol");
        String day = day(chat);
        eventually().until(() -> jdbc.sql("SELECT COUNT(*) FROM report_conversations WHERE conversation_id = :c")
                .param("c", chat.id()).query(Integer.class).single() == 1);
        String before = csv("/staff/reporting/topics.csv", day, day, "");

        conversations.assignTeam(chat.id(), agent, fraud);
        eventually().untilAsserted(() -> {
            String after = csv("/staff/reporting/topics.csv", day, day, "");
            assertThat(count(row(after, "team", String.valueOf(fraud)), "conversations")
                    - count(row(before, "team", String.valueOf(fraud)), "conversations")).isEqualTo(1);
            assertThat(count(row(after, "team", ""), "conversations") - count(row(before, "team", ""), "conversations"))
                    .as("moved out of 'no team'").isEqualTo(-1);
        });
        assertThat(row(csv("/staff/reporting/topics.csv", day, day, ""), "team", String.valueOf(fraud)))
                .containsEntry("label", "Fraud and security");
        mvc.perform(get("/staff/reporting/topics").param("from", day).param("to", day))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"team-table\"")))
                .andExpect(content().string(Matchers.containsString("Fraud and security")))
                .andExpect(content().string(Matchers.containsString("Not classified")));
        assertThat(ReportChecks.dailySumsMismatches(jdbc)).isEmpty();
    }

    @Test
    @WithMockUser(roles = "AGENT")
    void agentsSeeTheTrainingListButNotTheOtherReports() throws Exception {
        mvc.perform(get("/staff/reporting")).andExpect(status().isForbidden());
        mvc.perform(get("/staff/reporting.csv")).andExpect(status().isForbidden());
        mvc.perform(get("/staff/reporting/topics")).andExpect(status().isForbidden());
        mvc.perform(get("/staff/reporting/complaints.csv")).andExpect(status().isForbidden());
        mvc.perform(get("/staff/reporting/training")).andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"tab-overview\""))));
    }

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void nonsenseParametersFallBackToTheLastThirtyDays() throws Exception {
        mvc.perform(get("/staff/reporting").param("from", "yesterday").param("to", "2026-13-45").param("by", "fortnight"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"report-period\"")));
        mvc.perform(get("/staff/reporting/complaints").param("from", "2020-01-01").param("to", "2019-01-01"))
                .andExpect(status().isOk());
    }
}
