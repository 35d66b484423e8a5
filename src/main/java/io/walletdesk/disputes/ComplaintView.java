package io.walletdesk.disputes;

import java.time.Instant;

/** A complaint as its customer and staff see it. */
public record ComplaintView(long id, String reference, long customerUserId, Long conversationId, String category,
        String description, String language, String status, String tier, Instant acknowledgeDue, Instant answerDue,
        Instant acknowledgedAt, boolean extended, String resolution, Instant createdAt) {

    /** The deadline that matters now. */
    public Instant nextDeadline() {
        return acknowledgedAt == null ? acknowledgeDue : answerDue;
    }

    /** The customer may go to the regulator when not satisfied or when the answer is late. */
    public boolean referable(Instant now) {
        return "NOT_SATISFIED".equals(status) || (!"ANSWERED".equals(status) && !"ACCEPTED".equals(status)
                && answerDue.isBefore(now));
    }
}
