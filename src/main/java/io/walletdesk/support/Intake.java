package io.walletdesk.support;

/**
 * The front door for customers' words. When the database cannot be reached, a message is kept in this
 * node's durable journal instead of being lost, the customer is told it is safe, and it is stored once and
 * in order when the database is back. A message the database refuses is not an outage: the customer hears
 * so at once.
 */
public interface Intake {

    /** What happened to a customer's message. */
    sealed interface Outcome {
        /** Stored in the conversation. */
        record Stored(PostedMessage posted) implements Outcome {
        }

        /** Kept in the journal; {@code receipt} is what the customer can quote. */
        record Journaled(String receipt, String clientMessageId) implements Outcome {
        }
    }

    /** What happened to a left message. */
    sealed interface LeftOutcome {
        /** Stored; the conversation has a reference. */
        record Stored(ConversationView conversation) implements LeftOutcome {
        }

        /** Kept in the journal until the database is back. */
        record Journaled(String receipt) implements LeftOutcome {
        }
    }

    /** Posts into an existing conversation, or journals the message while the database is away. */
    Outcome post(PostMessage command);

    /** Leaves a message (may open a conversation), or journals it while the database is away. */
    LeftOutcome leaveMessage(LeaveMessage command);

    /** Stores what this node's journal holds, in order, now (it also runs every few seconds); returns how many. */
    int replay();

    /** How many journaled messages this node had to set aside: staff must not learn of them only from the logs. */
    int deadLetterCount();
}
