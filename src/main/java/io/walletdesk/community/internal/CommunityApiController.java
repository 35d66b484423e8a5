package io.walletdesk.community.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.i18n.WalletDeskLocaleResolver;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The forum for the mobile app: reading and searching is public; posting needs a bearer token and goes through
 * the same safety pass, approval and rate limits as the pages.
 */
@RestController
@Tag(name = "Community", description = "The customer forum")
class CommunityApiController {

    private final CommunityStore store;
    private final ForumSearch search;
    private final Forum forum;

    CommunityApiController(CommunityStore store, ForumSearch search, Forum forum) {
        this.store = store;
        this.search = search;
        this.forum = forum;
    }

    /** A listed topic. {@code movedToPrivateSupport} topics show no posts. */
    record TopicSummary(long id, String title, String category, String language, int replies, boolean answered,
            boolean officialAnswer, boolean locked, boolean movedToPrivateSupport, Instant createdAt, Instant updatedAt,
            String url) {

        static TopicSummary of(Topic t) {
            return new TopicSummary(t.id(), t.title(), t.category().slug(), t.language(), t.replies(), t.answered(),
                    t.firstOfficialAt() != null, t.locked(), t.state() == TopicState.PRIVATE, t.createdAt(), t.updatedAt(),
                    "/community/topics/" + t.id());
        }
    }

    record TopicList(String language, String query, List<TopicSummary> topics) {
    }

    /** A public post; {@code lookAlikeWarning} when it names a contact that imitates one of ours. */
    record PostJson(long id, String author, boolean official, boolean accepted, String body, int votes,
            boolean lookAlikeWarning, Instant createdAt) {
    }

    record TopicDetail(TopicSummary topic, PostJson question, List<PostJson> replies) {
    }

    record NewTopic(String category, String language, String title, String body) {
    }

    record NewReply(String body) {
    }

    /** {@code held}: waits for a moderator; {@code masked}: kinds of personal data hidden before publishing. */
    record PostResult(long topicId, long postId, boolean held, List<String> masked, boolean lookAlikeWarning, String url) {
    }

    @GetMapping("/api/v1/community/topics")
    @Operation(summary = "Forum topics, newest activity first")
    TopicList topics(@RequestParam(name = "lang", required = false) String lang,
            @RequestParam(name = "q", required = false) String q,
            @RequestParam(name = "category", required = false) String category,
            @RequestParam(name = "limit", defaultValue = "20") int limit, HttpServletRequest request) {
        SupportedLanguage language = language(lang, request);
        int max = Math.max(1, Math.min(limit, 50));
        TopicCategory chosen = category == null || category.isBlank() ? null : TopicCategory.of(category)
                .orElseThrow(() -> ProblemException.forField("community-category-invalid", FailureKind.INVALID, "category"));
        if (q != null && !q.isBlank()) {
            if (q.length() > CommunityPageController.MAX_QUERY || q.indexOf('\u0000') >= 0) {
                throw ProblemException.forField("help-invalid-query", FailureKind.INVALID, "q");
            }
            List<TopicSummary> found = search.search(q.strip(), language, max).stream()
                    .map(hit -> store.topic(hit.topicId())).flatMap(Optional::stream)
                    .filter(t -> t.state().listed() && (chosen == null || t.category() == chosen))
                    .map(TopicSummary::of).toList();
            return new TopicList(language.tag(), q.strip(), found);
        }
        return new TopicList(language.tag(), null,
                store.listed(language.tag(), chosen, max).stream().map(TopicSummary::of).toList());
    }

    @GetMapping("/api/v1/community/topics/{id}")
    @Operation(summary = "A topic with its replies")
    TopicDetail topic(@PathVariable long id) {
        Topic topic = store.topic(id).filter(t -> t.state().listed()).orElseThrow(CommunityPageController::notFound);
        TopicPage page = TopicPage.of(topic, store.posts(id), null);
        return new TopicDetail(TopicSummary.of(topic), page.question() == null ? null : json(page.question()),
                page.replies().stream().map(CommunityApiController::json).toList());
    }

    @PostMapping("/api/v1/community/topics")
    @Operation(summary = "Start a topic")
    @ApiResponse(responseCode = "201", description = "Posted")
    ResponseEntity<PostResult> create(@AuthenticationPrincipal SignedInUser me, @RequestBody NewTopic body,
            HttpServletRequest request) {
        if (body == null) {
            throw ProblemException.forField("community-title-invalid", FailureKind.INVALID, "title", 5, Forum.MAX_TITLE);
        }
        return created(forum.startTopic(member(me), body.category(), body.language(), body.title(), body.body(),
                ClientInfo.from(request)));
    }

    @PostMapping("/api/v1/community/topics/{id}/replies")
    @Operation(summary = "Reply to a topic")
    @ApiResponse(responseCode = "201", description = "Posted")
    ResponseEntity<PostResult> reply(@AuthenticationPrincipal SignedInUser me, @PathVariable long id,
            @RequestBody NewReply body, HttpServletRequest request) {
        return created(forum.reply(member(me), id, body == null ? null : body.body(), ClientInfo.from(request)));
    }

    private static Member member(SignedInUser me) {
        if (me == null || me.restricted()) {
            throw new ProblemException("forbidden", FailureKind.FORBIDDEN);
        }
        return Member.of(me);
    }

    private static ResponseEntity<PostResult> created(Forum.Posted posted) {
        String url = "/community/topics/" + posted.topicId();
        return ResponseEntity.created(URI.create(url)).body(new PostResult(posted.topicId(), posted.postId(),
                posted.held(), posted.masked().stream().map(Enum::name).sorted().toList(), posted.lookAlike(), url));
    }

    private static PostJson json(TopicPage.PostView view) {
        Post p = view.post();
        return new PostJson(p.id(), p.authorName(), p.official(), view.accepted(), p.body(), p.votes(), p.lookAlike(),
                p.createdAt());
    }

    private static SupportedLanguage language(String lang, HttpServletRequest request) {
        if (lang == null || lang.isBlank()) {
            return WalletDeskLocaleResolver.resolveLanguage(request);
        }
        return SupportedLanguage.fromTag(lang)
                .orElseThrow(() -> ProblemException.forField("invalid-language", FailureKind.INVALID, "lang"));
    }
}
