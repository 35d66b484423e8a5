package io.walletdesk.community.internal;

import java.time.Instant;
import java.util.Set;

/** A post row: the opening question or a reply, its body already masked. */
record Post(long id, long topicId, long authorUserId, String authorName, boolean official, boolean opening, String body,
        PostState state, Set<PersonalData> masked, boolean lookAlike, int votes, Instant createdAt) {
}
