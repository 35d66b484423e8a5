package io.walletdesk.knowledge.internal;

import io.walletdesk.knowledge.ArticleHit;
import io.walletdesk.knowledge.HelpArticle;
import io.walletdesk.knowledge.HelpCentre;
import io.walletdesk.shared.i18n.SupportedLanguage;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The module's {@link HelpCentre}: the published part of the {@link ArticleLibrary}. */
@Service
class PublishedHelpCentre implements HelpCentre {

    private final ArticleLibrary library;

    PublishedHelpCentre(ArticleLibrary library) {
        this.library = library;
    }

    @Override
    public List<ArticleHit> search(String query, SupportedLanguage language, int limit) {
        return library.search(query, language, Math.max(1, Math.min(limit, 50)));
    }

    @Override
    public Optional<HelpArticle> article(String slug, SupportedLanguage language) {
        return library.published(slug, language);
    }
}
