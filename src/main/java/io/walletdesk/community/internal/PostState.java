package io.walletdesk.community.internal;

/** A post is held for approval, public, or hidden by a moderator. */
enum PostState {
    PENDING, PUBLISHED, HIDDEN
}
