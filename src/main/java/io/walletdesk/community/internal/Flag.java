package io.walletdesk.community.internal;

import java.time.Instant;

/** An open item of the moderation queue, with the post it is about. */
record Flag(long id, FlagReason reason, String detail, Long reporterId, Instant createdAt, Post post, Topic topic) {
}
