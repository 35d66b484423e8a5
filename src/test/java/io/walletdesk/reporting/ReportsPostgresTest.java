package io.walletdesk.reporting;

import static io.walletdesk.reporting.ReportChecks.count;
import static io.walletdesk.reporting.ReportChecks.eventually;
import static io.walletdesk.reporting.ReportChecks.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.walletdesk.disputes.ComplaintView;
import io.walletdesk.disputes.Complaints;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.StartConversation;
import io.walletdesk.support.Teams;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.PostgresTest;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The reports on PostgreSQL: the migration, the grouped queries and the daily sums, including many events of
 * one day and channel at once (the first insert of a daily row races and is retried behind a savepoint).
 */
@PostgresTest
class ReportsPostgresTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Conversations conversations;
    @Autowired
    Complaints complaints;
    @Autowired
    Teams teams;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    private final Participant.Staff agent = new Participant.Staff(440_001L, "Agen Yudi");

    private ConversationView open(Channel channel) {
        Participant.Visitor customer = new Participant.Visitor("v-" + UUID.randomUUID(), "Putri");
        ConversationView conversation = conversations.openNew(new StartConversation(customer, channel, null, "Putri", null,
                null, "id"));
        conversations.post(new PostMessage(conversation.id(), customer, null, "Saldo saya berkurang", channel, false, null,
                null));
        return conversation;
    }

    private String csv(String path, String day) throws Exception {
        return mvc.perform(get(path).param("from", day).param("to", day)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void manyConversationsAtOnceAreEachCountedOnceAndEveryReportRuns() throws Exception {
        String day = clock.instant().atZone(ZoneId.of("Asia/Jakarta")).toLocalDate().toString();
        Map<String, String> before = row(csv("/staff/reporting.csv", day), day, "PHONE");

        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Future<ConversationView>> opened = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            opened.add(threads.submit(() -> open(Channel.PHONE)));
        }
        List<ConversationView> phone = new ArrayList<>();
        for (Future<ConversationView> f : opened) {
            phone.add(f.get());
        }
        threads.shutdown();
        for (ConversationView c : phone.subList(0, 10)) {
            conversations.post(new PostMessage(c.id(), agent, null, "Kami bantu cek", Channel.PHONE, false, null, null));
        }
        long fraud = teams.all().stream().filter(t -> t.name().equals("Fraud and security")).findFirst().orElseThrow().id();
        teams.addMember(fraud, agent.userId());
        conversations.assignTeam(phone.get(0).id(), agent, fraud);
        conversations.changeStatus(phone.get(1).id(), agent, ConversationStatus.RESOLVED);

        eventually().untilAsserted(() -> {
            Map<String, String> after = row(csv("/staff/reporting.csv", day), day, "PHONE");
            assertThat(count(after, "conversations") - count(before, "conversations")).isEqualTo(24);
            assertThat(count(after, "answered") - count(before, "answered")).isEqualTo(10);
            assertThat(count(after, "resolved") - count(before, "resolved")).isEqualTo(1);
            assertThat(count(row(csv("/staff/reporting/topics.csv", day), "team", String.valueOf(fraud)), "conversations"))
                    .isGreaterThanOrEqualTo(1);
        });
        assertThat(ReportChecks.dailySumsMismatches(jdbc)).isEmpty();

        ComplaintView complaint = complaints.file(new Complaints.FileComplaint(440_002L, null, "id", "PAYMENT",
                "Pembayaran ke merchant terpotong dua kali.", phone.get(2).id()));
        complaints.acknowledge(complaint.id(), agent.userId(), "AGENT", null);
        complaints.answer(complaint.id(), agent.userId(), "AGENT", "Potongan kedua sudah kami kembalikan.", null);
        String filed = complaint.createdAt().atZone(ZoneId.of("Asia/Jakarta")).toLocalDate().toString();
        eventually().untilAsserted(() -> assertThat(count(row(csv("/staff/reporting/complaints.csv", filed), "PAYMENT"),
                "answered_within_deadline")).isGreaterThanOrEqualTo(1));

        for (String page : List.of("/staff/reporting", "/staff/reporting/topics", "/staff/reporting/complaints",
                "/staff/reporting/training")) {
            for (String by : List.of("day", "week", "month")) {
                mvc.perform(get(page).param("from", "2026-01-01").param("to", day).param("by", by))
                        .andExpect(status().isOk());
            }
            mvc.perform(get(page + ".csv").param("from", "2026-01-01").param("to", day)).andExpect(status().isOk());
        }
    }
}
