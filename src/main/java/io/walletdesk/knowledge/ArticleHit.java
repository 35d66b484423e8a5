package io.walletdesk.knowledge;

/**
 * One search result: {@code snippetHtml} is HTML-escaped text with the matched words in {@code <mark>}.
 * {@code path} is the public page of the article.
 */
public record ArticleHit(String slug, String language, String title, String summary, String snippetHtml, float score) {

    public String path() {
        return "/help/" + slug;
    }
}
