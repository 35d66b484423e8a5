package io.walletdesk.disputes;

import java.time.Instant;

/** One step in a complaint's timeline: who did what, when and why. */
public record ComplaintStep(Instant at, Long actorUserId, String actorRole, String action, String note) {
}
