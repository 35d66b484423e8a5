package io.walletdesk.knowledge;

import io.walletdesk.shared.i18n.SupportedLanguage;
import java.util.List;
import java.util.Optional;

/**
 * Read access to the published help centre: full-text search in a language (typo tolerant, with highlighted
 * snippets) and single articles. Drafts and archived articles are never returned.
 */
public interface HelpCentre {

    /** Best published matches in {@code language}, at most {@code limit} (1-50). Blank queries find nothing. */
    List<ArticleHit> search(String query, SupportedLanguage language, int limit);

    /** The published article with this slug in {@code language}, if there is one. */
    Optional<HelpArticle> article(String slug, SupportedLanguage language);
}
