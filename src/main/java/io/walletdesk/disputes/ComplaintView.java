package io.walletdesk.disputes;

import java.time.Instant;

/** A complaint as its customer and staff see it. */
public record ComplaintView(long id, String reference, long customerUserId, Long conversationId, String category,
        String description, String language, ComplaintStatus status, ComplaintTier tier, Instant acknowledgeDue,
        Instant answerDue, Instant acknowledgedAt, boolean extended, String resolution, Instant createdAt) {

    /** The deadline that matters now. */
    public Instant nextDeadline() {
        return acknowledgedAt == null ? acknowledgeDue : answerDue;
    }

    /** The customer may go to the regulator when not satisfied or when the answer is late. */
    public boolean referable(Instant now) {
        return status == ComplaintStatus.NOT_SATISFIED || (!status.answered() && answerDue.isBefore(now));
    }

    /** The answer is there and the customer has yet to accept it or say they are not satisfied. */
    public boolean awaitsCustomer() {
        return status == ComplaintStatus.ANSWERED;
    }
}
