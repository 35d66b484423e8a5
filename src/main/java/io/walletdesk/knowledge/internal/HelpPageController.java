package io.walletdesk.knowledge.internal;

import io.walletdesk.knowledge.ArticleHit;
import io.walletdesk.knowledge.HelpArticle;
import io.walletdesk.shared.crypto.Digests;
import io.walletdesk.shared.db.DatabaseOutage;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.i18n.WalletDeskLocaleResolver;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public help centre: server-rendered, no sign-in and no JavaScript needed. Articles are shown in the
 * reader's language; one that is not translated yet is shown in another language with a notice.
 */
@Controller
class HelpPageController {

    private static final int MAX_QUERY = 200;

    private final ArticleLibrary library;

    HelpPageController(ArticleLibrary library) {
        this.library = library;
    }

    record Section(String category, List<Article> articles) {
    }

    @GetMapping("/help")
    String home(HttpServletRequest request, Model model) {
        SupportedLanguage language = WalletDeskLocaleResolver.resolveLanguage(request);
        Map<String, List<Article>> byCategory = library.publishedIn(language).stream()
                .collect(Collectors.groupingBy(Article::category));
        List<Section> sections = new ArrayList<>();
        for (Category category : Category.values()) {
            List<Article> articles = byCategory.getOrDefault(category.id(), List.of());
            if (!articles.isEmpty()) {
                sections.add(new Section(category.id(), articles));
            }
        }
        model.addAttribute("sections", sections);
        return "knowledge/home";
    }

    @GetMapping("/help/search")
    String search(@RequestParam(name = "q", defaultValue = "") String query, HttpServletRequest request, Model model) {
        String q = query.strip();
        if (q.isEmpty()) {
            return "redirect:/help";
        }
        if (q.length() > MAX_QUERY) {
            q = q.substring(0, MAX_QUERY);
        }
        SupportedLanguage language = WalletDeskLocaleResolver.resolveLanguage(request);
        List<ArticleHit> hits = library.search(q, language, 20);
        model.addAttribute("q", q);
        model.addAttribute("hits", hits);
        return "knowledge/search";
    }

    @GetMapping("/help/{slug:[a-z0-9-]{1,80}}")
    String article(@PathVariable String slug, @RequestParam(name = "lang", required = false) String lang,
            HttpServletRequest request, Model model) {
        SupportedLanguage readerLanguage = WalletDeskLocaleResolver.resolveLanguage(request);
        SupportedLanguage wanted = Optional.ofNullable(lang).flatMap(SupportedLanguage::fromTag).orElse(readerLanguage);
        List<Article> versions = library.translations(slug).stream()
                .filter(a -> a.state() == ArticleState.PUBLISHED).toList();
        Article shown = versions.stream().filter(a -> a.language().equals(wanted.tag())).findFirst()
                .or(() -> versions.stream().filter(a -> a.language().equals(SupportedLanguage.EN.tag())).findFirst())
                .or(() -> versions.stream().findFirst())
                .orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        HelpArticle view = ArticleLibrary.view(shown);
        model.addAttribute("article", view);
        model.addAttribute("untranslated", !shown.language().equals(wanted.tag()));
        model.addAttribute("translations", versions.stream().filter(a -> a != shown)
                .sorted(Comparator.comparing(Article::language)).toList());
        model.addAttribute("related", library.related(shown, 5));
        return "knowledge/article";
    }

    @PostMapping("/help/{slug:[a-z0-9-]{1,80}}/vote")
    String vote(@PathVariable String slug, @RequestParam(name = "lang", defaultValue = "") String lang,
            @RequestParam(name = "helpful") String helpful, HttpServletRequest request, RedirectAttributes redirect) {
        SupportedLanguage language = SupportedLanguage.fromTag(lang)
                .orElse(WalletDeskLocaleResolver.resolveLanguage(request));
        Article article = library.translations(slug).stream()
                .filter(a -> a.state() == ArticleState.PUBLISHED && a.language().equals(language.tag())).findFirst()
                .orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        ClientInfo client = ClientInfo.from(request);
        // One vote per browser and address; the raw address is not kept.
        String voter = Digests.sha256(client.ip() + "|" + client.deviceId() + "|" + client.userAgent());
        try {
            library.vote(article.id(), voter, "yes".equals(helpful));
        } catch (DataAccessException | TransactionException failure) {
            if (!DatabaseOutage.isUnreachable(failure)) {
                throw failure;
            }
            // No flash attribute: it would need the session, which lives in the database that is away.
            return "redirect:/help/" + slug + "?lang=" + language.tag();
        }
        redirect.addFlashAttribute("voted", true);
        return "redirect:/help/" + slug + "?lang=" + language.tag() + "#vote";
    }
}
