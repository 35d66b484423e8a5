package io.walletdesk.community.internal;

import java.time.Instant;

/** A topic row; its question is the opening post. */
record Topic(long id, TopicCategory category, String language, String title, long authorUserId, TopicState state,
        boolean locked, Long acceptedPostId, Long conversationId, Long mergedInto, int replies, Instant createdAt,
        Instant updatedAt, Instant firstOfficialAt) {

    public boolean answered() {
        return acceptedPostId != null;
    }

    Topic withState(TopicState to) {
        return new Topic(id, category, language, title, authorUserId, to, locked, acceptedPostId, conversationId,
                mergedInto, replies, createdAt, updatedAt, firstOfficialAt);
    }

    Topic withLocked(boolean to) {
        return new Topic(id, category, language, title, authorUserId, state, to, acceptedPostId, conversationId,
                mergedInto, replies, createdAt, updatedAt, firstOfficialAt);
    }

    Topic withCategory(TopicCategory to) {
        return new Topic(id, to, language, title, authorUserId, state, locked, acceptedPostId, conversationId,
                mergedInto, replies, createdAt, updatedAt, firstOfficialAt);
    }

    Topic withAccepted(Long postId) {
        return new Topic(id, category, language, title, authorUserId, state, locked, postId, conversationId,
                mergedInto, replies, createdAt, updatedAt, firstOfficialAt);
    }

    Topic privately(long conversation) {
        return new Topic(id, category, language, title, authorUserId, TopicState.PRIVATE, locked, acceptedPostId,
                conversation, mergedInto, replies, createdAt, updatedAt, firstOfficialAt);
    }

    Topic mergedInto(long target) {
        return new Topic(id, category, language, title, authorUserId, TopicState.MERGED, locked, acceptedPostId,
                conversationId, target, replies, createdAt, updatedAt, firstOfficialAt);
    }

    Topic withFirstOfficial(Instant at) {
        return new Topic(id, category, language, title, authorUserId, state, locked, acceptedPostId, conversationId,
                mergedInto, replies, createdAt, updatedAt, at);
    }
}
