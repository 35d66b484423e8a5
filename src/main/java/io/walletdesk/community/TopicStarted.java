package io.walletdesk.community;

/** A community topic was started; {@code held} is true while it waits for a moderator's approval. */
public record TopicStarted(long topicId, long authorUserId, String language, boolean held) {
}
