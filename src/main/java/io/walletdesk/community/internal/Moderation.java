package io.walletdesk.community.internal;

import io.walletdesk.community.ReplyPublished;
import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What moderators (any staff member) do: approve held posts, dismiss flags, hide, lock, move and merge. All audited. */
@Service
class Moderation {

    private final CommunityStore store;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Moderation(CommunityStore store, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    List<Flag> queue() {
        return store.openFlags(200);
    }

    /** Publishes a held post (and its topic, when it is the question); its flags are resolved. */
    @Transactional
    void approve(Member by, long postId, ClientInfo client) {
        Post post = post(postId);
        Topic topic = store.lockTopic(post.topicId()).orElseThrow();
        Instant now = clock.instant();
        store.setPostState(postId, PostState.PUBLISHED);
        store.resolveFlags(postId, FlagReason.NEW_ACCOUNT, by.userId(), now);
        Topic updated = topic;
        if (post.opening() && topic.state() == TopicState.PENDING) {
            updated = topic.withState(TopicState.OPEN);
        }
        if (post.official() && !post.opening() && topic.firstOfficialAt() == null) {
            updated = updated.withFirstOfficial(now);
        }
        store.updateTopic(updated, now);
        record(by, "COMMUNITY_POST_APPROVED", post, client);
        if (!post.opening()) {
            events.publishEvent(new ReplyPublished(topic.id(), postId, post.official()));
        }
        events.publishEvent(new TopicChanged(topic.id()));
    }

    /** Hides a post (the question hides its topic); its flags are resolved. */
    @Transactional
    void hidePost(Member by, long postId, ClientInfo client) {
        Post post = post(postId);
        Topic topic = store.lockTopic(post.topicId()).orElseThrow();
        Instant now = clock.instant();
        store.setPostState(postId, PostState.HIDDEN);
        store.resolveFlags(postId, null, by.userId(), now);
        Topic updated = post.opening() && topic.state() != TopicState.PRIVATE ? topic.withState(TopicState.HIDDEN) : topic;
        if (Long.valueOf(postId).equals(topic.acceptedPostId())) {
            updated = updated.withAccepted(null);
        }
        store.updateTopic(updated, now);
        record(by, "COMMUNITY_POST_HIDDEN", post, client);
        events.publishEvent(new TopicChanged(topic.id()));
    }

    /** Leaves the post as it is and closes its open flags (a report or a warning that was wrong). */
    @Transactional
    void dismiss(Member by, long postId, ClientInfo client) {
        Post post = post(postId);
        if (post.state() == PostState.PENDING) {
            throw new ProblemException("community-still-held", FailureKind.CONFLICT);
        }
        store.resolveFlags(postId, null, by.userId(), clock.instant());
        record(by, "COMMUNITY_FLAGS_DISMISSED", post, client);
    }

    @Transactional
    void lock(Member by, long topicId, boolean locked, ClientInfo client) {
        Topic topic = topic(topicId);
        store.updateTopic(topic.withLocked(locked), clock.instant());
        audit(by, locked ? "COMMUNITY_TOPIC_LOCKED" : "COMMUNITY_TOPIC_UNLOCKED", topic, "", client);
    }

    @Transactional
    void move(Member by, long topicId, String category, ClientInfo client) {
        TopicCategory to = TopicCategory.of(category)
                .orElseThrow(() -> ProblemException.forField("community-category-invalid", FailureKind.INVALID, "category"));
        Topic topic = topic(topicId);
        store.updateTopic(topic.withCategory(to), clock.instant());
        audit(by, "COMMUNITY_TOPIC_MOVED", topic, "from=" + topic.category() + " to=" + to, client);
        events.publishEvent(new TopicChanged(topicId));
    }

    /** Moves every post of one topic into another open topic; the merged topic's page points to the target. */
    @Transactional
    void merge(Member by, long topicId, long targetId, ClientInfo client) {
        if (topicId == targetId) {
            throw ProblemException.forField("community-merge-invalid", FailureKind.INVALID, "target");
        }
        Topic first = topic(Math.min(topicId, targetId));
        Topic second = topic(Math.max(topicId, targetId)); // locked in id order: two merges cannot deadlock
        Topic topic = first.id() == topicId ? first : second;
        Topic target = first.id() == targetId ? first : second;
        if (topic.state() != TopicState.OPEN || target.state() != TopicState.OPEN) {
            throw ProblemException.forField("community-merge-invalid", FailureKind.INVALID, "target");
        }
        Instant now = clock.instant();
        store.movePosts(topicId, targetId);
        store.updateTopic(topic.mergedInto(targetId).withAccepted(null), now);
        Topic updated = target;
        if (target.firstOfficialAt() == null && topic.firstOfficialAt() != null) {
            updated = target.withFirstOfficial(topic.firstOfficialAt());
        }
        store.updateTopic(updated, now);
        audit(by, "COMMUNITY_TOPIC_MERGED", topic, "into=" + targetId, client);
        events.publishEvent(new TopicChanged(topicId));
        events.publishEvent(new TopicChanged(targetId));
    }

    private Post post(long postId) {
        return store.post(postId).orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
    }

    private Topic topic(long topicId) {
        return store.lockTopic(topicId).filter(t -> t.state() != TopicState.MERGED)
                .orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
    }

    private void record(Member by, String action, Post post, ClientInfo client) {
        audit.record(AuditEntry.of(action, by.userId(), by.role(), post.authorUserId(),
                "topic=" + post.topicId() + " post=" + post.id(), client));
    }

    private void audit(Member by, String action, Topic topic, String details, ClientInfo client) {
        audit.record(AuditEntry.of(action, by.userId(), by.role(), topic.authorUserId(),
                "topic=" + topic.id() + (details.isEmpty() ? "" : " " + details), client));
    }
}
