package io.walletdesk.support.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.StartConversation;
import io.walletdesk.support.feedback.SurveyTestHooks;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.WalletDeskTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** Phone callbacks from request to logged call, and the satisfaction survey after resolution. */
@WalletDeskTest
class FeedbackAndCallbackTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Callbacks callbacks;
    @Autowired
    ApplicationContext context;
    @Autowired
    Conversations conversations;
    @Autowired
    MutableClock clock;

    private static final Participant.Staff AGENT = new Participant.Staff(770_001L, "Agent Budi");

    @Test
    void aCallbackRequestJoinsTheQueueAndTheCallIsLoggedOnTheConversation() throws Exception {
        // The application's clock (other tests move it forward), not the wall clock.
        String tomorrow = clock.instant().atZone(ZoneId.of("Asia/Jakarta")).toLocalDate().plusDays(1).toString();
        mvc.perform(post("/support/callback").with(csrf()).header("Accept-Language", "id")
                        .param("name", "Ibu Sri").param("phone", "0812-7777-1234").param("day", tomorrow)
                        .param("from", "10:00").param("until", "12:00").param("topic", "Saldo terpotong dua kali"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Permintaan telepon Anda tercatat")));
        var queued = callbacks.queue().stream().filter(c -> c.phone().equals("+6281277771234")).findFirst().orElseThrow();
        assertThat(queued.topic()).isEqualTo("Saldo terpotong dua kali");

        callbacks.logCall(queued.id(), AGENT, Callbacks.Outcome.DONE, 245, "Refund explained");
        assertThat(callbacks.queue()).noneMatch(c -> c.id() == queued.id());
        var history = conversations.messagesAfter(queued.conversationId(), AGENT, 0, 10);
        assertThat(history.get(history.size() - 1).body()).contains("DONE", "4 min 5 s", "Refund explained");
        assertThat(history.get(history.size() - 1).internalNote()).isTrue();

        mvc.perform(post("/support/callback").with(csrf()).param("phone", "0812-7777-1234").param("day", tomorrow)
                        .param("from", "12:00").param("until", "10:00").param("topic", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Pick a time window")));
    }

    @Test
    void resolvingAConversationSendsASurveyWhoseAnswerCountsForTheAgent() throws Exception {
        Participant.Visitor visitor = new Participant.Visitor("v-" + UUID.randomUUID(), "Nia");
        ConversationView chat = conversations.startOrContinue(new StartConversation(visitor, Channel.CHAT, null, "Nia",
                null, null, "en"));
        conversations.post(new PostMessage(chat.id(), visitor, null, "Where is my refund?", Channel.CHAT, false, null, null));
        conversations.assign(chat.id(), AGENT, AGENT.userId());
        conversations.post(new PostMessage(chat.id(), AGENT, null, "It arrived today.", Channel.CHAT, false, null, null));
        conversations.changeStatus(chat.id(), AGENT, ConversationStatus.RESOLVED);

        await().atMost(Duration.ofSeconds(10)).until(() -> conversations.messagesAfter(chat.id(), visitor, 0, 10).stream()
                .anyMatch(m -> m.body().contains("/support/survey/")));
        String invitation = conversations.messagesAfter(chat.id(), visitor, 0, 10).stream()
                .filter(m -> m.body().contains("/support/survey/")).findFirst().orElseThrow().body();
        String token = invitation.substring(invitation.indexOf("/support/survey/") + "/support/survey/".length()).trim();
        assertThat(conversations.get(chat.id(), AGENT).status()).as("the survey does not reopen it")
                .isEqualTo(ConversationStatus.RESOLVED);

        mvc.perform(get("/support/survey/" + token)).andExpect(content().string(Matchers.containsString("Very satisfied")));
        mvc.perform(post("/support/survey/" + token).with(csrf()).param("rating", "5").param("comment", "Fast!"))
                .andExpect(content().string(Matchers.containsString("id=\"survey-thanks\"")));
        mvc.perform(post("/support/survey/" + token).with(csrf()).param("rating", "1"))
                .andExpect(status().isGone());
        assertThat(SurveyTestHooks.scoreOf(context, AGENT.userId())).isEqualTo(new SurveyTestHooks.Score(1, 5.0));
    }
}
