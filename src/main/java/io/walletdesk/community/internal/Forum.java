package io.walletdesk.community.internal;

import io.walletdesk.community.ReplyPublished;
import io.walletdesk.community.TopicStarted;
import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.Accounts;
import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.ratelimit.RateLimiter;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What members do in the forum: start topics, reply, accept an answer, vote and report. Every text passes
 * {@link PostScreening} before it is stored; the first post of a new account waits for a moderator; posting is
 * rate-limited per account; everything is audited.
 */
@Service
class Forum {

    static final int MAX_TITLE = 200;
    static final int MAX_BODY = 5_000;

    /** The outcome of a post: where it went, whether it waits for approval, what was masked, whether it warns. */
    record Posted(long topicId, long postId, boolean held, Set<PersonalData> masked, boolean lookAlike) {
    }

    private final CommunityStore store;
    private final PostScreening screening;
    private final Follows follows;
    private final Accounts accounts;
    private final RateLimiter limits;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Duration newAccountAge;

    Forum(CommunityStore store, PostScreening screening, Follows follows, Accounts accounts, RateLimiter limits, AuditTrail audit,
            ApplicationEventPublisher events, Clock clock,
            @Value("${walletdesk.community.new-account-age:P7D}") Duration newAccountAge) {
        this.store = store;
        this.screening = screening;
        this.follows = follows;
        this.accounts = accounts;
        this.limits = limits;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.newAccountAge = newAccountAge;
    }

    @Transactional
    Posted startTopic(Member by, String category, String language, String title, String body, ClientInfo client) {
        TopicCategory where = TopicCategory.of(category)
                .orElseThrow(() -> ProblemException.forField("community-category-invalid", FailureKind.INVALID, "category"));
        if (where.staffOnly() && !by.staff()) {
            throw ProblemException.forField("community-category-invalid", FailureKind.INVALID, "category");
        }
        SupportedLanguage lang = SupportedLanguage.fromTag(language)
                .orElseThrow(() -> ProblemException.forField("invalid-language", FailureKind.INVALID, "language"));
        String cleanTitle = text("title", title, 5, MAX_TITLE);
        String cleanBody = text("body", body, 1, MAX_BODY);
        limit(by, "topic", 5);
        Instant now = clock.instant();
        PostScreening.Screened screenedTitle = screening.screen(cleanTitle);
        PostScreening.Screened screened = screening.screen(cleanBody);
        boolean held = mustWait(by);
        long topicId = store.insertTopic(where, lang.tag(), screenedTitle.text(), by.userId(),
                held ? TopicState.PENDING : TopicState.OPEN, now);
        Posted posted = store(by, topicId, true, screenedTitle, screened, held, now);
        audit.record(AuditEntry.of("COMMUNITY_TOPIC_STARTED", by.userId(), by.role(), by.userId(),
                "topic=" + topicId + " category=" + where.name() + " lang=" + lang.tag() + " held=" + held
                        + " masked=" + posted.masked() + " lookAlike=" + posted.lookAlike(), client));
        follows.follow(by, topicId, true); // the asker hears about answers; one click stops it
        events.publishEvent(new TopicStarted(topicId, by.userId(), lang.tag(), held));
        events.publishEvent(new TopicChanged(topicId));
        return posted;
    }

    @Transactional
    Posted reply(Member by, long topicId, String body, ClientInfo client) {
        String cleanBody = text("body", body, 1, MAX_BODY);
        Topic topic = store.lockTopic(topicId).filter(t -> t.state() == TopicState.OPEN)
                .orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        if (topic.locked() && !by.staff()) {
            throw new ProblemException("community-locked", FailureKind.CONFLICT);
        }
        limit(by, "reply", 20);
        Instant now = clock.instant();
        boolean held = mustWait(by);
        Posted posted = store(by, topicId, false, null, screening.screen(cleanBody), held, now);
        Topic updated = topic;
        if (by.staff() && !held && topic.firstOfficialAt() == null) {
            updated = topic.withFirstOfficial(now);
        }
        store.updateTopic(updated, now);
        audit.record(AuditEntry.of("COMMUNITY_REPLY_POSTED", by.userId(), by.role(), topic.authorUserId(),
                "topic=" + topicId + " post=" + posted.postId() + " official=" + by.staff() + " held=" + held
                        + " masked=" + posted.masked() + " lookAlike=" + posted.lookAlike(), client));
        if (!held) {
            events.publishEvent(new ReplyPublished(topicId, posted.postId(), by.staff()));
        }
        events.publishEvent(new TopicChanged(topicId));
        return posted;
    }

