package io.walletdesk.community.internal;

/** Inside the module: a topic's public content changed, so the search index must pick it up after commit. */
record TopicChanged(long topicId) {
}
