package io.walletdesk.support;

import java.time.Instant;

/**
 * Whether a person can answer a customer now, and if not, when: the one answer the chat widget and the
 * assistant both give, so a customer is never told "an agent will answer shortly" next to "our colleagues
 * are off duty until 08:00". Presence (an agent's own choice) wins over the calendar: an agent who is online
 * outside working hours answers; inside working hours with nobody online the conversation waits in the queue.
 */
public interface AgentAvailability {

    /** The answer at this moment. */
    Availability now();

    /** What a customer is told about human help. */
    sealed interface Availability {

        /** At least one agent chose Online and is still there. */
        record AnswerSoon(int agentsOnline) implements Availability {
        }

        /** Working hours, but nobody is online: the conversation waits in the queue for the next free agent. */
        record Queued() implements Availability {
        }

        /** Outside working hours and nobody online: a person answers from {@code opening}. */
        record OffDutyUntil(Instant opening) implements Availability {
        }
    }
}
