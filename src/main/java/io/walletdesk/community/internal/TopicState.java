package io.walletdesk.community.internal;

/**
 * A topic's life: held for approval, open to all, hidden by a moderator, moved to private support (the public page
 * says so, without details), or merged into another topic.
 */
enum TopicState {
    PENDING, OPEN, HIDDEN, PRIVATE, MERGED;

    boolean listed() {
        return this == OPEN || this == PRIVATE;
    }
}
