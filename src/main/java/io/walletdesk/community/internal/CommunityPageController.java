package io.walletdesk.community.internal;

import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.i18n.WalletDeskLocaleResolver;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public forum pages: server-rendered, readable by anyone without sign-in or JavaScript, phone-first. Topics
 * are listed in the reader's language by default; {@code lang=all} lists every language.
 */
@Controller
class CommunityPageController {

    static final int MAX_QUERY = 200;

    private final CommunityStore store;
    private final ForumSearch search;
    private final Follows follows;

    CommunityPageController(CommunityStore store, ForumSearch search, Follows follows) {
        this.store = store;
        this.search = search;
        this.follows = follows;
    }

    /** The language filter: a supported language, or null for all. */
    record LanguageFilter(SupportedLanguage language, String value) {

        static LanguageFilter of(String lang, HttpServletRequest request) {
            if ("all".equals(lang)) {
                return new LanguageFilter(null, "all");
            }
            SupportedLanguage language = Optional.ofNullable(lang).flatMap(SupportedLanguage::fromTag)
                    .orElse(WalletDeskLocaleResolver.resolveLanguage(request));
            return new LanguageFilter(language, language.tag());
        }
    }

    @GetMapping("/community")
    String home(@RequestParam(name = "lang", required = false) String lang,
            @RequestParam(name = "category", required = false) String category, HttpServletRequest request, Model model) {
        LanguageFilter filter = LanguageFilter.of(lang, request);
        TopicCategory chosen = category == null ? null : TopicCategory.of(category).orElse(null);
        model.addAttribute("filter", filter);
        model.addAttribute("categories", TopicCategory.values());
        model.addAttribute("category", chosen);
        model.addAttribute("topics", store.listed(filter.language() == null ? null : filter.language().tag(), chosen, 50));
        return "community/home";
    }

    @GetMapping("/community/search")
    String search(@RequestParam(name = "q", defaultValue = "") String query,
            @RequestParam(name = "lang", required = false) String lang, HttpServletRequest request, Model model) {
        String q = query.replace("\u0000", "").strip();
        if (q.length() > MAX_QUERY) {
            q = q.substring(0, MAX_QUERY);
        }
        LanguageFilter filter = LanguageFilter.of(lang, request);
        List<ForumSearch.Hit> hits = List.of();
        if (!q.isEmpty()) {
            if (filter.language() == null) {
                String text = q;
                hits = java.util.Arrays.stream(SupportedLanguage.values())
                        .flatMap(l -> search.search(text, l, 20).stream()).limit(30).toList();
            } else {
                hits = search.search(q, filter.language(), 20);
            }
        }
        model.addAttribute("q", q);
        model.addAttribute("filter", filter);
        model.addAttribute("hits", hits);
        return "community/search";
    }

    @GetMapping("/community/topics/{id:\\d{1,18}}")
    String topic(@PathVariable long id, @AuthenticationPrincipal SignedInUser me, Model model) {
        Member reader = me == null || me.restricted() ? null : Member.of(me);
        Topic topic = store.topic(id).orElseThrow(CommunityPageController::notFound);
        if (topic.state() == TopicState.MERGED && topic.mergedInto() != null) {
            return "redirect:/community/topics/" + topic.mergedInto();
        }
        boolean staff = reader != null && reader.staff();
        boolean author = reader != null && reader.userId() == topic.authorUserId();
        if ((topic.state() == TopicState.HIDDEN && !staff) || (topic.state() == TopicState.PENDING && !staff && !author)) {
            throw notFound();
        }
        model.addAttribute("page", TopicPage.of(topic, store.posts(id), reader));
        model.addAttribute("categories", TopicCategory.values());
        model.addAttribute("following", reader != null && follows.following(reader.userId(), id));
        return "community/topic";
    }

    static ProblemException notFound() {
        return new ProblemException("not-found", FailureKind.NOT_FOUND);
    }
}
