package io.walletdesk.knowledge.internal;

import io.walletdesk.shared.time.UserTime;
import io.walletdesk.support.AgentAvailability;
import io.walletdesk.support.BusinessHours;
import io.walletdesk.support.Channel;
import io.walletdesk.support.Conversations;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the assistant says about people: whether one answers now (the same answer the chat widget shows, from
 * {@link AgentAvailability}, never the calendar alone), and when the team answers a message left for it.
 */
@Component
class HumanHelp {

    private final AgentAvailability availability;
    private final BusinessHours hours;
    private final Conversations conversations;
    private final MessageSource messages;
    private final Clock clock;

    HumanHelp(AgentAvailability availability, BusinessHours hours, Conversations conversations, MessageSource messages,
            Clock clock) {
        this.availability = availability;
        this.hours = hours;
        this.conversations = conversations;
        this.messages = messages;
        this.clock = clock;
    }

    /** The sentence after "I am passing this conversation to a colleague". */
    String afterHandOver(Locale locale) {
        AgentAvailability.Availability now = availability.now();
        if (now instanceof AgentAvailability.Availability.OffDutyUntil off) {
            return text(locale, "assistant.handover.closed", when(locale, off.opening()));
        }
        return text(locale, now instanceof AgentAvailability.Availability.Queued
                ? "assistant.handover.queued" : "assistant.handover.open");
    }

    /** The answer to "when can I talk to a person?". */
    String serviceHours(Locale locale) {
        return availability.now() instanceof AgentAvailability.Availability.OffDutyUntil off
                ? text(locale, "assistant.hours.closed", when(locale, off.opening())) : text(locale, "assistant.hours.open");
    }

    /** Whether the customer already left a message for the team in this conversation. */
    boolean messageLeft(long conversationId) {
        return conversations.messagesAfter(conversationId, Assistant.NOTE_AUTHOR, 0, 500).stream()
                .anyMatch(m -> m.fromCustomer() && m.channel() == Channel.WEB_FORM);
    }

    /** "by 7 Dec 2026 09:00 WIB" from the conversation's service level, else the next opening of the desk. */
    String expectedAnswer(long conversationId, Locale locale) {
        Optional<Instant> due = conversations.expectedReply(conversationId, Assistant.NOTE_AUTHOR);
        if (due.isPresent()) {
            return text(locale, "assistant.expected.by", when(locale, due.get()));
        }
        Instant now = clock.instant();
        return hours.isOpen(now) ? text(locale, "assistant.expected.soon")
                : text(locale, "assistant.expected.from", when(locale, hours.nextOpening(now)));
    }

    private String text(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String when(Locale locale, Instant at) {
        return UserTime.format(at, locale, UserTime.DEFAULT_ZONE);
    }
}
