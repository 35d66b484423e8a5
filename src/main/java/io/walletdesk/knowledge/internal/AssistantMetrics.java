package io.walletdesk.knowledge.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.walletdesk.knowledge.CustomerIntentDetected;
import io.walletdesk.shared.metrics.AfterCommit;
import io.walletdesk.support.ConversationHandedOver;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The assistant's answers and hand-overs by intent (README "Metrics"), counted from the events synchronously and
 * after commit (ADR 0900). Intents are the classifier's labels, a short fixed list; anything that does not look
 * like one is counted as {@code other}, so a label can never grow without bound.
 */
@Component
class AssistantMetrics {

    private static final Pattern INTENT = Pattern.compile("[a-z0-9_.-]{1,40}");

    private final MeterRegistry meters;

    AssistantMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    @EventListener
    void on(CustomerIntentDetected detected) {
        Counter answers = Counter.builder("walletdesk.assistant.answers").tag("intent", label(detected.intent()))
                .description("Customer chat messages the assistant answered, by the intent it acted on").register(meters);
        AfterCommit.run(answers::increment);
    }

    @EventListener
    void on(ConversationHandedOver handedOver) {
        Counter handovers = Counter.builder("walletdesk.assistant.handovers").tag("intent", label(handedOver.intent()))
                .description("Chats the assistant handed to people, by the intent it understood").register(meters);
        AfterCommit.run(handovers::increment);
    }

    static String label(String intent) {
        if (intent == null || intent.isBlank()) {
            return "unknown";
        }
        String lower = intent.strip().toLowerCase(Locale.ROOT);
        return INTENT.matcher(lower).matches() ? lower : "other";
    }
}
