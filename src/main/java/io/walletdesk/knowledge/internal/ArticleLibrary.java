package io.walletdesk.knowledge.internal;

import io.walletdesk.knowledge.ArticleHit;
import io.walletdesk.knowledge.HelpArticle;
import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.db.DatabaseOutage;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Articles and their lifecycle (draft, published, archived, with every revision kept), reading and voting,
 * and this node's search index. Edits reach the local index right after commit; other nodes pick them up
 * within {@link #SYNC_EVERY} by polling {@code updated_at}, so no broker is needed between nodes.
 *
 * <p>Next to the index, every node keeps a copy of the published articles in memory, kept in step the same
 * way. When the database cannot be reached, readers get the articles from this copy: the help centre is what
 * customers need most exactly when the rest is down.
 */
@Service
class ArticleLibrary {

    static final Duration SYNC_EVERY = Duration.ofSeconds(30);

    /** After a connection failure, readers go straight to the copy for this long instead of waiting for the pool. */
    static final Duration RETRY_DATABASE_AFTER = Duration.ofSeconds(5);

    private final ArticleStore store;
    private final AuditTrail audit;
    private final Clock clock;
    private final DatabaseOutage outage;
    private final SearchIndex index = new SearchIndex();
    /** The published articles by id: what readers get while the database is away. */
    private final Map<Long, Article> copy = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> syncedUpTo = new AtomicReference<>(Instant.EPOCH);

    ArticleLibrary(ArticleStore store, AuditTrail audit, Clock clock, DatabaseOutage outage) {
        this.store = store;
        this.audit = audit;
        this.clock = clock;
        this.outage = outage;
    }

    /** Reads from the database, or from the local copy when the database cannot be reached. */
    private <T> T read(Supplier<T> database, Supplier<T> local) {
        if (outage.seenWithin(RETRY_DATABASE_AFTER)) {
            return local.get();
        }
        try {
            T result = database.get();
            outage.noteSuccess();
            return result;
        } catch (DataAccessException | TransactionException failure) {
            if (!outage.noteFailure(failure)) {
                throw failure;
            }
            return local.get();
        }
    }

    private List<Article> copied(Predicate<Article> which) {
        return copy.values().stream().filter(which).toList();
    }

    private void keep(Article article) {
        if (article.state() == ArticleState.PUBLISHED) {
            copy.put(article.id(), article);
        } else {
            copy.remove(article.id());
        }
    }

    List<ArticleHit> search(String query, SupportedLanguage language, int limit) {
        return index.search(query, language, limit);
    }

    Optional<HelpArticle> published(String slug, SupportedLanguage language) {
        return read(() -> store.find(slug, language.tag()),
                () -> copied(a -> a.slug().equals(slug) && a.language().equals(language.tag())).stream().findFirst())
                .filter(a -> a.state() == ArticleState.PUBLISHED).map(ArticleLibrary::view);
    }

    static HelpArticle view(Article a) {
        return new HelpArticle(a.id(), a.slug(), a.language(), a.title(), a.summary(), a.category(), a.tagList(),
                MarkdownText.html(a.bodyMarkdown()), a.updatedAt(), a.helpfulYes(), a.helpfulNo());
    }

    List<Article> publishedIn(SupportedLanguage language) {
        return read(() -> store.published(language.tag()), () -> copied(a -> a.language().equals(language.tag())).stream()
                .sorted(Comparator.comparing(Article::title)).toList());
    }

    /** Other published articles of the same category and language, by title. */
    List<Article> related(Article article, int limit) {
        return read(() -> store.related(article.slug(), article.language(), article.category(), limit),
                () -> copied(a -> a.language().equals(article.language()) && a.category().equals(article.category())
                        && !a.slug().equals(article.slug())).stream()
                        .sorted(Comparator.comparing(Article::title)).limit(limit).toList());
    }

    /** Every language version of the article, in any state: readers filter to published ones. */
    List<Article> translations(String slug) {
        return read(() -> store.translations(slug), () -> copied(a -> a.slug().equals(slug)).stream()
                .sorted(Comparator.comparing(Article::language)).toList());
    }

    /** Whether readers are being served from the local copy right now. */
    boolean fromCopy() {
        return outage.seenWithin(RETRY_DATABASE_AFTER);
    }

    Optional<Article> find(long id) {
        return store.find(id);
    }

    List<Article> list(String language, ArticleState state, int limit) {
        return store.list(language, state, limit);
    }

    List<ArticleStore.Revision> revisions(long id) {
        return store.revisions(id);
    }

    /** A new article (or a new translation of an existing slug) starts as a draft. */
    @Transactional
    long create(ArticleDraft draft, long by, ClientInfo client) {
        if (store.find(draft.slug(), draft.language().tag()).isPresent()) {
            throw ProblemException.forField("help-slug-taken", FailureKind.CONFLICT, "slug");
        }
        long id;
        try {
            id = store.insert(draft, ArticleState.DRAFT, by, clock.instant());
        } catch (DuplicateKeyException raced) {
            throw ProblemException.forField("help-slug-taken", FailureKind.CONFLICT, "slug");
        }
        audit.record(AuditEntry.of("HELP_ARTICLE_CREATED", by, null, null, draft.slug() + "/" + draft.language().tag(), client));
        reindexAfterCommit(id);
        return id;
    }

    /** Saves new text as the next revision; a published article stays published with the new text. */
    @Transactional
    void edit(long id, int expectedRevision, ArticleDraft draft, long by, ClientInfo client) {
        Article current = store.find(id).orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        if (!current.slug().equals(draft.slug()) || !current.language().equals(draft.language().tag())) {
            throw ProblemException.forField("help-slug-fixed", FailureKind.INVALID, "slug");
        }
        if (!store.updateText(id, expectedRevision, draft, by, clock.instant())) {
            throw new ProblemException("help-edit-conflict", FailureKind.CONFLICT);
        }
        audit.record(AuditEntry.of("HELP_ARTICLE_EDITED", by, null, null, current.slug() + "/" + current.language(), client));
        reindexAfterCommit(id);
    }

    @Transactional
    void changeState(long id, ArticleState state, long by, ClientInfo client) {
        Article current = store.find(id).orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        if (current.state() == state) {
            return;
        }
        store.changeState(id, state, by, clock.instant());
        audit.record(AuditEntry.of("HELP_ARTICLE_" + state.name(), by, null, null,
                current.slug() + "/" + current.language(), client));
        reindexAfterCommit(id);
    }

    /** Makes an old revision's text the newest revision; the state is kept. */
    @Transactional
    void restore(long id, int revision, long by, ClientInfo client) {
        Article current = store.find(id).orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        ArticleStore.Revision old = store.revisions(id).stream().filter(r -> r.revision() == revision).findFirst()
                .orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        ArticleDraft draft = new ArticleDraft(current.slug(), SupportedLanguage.fromTag(current.language()).orElseThrow(),
                old.title(), old.summary(), old.category(), old.tags(), old.bodyMarkdown());
        edit(id, current.revision(), draft, by, client);
    }

    /** Counts one vote per reader; returns false if this reader had voted already. */
    @Transactional
    boolean vote(long articleId, String voter, boolean helpful) {
        try {
            return store.vote(articleId, voter, helpful, clock.instant());
        } catch (DuplicateKeyException raced) {
            return false;
        }
    }

    /** Shipped content: inserted once as published; never overwrites what staff changed since. */
    @Transactional
    boolean importShipped(ArticleDraft draft) {
        Optional<Article> existing = store.find(draft.slug(), draft.language().tag());
        if (existing.isPresent()) {
            refreshUntouched(existing.get(), draft);
            return false;
        }
        try {
            store.insert(draft, ArticleState.PUBLISHED, null, clock.instant());
            return true;
        } catch (DuplicateKeyException anotherNodeWasFaster) {
            return false;
        }
    }

    /**
     * A shipped article that no person ever edited follows the shipped text (e.g. the formal Indonesian of
     * issue 17) as a new revision; one staff revision and the article is theirs for good.
     */
    private void refreshUntouched(Article article, ArticleDraft shipped) {
        boolean same = article.title().equals(shipped.title()) && article.summary().equals(shipped.summary())
                && article.category().equals(shipped.category()) && article.tags().equals(shipped.tags())
                && article.bodyMarkdown().equals(shipped.bodyMarkdown());
        if (same || article.state() != ArticleState.PUBLISHED
                || store.revisions(article.id()).stream().anyMatch(r -> r.editedBy() != null)) {
            return;
        }
        store.updateText(article.id(), article.revision(), shipped, null, clock.instant());
    }

    private void reindexAfterCommit(long id) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reindex(id);
                }
            });
        } else {
            reindex(id);
        }
    }

    private void reindex(long id) {
        store.find(id).ifPresent(article -> {
            index.put(article);
            keep(article);
        });
        index.refresh();
    }

    /** Builds this node's index from the database. */
    void rebuildIndex() {
        Instant started = clock.instant();
        List<Article> all = store.all();
        index.clear();
        all.forEach(index::put);
        index.refresh();
        copy.clear();
        all.forEach(this::keep);
        syncedUpTo.set(all.stream().map(Article::updatedAt).max(Instant::compareTo).orElse(started));
    }

    /** Node-local: every node keeps its own index, so this deliberately runs on each of them (no lock). */
    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    void catchUp() {
        Instant since = syncedUpTo.get().minus(Duration.ofMinutes(2));
        List<Article> changed;
        try {
            changed = store.changedSince(since);
        } catch (DataAccessException | TransactionException failure) {
            if (outage.noteFailure(failure)) {
                return; // the copy stays as it is until the database is back
            }
            throw failure;
        }
        if (changed.isEmpty()) {
            return;
        }
        changed.forEach(index::put);
        changed.forEach(this::keep);
        index.refresh();
        changed.stream().map(Article::updatedAt).max(Instant::compareTo)
                .ifPresent(max -> syncedUpTo.accumulateAndGet(max, (a, b) -> a.isAfter(b) ? a : b));
    }

    int indexedCount() {
        return index.size();
    }
}
