package io.walletdesk.support;

/** Who wrote a message; stored by name in {@code conversation_messages.author_type}. */
public enum AuthorType {
    CUSTOMER, AGENT, SYSTEM, BOT;

    /** The author type of what this participant writes. */
    public static AuthorType of(Participant participant) {
        if (!participant.isStaff()) {
            return CUSTOMER;
        }
        return participant instanceof Participant.System ? SYSTEM : AGENT;
    }
}
