package io.walletdesk.community;

/** A reply became public on a topic (posted, or approved by a moderator); {@code official} for staff answers. */
public record ReplyPublished(long topicId, long postId, boolean official) {
}
