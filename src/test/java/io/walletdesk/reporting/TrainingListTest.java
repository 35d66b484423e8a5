package io.walletdesk.reporting;

import static io.walletdesk.reporting.ReportChecks.count;
import static io.walletdesk.reporting.ReportChecks.row;
import static org.assertj.core.api.Assertions.assertThat;
import static io.walletdesk.reporting.ReportChecks.eventually;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.support.AuthorType;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.FirstResponse;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.StartConversation;
import io.walletdesk.testing.WalletDeskTest;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Intents come from the assistant's own event (CustomerIntentDetected) as customers chat with it: each
 * conversation counts under the first intent detected, and the most frequent intents of a period form the
 * agents' training list with example conversations linking to the staff conversation page.
 */
@WalletDeskTest
class TrainingListTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Conversations conversations;
    @Autowired
    FirstResponse firstResponse;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    private final Participant.Staff agent = new Participant.Staff(330_003L, "Agen Rina");

    @BeforeEach
    void assistantOn() {
        firstResponse.setAssistantEnabled(true, null, ClientInfo.system());
    }

    @AfterEach
    void assistantOff() {
        firstResponse.setAssistantEnabled(false, null, ClientInfo.system());
    }

    /** A visitor's chat with the assistant: one message, waiting for its answer. */
    private ConversationView chatAbout(String text) throws InterruptedException {
        Participant.Visitor visitor = new Participant.Visitor("v-" + UUID.randomUUID(), "Tono");
        ConversationView chat = conversations.openNew(new StartConversation(visitor, Channel.CHAT, null, "Tono", null, null, "en"));
        ask(chat, visitor, text);
        return chat;
    }

    private void ask(ConversationView chat, Participant.Visitor visitor, String text) {
        long seq = conversations.post(new PostMessage(chat.id(), visitor, null, text, Channel.CHAT, false, null, null))
                .message().seq();
        Participant.System reader = new Participant.System("test");
        eventually().until(() -> conversations.messagesAfter(chat.id(), reader, seq, 20).stream()
                .anyMatch(m -> m.authorType() == AuthorType.SYSTEM && !m.internalNote()));
    }

    private String intentOf(long conversationId) {
        return eventually().until(() -> Optional.ofNullable(jdbc.sql(
                        "SELECT intent FROM report_conversations WHERE conversation_id = :c").param("c", conversationId)
                .query(String.class).optional().orElse(null)), Optional::isPresent).orElseThrow();
    }

    /** What the assistant recorded for the first customer message (its own table, read here only to compare). */
    private String firstTurnIntent(long conversationId) {
        return jdbc.sql("SELECT intent FROM assistant_turn WHERE conversation_id = :c ORDER BY message_seq LIMIT 1")
                .param("c", conversationId).query(String.class).single();
    }

    @Test
    @WithMockUser(roles = {"AGENT", "SUPERVISOR"})
    void theMostFrequentFirstIntentsAreListedWithExampleConversationsToLearnFrom() throws Exception {
        // The first use trains the shipped intent model, which can take longer than the assistant may think.
        mvc.perform(get("/staff/assistant")).andExpect(status().isOk());
        List<ConversationView> pin = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pin.add(chatAbout("I forgot my PIN, how can I reset it?"));
        }
        ConversationView other = chatAbout("what are the opening hours of customer service?");
        String pinIntent = intentOf(pin.get(0).id());
        assertThat(pinIntent).isEqualTo(firstTurnIntent(pin.get(0).id()));
        for (ConversationView chat : pin) {
            assertThat(intentOf(chat.id())).isEqualTo(pinIntent);
        }
        String otherIntent = intentOf(other.id());

        // A later message about something else does not change what the conversation counts as.
        Participant.Visitor tono = new Participant.Visitor(pin.get(0).visitorId(), "Tono");
        ask(pin.get(0), tono, "also, someone I don't know called me asking for my OTP code");
        eventually().during(Duration.ofMillis(500)).until(() -> pinIntent.equals(intentOf(pin.get(0).id())));

        // Agents take over, resolve them and the customers rate them well: the best examples to learn from.
        for (ConversationView chat : pin) {
            conversations.post(new PostMessage(chat.id(), agent, null, "You can reset your PIN under Account > Security.",
                    Channel.CHAT, false, null, null));
            conversations.changeStatus(chat.id(), agent, ConversationStatus.RESOLVED);
            ReportChecks.rate(conversations, context, chat.id(), 5);
        }
        eventually().until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM report_conversations WHERE intent = :i AND rating = 5 AND resolved_at IS NOT NULL AND conversation_id IN (:ids)")
                .param("i", pinIntent).param("ids", pin.stream().map(ConversationView::id).toList())
                .query(Integer.class).single() == 3);

        String day = pin.get(0).createdAt().atZone(ZoneId.of("Asia/Jakarta")).toLocalDate().toString();
        String html = mvc.perform(get("/staff/reporting/training").param("from", day).param("to", day).param("top", "30"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        int start = html.indexOf("data-intent=\"" + pinIntent + "\"");
        assertThat(start).as("the issue is listed").isPositive();
        int next = html.indexOf("data-intent=", start + 1);
        String issue = html.substring(start, next > 0 ? next : html.length());
        for (ConversationView chat : pin) {
            assertThat(issue).contains("href=\"/staff/conversations/" + chat.id() + "\"").contains(">" + chat.reference() + "<");
        }
        assertThat(html).contains("data-intent=\"" + otherIntent + "\"").doesNotContain("Not classified");

        String csv = mvc.perform(get("/staff/reporting/training.csv").param("from", day).param("to", day).param("top", "30"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(csv).startsWith("rank,intent,label,conversations,percent,example_1,example_2,example_3");
        String line = csv.lines().filter(l -> l.split(",")[1].equals(pinIntent)).findFirst().orElseThrow();
        for (ConversationView chat : pin) {
            assertThat(line).contains(chat.reference());
        }
        assertThat(count(row(csv("/staff/reporting/topics.csv", day), "intent", pinIntent), "conversations"))
                .isGreaterThanOrEqualTo(3);
        assertThat(ReportChecks.dailySumsMismatches(jdbc)).isEmpty();
    }

    private String csv(String path, String day) throws Exception {
        return mvc.perform(get(path).param("from", day).param("to", day)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
