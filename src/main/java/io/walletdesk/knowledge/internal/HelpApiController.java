package io.walletdesk.knowledge.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.knowledge.ArticleHit;
import io.walletdesk.knowledge.HelpArticle;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.i18n.WalletDeskLocaleResolver;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public JSON access to published articles, for the app and the chat widget; no sign-in needed. */
@RestController
@Tag(name = "Help centre", description = "Published help articles")
class HelpApiController {

    private final ArticleLibrary library;

    HelpApiController(ArticleLibrary library) {
        this.library = library;
    }

    record SearchResult(String query, String language, List<ArticleHit> hits) {
    }

    @GetMapping("/api/v1/public/help/search")
    @Operation(summary = "Search the help centre")
    SearchResult search(@RequestParam(name = "q", defaultValue = "") String q,
            @RequestParam(name = "lang", required = false) String lang,
            @RequestParam(name = "limit", defaultValue = "10") int limit, HttpServletRequest request) {
        if (q.isBlank() || q.length() > 200) {
            throw ProblemException.forField("help-invalid-query", FailureKind.INVALID, "q");
        }
        SupportedLanguage language = language(lang, request);
        return new SearchResult(q.strip(), language.tag(), library.search(q.strip(), language, Math.max(1, Math.min(limit, 50))));
    }

    @GetMapping("/api/v1/public/help/articles/{slug}")
    @Operation(summary = "One help article")
    HelpArticle article(@PathVariable String slug, @RequestParam(name = "lang", required = false) String lang,
            HttpServletRequest request) {
        return library.published(slug, language(lang, request))
                .orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
    }

    private static SupportedLanguage language(String lang, HttpServletRequest request) {
        if (lang == null || lang.isBlank()) {
            return WalletDeskLocaleResolver.resolveLanguage(request);
        }
        return SupportedLanguage.fromTag(lang)
                .orElseThrow(() -> ProblemException.forField("invalid-language", FailureKind.INVALID, "lang"));
    }
}
