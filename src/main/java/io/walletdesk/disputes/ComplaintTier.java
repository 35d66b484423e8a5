package io.walletdesk.disputes;

/** Who handles a complaint, in the order it escalates. */
public enum ComplaintTier {
    AGENT, SUPERVISOR, COMPLAINTS_TEAM;

    public boolean top() {
        return this == COMPLAINTS_TEAM;
    }

    ComplaintTier next() {
        return values()[Math.min(ordinal() + 1, values().length - 1)];
    }
}
