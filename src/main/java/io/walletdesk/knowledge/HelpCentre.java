package io.walletdesk.knowledge;

import io.walletdesk.knowledge.internal.ArticleLibrary;
import io.walletdesk.shared.i18n.SupportedLanguage;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Read access to the published help centre: full-text search in a language (typo tolerant, with highlighted
 * snippets) and single articles. Drafts and archived articles are never returned.
 */
@Service
public class HelpCentre {

    private final ArticleLibrary library;

    HelpCentre(ArticleLibrary library) {
        this.library = library;
    }

    /** Best published matches in {@code language}, at most {@code limit} (1-50). Blank queries find nothing. */
    public List<ArticleHit> search(String query, SupportedLanguage language, int limit) {
        return library.search(query, language, Math.max(1, Math.min(limit, 50)));
    }

    /** The published article with this slug in {@code language}, if there is one. */
    public Optional<HelpArticle> article(String slug, SupportedLanguage language) {
        return library.published(slug, language);
    }
}
