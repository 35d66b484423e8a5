package io.walletdesk.community;

/** A topic that needed the customer's account became the private support conversation {@code conversationId}. */
public record TopicMovedToPrivateSupport(long topicId, long conversationId, long byUserId) {
}
