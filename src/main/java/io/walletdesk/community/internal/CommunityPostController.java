package io.walletdesk.community.internal;

import io.walletdesk.identity.SignedInUser;
import io.walletdesk.knowledge.ArticleHit;
import io.walletdesk.knowledge.HelpCentre;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.i18n.WalletDeskLocaleResolver;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.web.FormErrors;
import io.walletdesk.shared.web.HttpFailures;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What signed-in members do on the forum pages: write a topic (help articles are suggested first), reply, accept
 * an answer, vote, report, and move a topic to private support. Every form carries the CSRF token.
 */
@Controller
class CommunityPostController {

    private final Forum forum;
    private final PrivateSupport privateSupport;
    private final HelpCentre helpCentre;
    private final CommunityStore store;
    private final Clock clock;

    CommunityPostController(Forum forum, PrivateSupport privateSupport, HelpCentre helpCentre, CommunityStore store,
            Clock clock) {
        this.forum = forum;
        this.privateSupport = privateSupport;
        this.helpCentre = helpCentre;
        this.store = store;
        this.clock = clock;
    }

    @GetMapping("/community/new")
    String newTopic(@AuthenticationPrincipal SignedInUser me, @RequestParam(name = "category", required = false) String category,
            HttpServletRequest request, Model model) {
        TopicForm form = new TopicForm();
        form.setLanguage(WalletDeskLocaleResolver.resolveLanguage(request).tag());
        TopicCategory.of(category).ifPresent(c -> form.setCategory(c.slug()));
        return form(me, form, List.of(), model);
    }

    /**
     * Without {@code confirmed}, a topic whose title matches help articles first shows them (deflection, also
     * without JavaScript); the customer opens one or posts anyway.
     */
    @PostMapping("/community/topics")
    String create(@AuthenticationPrincipal SignedInUser me, @ModelAttribute("form") TopicForm form, BindingResult errors,
            @RequestParam(name = "confirmed", defaultValue = "false") boolean confirmed, HttpServletRequest request,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            if (!confirmed && form.getTitle() != null && form.getTitle().indexOf('\u0000') < 0) {
                SupportedLanguage language = SupportedLanguage.fromTag(form.getLanguage())
                        .orElse(WalletDeskLocaleResolver.resolveLanguage(request));
                List<ArticleHit> suggestions = helpCentre.search(Forum.text("title", form.getTitle(), 0, Forum.MAX_TITLE),
                        language, 3);
                if (!suggestions.isEmpty()) {
                    model.addAttribute("confirming", true);
                    return form(me, form, suggestions, model);
                }
            }
            Forum.Posted posted = forum.startTopic(Member.of(me), form.getCategory(), form.getLanguage(), form.getTitle(),
                    form.getBody(), ClientInfo.from(request));
            return posted(posted, redirect);
        } catch (ProblemException problem) {
            FormErrors.apply(problem, errors);
            response.setStatus(HttpFailures.status(problem).value());
            return form(me, form, List.of(), model);
        }
    }

    @PostMapping("/community/topics/{id:\\d{1,18}}/replies")
    String reply(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestParam(name = "body", required = false) String body, HttpServletRequest request,
            RedirectAttributes redirect) {
        try {
            return posted(forum.reply(Member.of(me), id, body, ClientInfo.from(request)), redirect);
        } catch (ProblemException problem) {
            if (problem.kind() == FailureKind.NOT_FOUND) {
                throw problem;
            }
            redirect.addFlashAttribute("replyError", "problem." + problem.code() + ".detail");
            redirect.addFlashAttribute("replyErrorArgs", problem.args());
            redirect.addFlashAttribute("replyDraft", body == null ? "" : body.replace("\u0000", ""));
            return "redirect:/community/topics/" + id + "#reply";
        }
    }

    @PostMapping("/community/topics/{id:\\d{1,18}}/accept")
    String accept(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, @RequestParam(name = "postId") long postId,
            HttpServletRequest request) {
        forum.accept(Member.of(me), id, postId, ClientInfo.from(request));
        return "redirect:/community/topics/" + id + "#post-" + postId;
    }

    @PostMapping("/community/topics/{id:\\d{1,18}}/private")
    String moveToPrivate(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, HttpServletRequest request,
            RedirectAttributes redirect) {
        privateSupport.moveToPrivate(Member.of(me), id, ClientInfo.from(request));
        redirect.addFlashAttribute("movedToPrivate", true);
        return "redirect:/community/topics/" + id;
    }

    @PostMapping("/community/posts/{id:\\d{1,18}}/vote")
    String vote(@AuthenticationPrincipal SignedInUser me, @PathVariable long id, RedirectAttributes redirect) {
        boolean counted = forum.vote(Member.of(me), id);
        redirect.addFlashAttribute(counted ? "voted" : "notVoted", id);
        return "redirect:/community/topics/" + topicOf(id) + "#post-" + id;
    }

    @PostMapping("/community/posts/{id:\\d{1,18}}/report")
    String report(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestParam(name = "reason", required = false) String reason, HttpServletRequest request,
            RedirectAttributes redirect) {
        forum.report(Member.of(me), id, reason, ClientInfo.from(request));
        redirect.addFlashAttribute("reported", id);
        return "redirect:/community/topics/" + topicOf(id) + "#post-" + id;
    }

    /** A help article opened from the suggestions while writing a topic: counted, then shown. */
    @GetMapping("/community/deflect/{slug:[a-z0-9-]{1,80}}")
    String deflect(@PathVariable String slug, @RequestParam(name = "lang", required = false) String lang,
            @AuthenticationPrincipal SignedInUser me, HttpServletRequest request) {
        SupportedLanguage language = SupportedLanguage.fromTag(lang).orElse(WalletDeskLocaleResolver.resolveLanguage(request));
        helpCentre.article(slug, language).orElseThrow(CommunityPageController::notFound);
        store.deflected(slug, language.tag(), me == null ? null : me.userId(), clock.instant());
        return "redirect:/help/" + slug + "?lang=" + language.tag();
    }

    private long topicOf(long postId) {
        return store.post(postId).map(Post::topicId).orElseThrow(CommunityPageController::notFound);
    }

    private String posted(Forum.Posted posted, RedirectAttributes redirect) {
        redirect.addFlashAttribute("held", posted.held());
        redirect.addFlashAttribute("maskedKeys", posted.masked().stream().map(PersonalData::messageKey).sorted().toList());
        redirect.addFlashAttribute("lookAlike", posted.lookAlike());
        return "redirect:/community/topics/" + posted.topicId() + "#post-" + posted.postId();
    }

    private String form(SignedInUser me, TopicForm form, List<ArticleHit> suggestions, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("suggestions", suggestions);
        model.addAttribute("categories", java.util.Arrays.stream(TopicCategory.values())
                .filter(c -> !c.staffOnly() || me.isStaff()).toList());
        return "community/new";
    }
}
