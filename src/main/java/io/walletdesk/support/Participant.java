package io.walletdesk.support;

/**
 * Who acts on a conversation: a signed-in customer, an anonymous visitor (known by the id in their chat
 * token), or a staff member. Access to a conversation is decided from this, on every read.
 */
public sealed interface Participant {

    /** A signed-in customer, including one in a restricted (locked-account) session. */
    record Customer(long userId, String name) implements Participant {
    }

    /** Someone who is not signed in; {@code visitorId} is random and known only to their browser. */
    record Visitor(String visitorId, String name) implements Participant {
    }

    /** An agent, supervisor or admin. */
    record Staff(long userId, String name) implements Participant {
    }

    /** The system itself, e.g. a bounce notice; acts with staff rights, shown as SYSTEM. */
    record System(String name) implements Participant {
    }

    String name();

    /** Staff and the system see internal notes and every conversation. */
    default boolean isStaff() {
        return this instanceof Staff || this instanceof System;
    }
}
