package io.walletdesk.knowledge.internal;

import io.walletdesk.identity.Role;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.shared.web.HttpFailures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The article editor. Agents write and edit drafts; supervisors also publish, archive, edit live articles and
 * restore old revisions (as in Zendesk Guide, where publishing is a separate permission).
 */
@Controller
class StaffHelpController {

    private final ArticleLibrary library;

    StaffHelpController(ArticleLibrary library) {
        this.library = library;
    }

    /** What the editor form holds; kept as typed when a field is rejected. */
    record Form(Long id, int revision, String slug, String language, String title, String summary, String category,
            String tags, String body) {
        static Form empty(String slug, String language) {
            return new Form(null, 0, slug, language, "", "", Category.GETTING_HELP.id(), "", "");
        }

        static Form of(Article a) {
            return new Form(a.id(), a.revision(), a.slug(), a.language(), a.title(), a.summary(), a.category(), a.tags(),
                    a.bodyMarkdown());
        }
    }

    @GetMapping("/staff/help")
    String list(@RequestParam(name = "lang", defaultValue = "") String lang,
            @RequestParam(name = "state", defaultValue = "") String state, Model model) {
        String language = SupportedLanguage.fromTag(lang).map(SupportedLanguage::tag).orElse(null);
        ArticleState wanted = ArticleState.named(state).orElse(null);
        model.addAttribute("articles", library.list(language, wanted, 500));
        model.addAttribute("lang", language == null ? "" : language);
        model.addAttribute("state", wanted == null ? "" : wanted.name());
        model.addAttribute("states", ArticleState.values());
        model.addAttribute("languages", SupportedLanguage.values());
        return "knowledge/staff-list";
    }

    @GetMapping("/staff/help/new")
    String newForm(@RequestParam(name = "from", required = false) Long from,
            @RequestParam(name = "lang", defaultValue = "en") String lang, Model model) {
        Form form = Form.empty("", SupportedLanguage.fromTag(lang).orElse(SupportedLanguage.EN).tag());
        if (from != null) {
            // A translation starts from the source text, so the translator sees what to translate.
            Article source = library.find(from).orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
            form = new Form(null, 0, source.slug(), form.language(), source.title(), source.summary(), source.category(),
                    source.tags(), source.bodyMarkdown());
        }
        return editor(form, model);
    }

    @PostMapping("/staff/help")
    String create(@AuthenticationPrincipal SignedInUser me, Form form, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        try {
            ArticleDraft draft = ArticleDraft.validated(form.slug(), form.language(), form.title(), form.summary(),
                    form.category(), form.tags(), form.body());
            long id = library.create(draft, me.userId(), ClientInfo.from(request));
            return "redirect:/staff/help/" + id;
        } catch (ProblemException problem) {
            return rejected(problem, form, response, model);
        }
    }

    @GetMapping("/staff/help/{id}")
    String edit(@PathVariable long id, Model model) {
        Article article = library.find(id).orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        return editor(Form.of(article), model);
    }

    @PostMapping("/staff/help/{id}")
    String save(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, Form form, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Article current = library.find(id).orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        Form submitted = new Form(id, form.revision(), current.slug(), current.language(), form.title(), form.summary(),
                form.category(), form.tags(), form.body());
        try {
            if (current.state() != ArticleState.DRAFT) {
                requireSupervisor(me);
            }
            ArticleDraft draft = ArticleDraft.validated(current.slug(), current.language(), form.title(), form.summary(),
                    form.category(), form.tags(), form.body());
            library.edit(id, form.revision(), draft, me.userId(), ClientInfo.from(request));
            redirect.addFlashAttribute("notice", "help.staff.saved");
            return "redirect:/staff/help/" + id;
        } catch (ProblemException problem) {
            return rejected(problem, submitted, response, model);
        }
    }

    @PostMapping("/staff/help/{id}/state")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String changeState(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @RequestParam String state,
            HttpServletRequest request, RedirectAttributes redirect) {
        ArticleState target = ArticleState.named(state).orElseThrow(() -> ProblemException.forField("help-invalid-state", FailureKind.INVALID, "state"));
        library.changeState(id, target, me.userId(), ClientInfo.from(request));
        redirect.addFlashAttribute("notice", "help.staff.state." + target.name());
        return "redirect:/staff/help/" + id;
    }

    @PostMapping("/staff/help/{id}/restore")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String restore(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @RequestParam int revision,
            HttpServletRequest request, RedirectAttributes redirect) {
        library.restore(id, revision, me.userId(), ClientInfo.from(request));
        redirect.addFlashAttribute("notice", "help.staff.restored");
        return "redirect:/staff/help/" + id;
    }

    private String editor(Form form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("categories", Arrays.stream(Category.values()).map(Category::id).toList());
        model.addAttribute("languages", SupportedLanguage.values());
        if (form.id() != null) {
            Article article = library.find(form.id()).orElseThrow();
            model.addAttribute("article", article);
            model.addAttribute("revisions", library.revisions(form.id()));
            List<Article> translations = library.translations(article.slug());
            model.addAttribute("translations", translations);
            model.addAttribute("missingLanguages", Arrays.stream(SupportedLanguage.values())
                    .filter(l -> translations.stream().noneMatch(t -> t.language().equals(l.tag()))).toList());
        }
        if (form.body() != null && !form.body().isBlank()) {
            model.addAttribute("preview", MarkdownText.html(form.body()));
        }
        return "knowledge/staff-edit";
    }

    private String rejected(ProblemException problem, Form form, HttpServletResponse response, Model model) {
        if (HttpFailures.status(problem) == HttpStatus.NOT_FOUND || HttpFailures.status(problem) == HttpStatus.FORBIDDEN) {
            throw problem;
        }
        response.setStatus(HttpFailures.status(problem).value());
        model.addAttribute("error", "problem." + problem.code() + ".detail");
        model.addAttribute("errorField", problem.field());
        return editor(form, model);
    }

    private static void requireSupervisor(SignedInUser me) {
        if (me.role() != Role.SUPERVISOR && me.role() != Role.ADMIN) {
            throw new ProblemException("forbidden", FailureKind.FORBIDDEN);
        }
    }
}
