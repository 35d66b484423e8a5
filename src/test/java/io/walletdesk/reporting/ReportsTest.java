package io.walletdesk.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.StartConversation;
import io.walletdesk.support.feedback.Satisfaction;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.WalletDeskTest;
import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/** Reports are fed by events: a conversation's start, first answer, resolution and rating show in the page and CSV. */
@WalletDeskTest
class ReportsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Conversations conversations;
    @Autowired
    Satisfaction satisfaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    @Test
    @WithMockUser(roles = "SUPERVISOR")
    void aConversationsLifeShowsInTheReports() throws Exception {
        Participant.Visitor customer = new Participant.Visitor("v-" + UUID.randomUUID(), "Reni");
        Participant.Staff agent = new Participant.Staff(330_001L, "Agen Dodi");
        var chat = conversations.openNew(new StartConversation(customer, Channel.WHATSAPP, null, "Reni", null, null, "id"));
        conversations.post(new PostMessage(chat.id(), customer, null, "Saldo tidak masuk", Channel.WHATSAPP, false, null, null));
        conversations.post(new PostMessage(chat.id(), agent, null, "Sudah kami cek", Channel.WHATSAPP, false, null, null));
        conversations.changeStatus(chat.id(), agent, ConversationStatus.RESOLVED);
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM report_conversations WHERE conversation_id = :c AND resolved_at IS NOT NULL AND first_response_seconds IS NOT NULL")
                .param("c", chat.id()).query(Integer.class).single() == 1);
        String token = satisfaction.send(chat.id()).orElseGet(() -> null);
        if (token != null) {
            satisfaction.answer(token.substring(token.lastIndexOf('/') + 1), 4, null);
        } else {
            String invitation = conversations.messagesAfter(chat.id(), customer, 0, 10).stream()
                    .filter(m -> m.body().contains("/support/survey/")).findFirst().orElseThrow().body();
            satisfaction.answer(invitation.substring(invitation.indexOf("/support/survey/") + 16).trim(), 4, null);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM report_conversations WHERE conversation_id = :c AND rating = 4")
                .param("c", chat.id()).query(Integer.class).single() == 1);

        String day = chat.createdAt().atZone(ZoneId.of("Asia/Jakarta")).toLocalDate().toString();
        mvc.perform(get("/staff/reporting").param("from", day).param("to", day))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"volume-chart\"")))
                .andExpect(content().string(Matchers.containsString("WhatsApp")))
                .andExpect(content().string(Matchers.containsString("4 ★")));
        String csv = mvc.perform(get("/staff/reporting.csv").param("from", day).param("to", day))
                .andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("day,channel,conversations").contains(day + ",WHATSAPP,");
    }

    @Test
    @WithMockUser(roles = "AGENT")
    void agentsDoNotSeeReports() throws Exception {
        mvc.perform(get("/staff/reporting")).andExpect(status().isForbidden());
    }
}
