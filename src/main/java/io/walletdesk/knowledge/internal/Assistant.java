package io.walletdesk.knowledge.internal;

import io.walletdesk.knowledge.CustomerIntentDetected;
import io.walletdesk.knowledge.intent.IntentScore;
import io.walletdesk.knowledge.intent.Prediction;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.support.Channel;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.FirstResponse;
import io.walletdesk.support.MessagePosted;
import io.walletdesk.support.MessageView;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 24-hour assistant in the chat: answers each customer message of a chat it holds, asks one clarifying
 * question when two intents are close, and hands the chat to humans when asked, when it did not understand
 * twice in a row, for complaints and unauthorised transactions, and whenever it fails or takes too long. A
 * hand-over leaves an internal note with the detected intent and what the customer wrote.
 */
@Component
class Assistant {

    private static final Logger log = LoggerFactory.getLogger(Assistant.class);
    static final Participant.System NOTE_AUTHOR = new Participant.System("WalletDesk Assistant");

    private final Conversations conversations;
    private final FirstResponse firstResponse;
    private final AssistantTurns turns;
    private final MessageSource messages;
    private final Clock clock;
    private final Duration timeout;
    private final TransactionTemplate separately;
    private final ApplicationEventPublisher events;
    private final ExecutorService thinking = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "assistant");
        t.setDaemon(true);
        return t;
    });
    /** The reply function; a field so that a failure can be simulated in a test. */
    private Function<AssistantReplies.Question, AssistantReplies.Reply> replies;
    private final Function<AssistantReplies.Question, AssistantReplies.Reply> messageLeft;

    Assistant(Conversations conversations, FirstResponse firstResponse, AssistantTurns turns, AssistantReplies replies,
            MessageSource messages, Clock clock, PlatformTransactionManager transactions,
            @Value("${walletdesk.assistant.timeout:PT8S}") Duration timeout, ApplicationEventPublisher events) {
        this.events = events;
        this.conversations = conversations;
        this.firstResponse = firstResponse;
        this.turns = turns;
        this.replies = replies::answer;
        this.messageLeft = replies::messageLeft;
        this.messages = messages;
        this.clock = clock;
        this.timeout = timeout;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    // Only customers' messages are registered as publications for this listener: no registry row for the rest.
    @ApplicationModuleListener(condition = "!#posted.internalNote() && #posted.fromCustomer()")
    void on(MessagePosted posted) {
        if (posted.internalNote() || !posted.fromCustomer() || !firstResponse.withAssistant(posted.conversationId())) {
            return;
        }
        Participant.System self = NOTE_AUTHOR;
        Optional<MessageView> message = conversations.message(posted.conversationId(), posted.seq(), self);
        if (message.isEmpty()) {
            return;
        }
        long conversationId = posted.conversationId();
        SupportedLanguage language = SupportedLanguage.fromTag(posted.language()).orElse(SupportedLanguage.EN);
        String text = message.get().body();
        Optional<AssistantTurns.Turn> previous = turns.previous(conversationId, posted.seq());
        if (!turns.claim(conversationId, posted.seq(), language.tag(), text, clock.instant())) {
            return;
        }
        AssistantReplies.Question question = new AssistantReplies.Question(conversationId, posted.seq(), text, language,
                posted.customerUserId(), previous);
        AssistantReplies.Reply reply;
        try {
            // A message left for the team (leave-a-message) is acknowledged and handed to humans, not answered.
            Function<AssistantReplies.Question, AssistantReplies.Reply> answer = posted.channel() == Channel.WEB_FORM
                    ? messageLeft : replies;
            reply = CompletableFuture.supplyAsync(() -> answer.apply(question), thinking)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception failure) {
            log.warn("Assistant failed on conversation {} message {}; handing over to humans", conversationId,
                    posted.seq(), failure);
            separately.executeWithoutResult(status -> failSafe(conversationId, posted.seq(), language));
            return;
        }
        Prediction p = reply.prediction();
        IntentScore second = reply.alternative() == null ? p.second()
                : p.ranked().stream().filter(s -> s.intent().equals(reply.alternative())).findFirst()
                        .orElse(new IntentScore(reply.alternative(), 0));
        turns.record(conversationId, posted.seq(), reply.intent() != null ? reply.intent() : p.intent(), p.probability(),
                second == null ? null : second.intent(), second == null ? null : second.probability(),
                AssistantTurns.Outcome.valueOf(reply.outcome().name()));
        events.publishEvent(new CustomerIntentDetected(conversationId, posted.seq(),
                reply.intent() != null ? reply.intent() : p.intent(), p.probability()));
        say(conversationId, posted.seq(), language, reply.text());
        if (reply.outcome() == AssistantReplies.Outcome.HANDOVER) {
            handOver(conversationId, posted.seq(), reply.intent(), p, reply.handoverReason());
        }
    }

    /** The customer is never left without an answer: the chat goes to humans with a short notice. */
    private void failSafe(long conversationId, long seq, SupportedLanguage language) {
        turns.record(conversationId, seq, null, null, null, null, AssistantTurns.Outcome.FAILED);
        say(conversationId, seq, language, messages.getMessage("assistant.failed", null, language.locale()));
        handOver(conversationId, seq, null, null, "assistant-failed");
    }

    private void say(long conversationId, long seq, SupportedLanguage language, String text) {
        Participant.System self = new Participant.System(messages.getMessage("assistant.name", null, language.locale()));
        conversations.post(new PostMessage(conversationId, self, "assistant-" + seq, text, Channel.CHAT, false, null, null));
    }

    private void handOver(long conversationId, long seq, String intent, Prediction prediction, String reason) {
        List<AssistantTurns.Turn> history = turns.ofConversation(conversationId);
        StringBuilder note = new StringBuilder("Assistant hand-over. Reason: ").append(reason)
                .append(". Intent: ").append(intent == null ? "unknown" : intent);
        if (prediction != null && intent != null) {
            note.append(String.format(Locale.ROOT, " (%.0f%%)", prediction.probability() * 100));
        }
        note.append(".\nThe customer wrote:");
        for (AssistantTurns.Turn turn : history) {
            note.append("\n> ").append(turn.customerText().replace('\n', ' '))
                    .append(turn.intent() == null ? "" : "  [" + turn.intent() + "]");
        }
        conversations.post(new PostMessage(conversationId, NOTE_AUTHOR, "assistant-note-" + seq, note.toString(),
                Channel.CHAT, true, null, null));
        firstResponse.handOver(conversationId, intent);
    }

    @PreDestroy
    void stop() {
        thinking.shutdownNow();
    }
}
