package io.walletdesk.knowledge;

import java.time.Instant;
import java.util.List;

/** A published article as readers see it; {@code html} is rendered from Markdown with raw HTML escaped. */
public record HelpArticle(long id, String slug, String language, String title, String summary, String category,
        List<String> tags, String html, Instant updatedAt, int helpfulYes, int helpfulNo) {

    public String path() {
        return "/help/" + slug;
    }
}
