package io.walletdesk.knowledge.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** One article in one language, as stored: the current revision of its text and its state. */
record Article(long id, String slug, String language, String title, String summary, String category, String tags,
        String bodyMarkdown, ArticleState state, int revision, int helpfulYes, int helpfulNo, Instant createdAt,
        Instant updatedAt, Instant publishedAt) {

    List<String> tagList() {
        return Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }
}
