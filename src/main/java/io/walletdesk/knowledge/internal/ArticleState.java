package io.walletdesk.knowledge.internal;

/** Only published articles are shown to readers and indexed; archived ones keep their history. */
enum ArticleState {
    DRAFT, PUBLISHED, ARCHIVED
}
