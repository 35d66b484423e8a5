package io.walletdesk.community.internal;

import io.walletdesk.knowledge.LanguageTextIndex;
import io.walletdesk.shared.db.DatabaseOutage;
import io.walletdesk.shared.i18n.SupportedLanguage;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Forum search with the help centre's analysis and typo tolerance ({@link LanguageTextIndex}): a topic's title and
 * public posts, in the topic's language. Topics moved to private support are found by title only. Every node keeps
 * its own index: built at start-up, updated after each change's commit, and caught up from the database every
 * 30 seconds for changes made on other nodes.
 */
@Service
class ForumSearch {

    /** One search result. {@code snippetHtml} is escaped text with the matched words in {@code <mark>}. */
    record Hit(long topicId, String title, String language, String category, String snippetHtml) {
    }

    private final LanguageTextIndex index = new LanguageTextIndex();
    private final CommunityStore store;
    private final DatabaseOutage outage;
    private final Clock clock;
    private final AtomicReference<Instant> syncedUpTo = new AtomicReference<>(Instant.EPOCH);

    ForumSearch(CommunityStore store, DatabaseOutage outage, Clock clock) {
        this.store = store;
        this.outage = outage;
        this.clock = clock;
    }

    List<Hit> search(String query, SupportedLanguage language, int limit) {
        return index.search(query, language, limit).stream()
                .map(m -> new Hit(Long.parseLong(m.key()), m.title(), m.language(), m.stored().get("category"),
                        m.snippetHtml()))
                .toList();
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuild() {
        syncedUpTo.set(Instant.EPOCH);
        catchUp();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void changed(TopicChanged event) {
        store.topic(event.topicId()).ifPresent(this::put);
        index.refresh();
    }

    /** Node-local: every node keeps its own index, so this deliberately runs on each of them (no lock). */
    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT30S")
    void catchUp() {
        Instant started = clock.instant();
        Instant since = syncedUpTo.get().equals(Instant.EPOCH) ? Instant.EPOCH : syncedUpTo.get().minus(Duration.ofMinutes(2));
        List<Topic> changed;
        try {
            changed = store.changedSince(since);
            changed.forEach(this::put);
        } catch (DataAccessException | TransactionException failure) {
            if (outage.noteFailure(failure)) {
                return; // the index stays as it is until the database is back
            }
            throw failure;
        }
        index.refresh();
        Instant newest = changed.stream().map(Topic::updatedAt).max(Instant::compareTo).orElse(started);
        syncedUpTo.accumulateAndGet(newest.isAfter(started) ? started : newest, (a, b) -> a.isAfter(b) ? a : b);
    }

    private void put(Topic topic) {
        String key = Long.toString(topic.id());
        if (!topic.state().listed()) {
            index.remove(key);
            return;
        }
        SupportedLanguage language = SupportedLanguage.fromTag(topic.language()).orElse(SupportedLanguage.EN);
        String body = topic.state() == TopicState.PRIVATE ? "" : store.posts(topic.id()).stream()
                .filter(p -> p.state() == PostState.PUBLISHED).map(Post::body).collect(Collectors.joining("\n\n"));
        index.put(new LanguageTextIndex.Entry(key, language, topic.title(), topic.category().slug(), body,
                Map.of("category", topic.category().slug())));
    }

    @PreDestroy
    void close() {
        index.close();
    }
}
