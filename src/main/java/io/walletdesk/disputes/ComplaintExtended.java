package io.walletdesk.disputes;

import java.time.Instant;

/** A complaint's answer deadline was extended once, with notice to the customer; {@code answerDue} is the new one. */
public record ComplaintExtended(long complaintId, Instant answerDue) {
}
