package io.walletdesk.knowledge.internal;

import io.walletdesk.knowledge.ArticleHit;
import io.walletdesk.knowledge.LanguageTextIndex;
import io.walletdesk.knowledge.LanguageTextIndex.Match;
import io.walletdesk.shared.i18n.SupportedLanguage;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * The published articles in a {@link LanguageTextIndex}: every node holds its own copy, rebuilt from the database
 * at start-up and kept in step by {@link ArticleLibrary}.
 */
final class SearchIndex implements AutoCloseable {

    private final LanguageTextIndex index = new LanguageTextIndex();

    /** Adds, replaces or (when no longer published) removes the article. Call {@link #refresh()} after a batch. */
    void put(Article article) {
        String key = Long.toString(article.id());
        if (article.state() != ArticleState.PUBLISHED) {
            index.remove(key);
            return;
        }
        SupportedLanguage language = SupportedLanguage.fromTag(article.language()).orElse(SupportedLanguage.EN);
        index.put(new LanguageTextIndex.Entry(key, language, article.title(), article.tags(),
                article.summary() + "\n" + MarkdownText.plain(article.bodyMarkdown()),
                Map.of("slug", article.slug(), "summary", article.summary())));
    }

    void clear() {
        index.clear();
    }

    void refresh() {
        index.refresh();
    }

    List<ArticleHit> search(String text, SupportedLanguage language, int limit) {
        return index.search(text, language, limit).stream().map(SearchIndex::hit).toList();
    }

    private static ArticleHit hit(Match match) {
        String summary = match.stored().get("summary");
        String snippet = match.snippetHtml() != null ? match.snippetHtml() : HtmlUtils.htmlEscape(summary);
        return new ArticleHit(match.stored().get("slug"), match.language(), match.title(), summary, snippet, match.score());
    }

    int size() {
        return index.size();
    }

    @Override
    public void close() {
        index.close();
    }
}