    /** The asker or staff mark one public reply as the answer. */
    @Transactional
    void accept(Member by, long topicId, long postId, ClientInfo client) {
        Topic topic = store.lockTopic(topicId).filter(t -> t.state() == TopicState.OPEN)
                .orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        if (!by.staff() && by.userId() != topic.authorUserId()) {
            throw new ProblemException("forbidden", FailureKind.FORBIDDEN);
        }
        Post post = store.post(postId).filter(p -> p.topicId() == topicId && !p.opening() && p.state() == PostState.PUBLISHED)
                .orElseThrow(() -> ProblemException.forField("not-found", FailureKind.NOT_FOUND, "postId"));
        store.updateTopic(topic.withAccepted(post.id()), clock.instant());
        audit.record(AuditEntry.of("COMMUNITY_ANSWER_ACCEPTED", by.userId(), by.role(), topic.authorUserId(),
                "topic=" + topicId + " post=" + postId, client));
    }

    /** One vote per account and public post; own posts cannot be voted for. */
    @Transactional
    boolean vote(Member by, long postId) {
        Post post = store.post(postId).filter(p -> p.state() == PostState.PUBLISHED)
                .orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        if (post.authorUserId() == by.userId()) {
            return false;
        }
        return store.vote(postId, by.userId(), clock.instant());
    }

    /** A reader reports a public post: it joins the moderation queue. */
    @Transactional
    void report(Member by, long postId, String reason, ClientInfo client) {
        Post post = store.post(postId).filter(p -> p.state() == PostState.PUBLISHED)
                .orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        String why = reason == null ? "" : text("reason", reason, 0, 300);
        limit(by, "report", 20);
        store.flag(postId, FlagReason.REPORTED, why, by.userId(), clock.instant());
        audit.record(AuditEntry.of("COMMUNITY_POST_REPORTED", by.userId(), by.role(), post.authorUserId(),
                "topic=" + post.topicId() + " post=" + postId, client));
    }

    private Posted store(Member by, long topicId, boolean opening, PostScreening.Screened title,
            PostScreening.Screened body, boolean held, Instant now) {
        Set<PersonalData> masked = java.util.EnumSet.noneOf(PersonalData.class);
        masked.addAll(body.masked());
        java.util.List<PostScreening.Imitation> imitations = new java.util.ArrayList<>(body.imitations());
        if (title != null) {
            masked.addAll(title.masked());
            imitations.addAll(title.imitations());
        }
        long postId = store.insertPost(topicId, by.userId(), by.publicName(), by.staff(), opening, body.text(),
                held ? PostState.PENDING : PostState.PUBLISHED, masked, !imitations.isEmpty(), now);
        if (held) {
            store.flag(postId, FlagReason.NEW_ACCOUNT, "", null, now);
        }
        for (PostScreening.Imitation imitation : imitations) {
            store.flag(postId, FlagReason.LOOK_ALIKE, imitation.written() + " (" + imitation.normalized() + ") ~ "
                    + imitation.imitates(), null, now);
        }
        return new Posted(topicId, postId, held, Set.copyOf(masked), !imitations.isEmpty());
    }

    /** Staff never wait; a customer waits until they have one approved post, if their account is new. */
    private boolean mustWait(Member by) {
        if (by.staff() || store.hasPublished(by.userId())) {
            return false;
        }
        Instant created = accounts.find(by.userId()).map(AccountView::createdAt).orElse(Instant.EPOCH);
        return created.isAfter(clock.instant().minus(newAccountAge));
    }

    private void limit(Member by, String what, int perHour) {
        RateLimiter.Decision decision = limits.hit("community-" + what + ":" + by.userId(), by.staff() ? perHour * 10 : perHour,
                Duration.ofHours(1));
        if (!decision.allowed()) {
            throw new ProblemException("community-rate-limited", FailureKind.RATE_LIMITED, null,
                    new Object[] {Math.max(1, (decision.retryAfterSeconds() + 59) / 60)},
                    java.util.Map.of("retryAfterSeconds", decision.retryAfterSeconds()));
        }
    }

    /** Stripped text of {@code min} to {@code max} characters without U+0000, else a 400 naming the field. */
    static String text(String field, String value, int min, int max) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw ProblemException.forField("text-nul", FailureKind.INVALID, field);
        }
        String stripped = value == null ? "" : value.strip();
        if (stripped.length() < min || stripped.length() > max) {
            throw ProblemException.forField("community-" + field + "-invalid", FailureKind.INVALID, field, min, max);
        }
        return stripped;
    }
}
