package io.walletdesk.disputes;

import java.time.Instant;

/** Staff acknowledged a complaint (before its acknowledgement deadline or not). */
public record ComplaintAcknowledged(long complaintId, Instant acknowledgedAt) {
}
