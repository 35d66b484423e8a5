package io.walletdesk.disputes;

import java.util.EnumSet;
import java.util.Set;

/** Where a complaint stands; {@link Complaint} allows only the moves between these that the rules allow. */
public enum ComplaintStatus {
    RECEIVED, ACKNOWLEDGED, ANSWERED, ACCEPTED, NOT_SATISFIED;

    /** The statuses staff still work on (an answered complaint waits for the customer). */
    static final Set<ComplaintStatus> WORKED_ON = EnumSet.of(RECEIVED, ACKNOWLEDGED, NOT_SATISFIED);

    /** The customer has the answer and has not accepted it yet, or accepted it. */
    public boolean answered() {
        return this == ANSWERED || this == ACCEPTED;
    }
}
