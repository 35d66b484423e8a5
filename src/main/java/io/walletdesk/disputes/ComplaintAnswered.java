package io.walletdesk.disputes;

import java.time.Instant;

/** Staff sent the written answer to a complaint (answering also acknowledges it). */
public record ComplaintAnswered(long complaintId, Instant answeredAt) {
}
