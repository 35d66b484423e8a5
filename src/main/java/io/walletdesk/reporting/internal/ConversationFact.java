package io.walletdesk.reporting.internal;

import io.walletdesk.support.SlaTarget;
import java.time.Instant;
import java.time.LocalDate;

/**
 * What the reports know about one conversation, as its events told it. {@code intent} is the first intent the
 * assistant detected (from the message with sequence {@code intentSeq}); {@code breachedTarget} the first
 * service-level target it missed.
 */
record ConversationFact(long conversationId, String reference, Instant startedAt, LocalDate day, String channel,
        String intent, Long intentSeq, Long teamId, Long firstResponseSeconds, Instant resolvedAt, Long resolutionSeconds,
        boolean slaBreached, SlaTarget breachedTarget, Integer rating) {

    /** The row of report_daily this conversation is counted in. */
    DailyKey key() {
        return new DailyKey(day, channel, intent == null ? "" : intent, teamId == null ? 0 : teamId);
    }

    /**
     * This conversation's part of its report_daily row, in the order of {@link Totals#COLUMNS}. The first
     * response counts as in time unless the first-response target was missed; a resolution counts as in
     * time only if no target was missed, because support raises one breach per conversation and a later
     * missed resolution target is then not reported.
     */
    long[] sums() {
        boolean answered = firstResponseSeconds != null;
        boolean resolved = resolvedAt != null;
        long[] sums = new long[Totals.COLUMNS.size()];
        sums[0] = 1;
        sums[1] = answered ? 1 : 0;
        sums[2] = answered ? firstResponseSeconds : 0;
        sums[3] = answered && breachedTarget != SlaTarget.FIRST_RESPONSE ? 1 : 0;
        sums[4] = resolved ? 1 : 0;
        sums[5] = resolved && resolutionSeconds != null ? resolutionSeconds : 0;
        sums[6] = resolved && !slaBreached ? 1 : 0;
        sums[7] = slaBreached ? 1 : 0;
        if (rating != null && rating >= 1 && rating <= 5) {
            sums[7 + rating] = 1;
        }
        return sums;
    }

    ConversationFact withFirstResponse(long seconds) {
        return new ConversationFact(conversationId, reference, startedAt, day, channel, intent, intentSeq, teamId, seconds,
                resolvedAt, resolutionSeconds, slaBreached, breachedTarget, rating);
    }

    ConversationFact withResolution(Instant at, long seconds) {
        return new ConversationFact(conversationId, reference, startedAt, day, channel, intent, intentSeq, teamId,
                firstResponseSeconds, at, seconds, slaBreached, breachedTarget, rating);
    }

    ConversationFact withBreach(SlaTarget target) {
        return new ConversationFact(conversationId, reference, startedAt, day, channel, intent, intentSeq, teamId,
                firstResponseSeconds, resolvedAt, resolutionSeconds, true, breachedTarget == null ? target : breachedTarget,
                rating);
    }

    ConversationFact withRating(int stars) {
        return new ConversationFact(conversationId, reference, startedAt, day, channel, intent, intentSeq, teamId,
                firstResponseSeconds, resolvedAt, resolutionSeconds, slaBreached, breachedTarget, stars);
    }

    ConversationFact withIntent(String detected, long seq) {
        return new ConversationFact(conversationId, reference, startedAt, day, channel, detected, seq, teamId,
                firstResponseSeconds, resolvedAt, resolutionSeconds, slaBreached, breachedTarget, rating);
    }

    ConversationFact withTeam(Long team) {
        return new ConversationFact(conversationId, reference, startedAt, day, channel, intent, intentSeq, team,
                firstResponseSeconds, resolvedAt, resolutionSeconds, slaBreached, breachedTarget, rating);
    }

    /** The key of a report_daily row: '' for no intent, 0 for no team. */
    record DailyKey(LocalDate day, String channel, String intent, long teamId) implements Comparable<DailyKey> {

        @Override
        public int compareTo(DailyKey other) {
            int c = day.compareTo(other.day);
            if (c == 0) {
                c = channel.compareTo(other.channel);
            }
            if (c == 0) {
                c = intent.compareTo(other.intent);
            }
            return c != 0 ? c : Long.compare(teamId, other.teamId);
        }
    }
}
