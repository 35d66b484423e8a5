package io.walletdesk.community.internal;

/** Why a post is in the moderation queue. */
enum FlagReason {
    /** The first post of a new account, held until a moderator approves it. */
    NEW_ACCOUNT,
    /** A contact in the post imitates one of our official channels; the post shows a warning. */
    LOOK_ALIKE,
    /** A reader reported the post. */
    REPORTED
}
