package io.walletdesk.shared.events;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Listener work left behind by a node that died (or by a listener that failed), picked up by whichever node is
 * up (ADR 0021). On one node at a time, a publication still incomplete {@link #RETRY_AFTER} after it was published
 * and after its last resubmission is handed to its listener again, up to {@link #MAX_ATTEMPTS} attempts; completed
 * ones are deleted after a week so the table stays small. A node restart no longer republishes everything
 * incomplete: with several nodes that would repeat work other nodes are doing at that moment.
 */
@Component
class PublicationHousekeeping {

    /** A listener that keeps failing is left for an operator after this many attempts (visible in the table). */
    static final int MAX_ATTEMPTS = 10;
    /** Longer than any listener takes, even behind a backlog, so work still running elsewhere is not repeated. */
    static final Duration RETRY_AFTER = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(PublicationHousekeeping.class);

    private final FailedEventPublications failed;
    private final CompletedEventPublications completed;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration keepCompleted;

    PublicationHousekeeping(FailedEventPublications failed, CompletedEventPublications completed, JdbcClient jdbc,
            Clock clock, @Value("${walletdesk.events.keep-completed:P7D}") Duration keepCompleted) {
        this.failed = failed;
        this.jdbc = jdbc;
        this.completed = completed;
        this.clock = clock;
        this.keepCompleted = keepCompleted;
    }

    @Scheduled(fixedDelayString = "${walletdesk.events.retry-interval:PT1M}",
            initialDelayString = "${walletdesk.events.retry-interval:PT1M}")
    @SchedulerLock(name = "event-publication-retry", lockAtMostFor = "PT10M")
    public void retryAbandoned() {
        Instant before = clock.instant().minus(RETRY_AFTER);
        // Spring Modulith resubmits failed publications only: one left published or processing is marked so first.
        int marked = jdbc.sql("""
                UPDATE event_publication SET status = 'FAILED'
                WHERE completion_date IS NULL AND status IN ('PUBLISHED', 'PROCESSING', 'RESUBMITTED')
                AND publication_date < :before AND (last_resubmission_date IS NULL OR last_resubmission_date < :before)""")
                .param("before", Timestamp.from(before)).update();
        if (marked > 0) {
            log.warn("{} event publication(s) abandoned for {} (a node stopped during their work?): retrying", marked,
                    RETRY_AFTER);
        }
        failed.resubmit(ResubmissionOptions.defaults().withBatchSize(500)
                .withFilter(publication -> abandoned(publication, before)));
    }

    static boolean abandoned(EventPublication publication, Instant before) {
        Instant lastTry = publication.getLastResubmissionDate();
        return publication.getPublicationDate().isBefore(before) && (lastTry == null || lastTry.isBefore(before))
                && publication.getCompletionAttempts() < MAX_ATTEMPTS;
    }

    @Scheduled(cron = "${walletdesk.events.purge-cron:0 17 3 * * *}", zone = "Asia/Jakarta")
    @SchedulerLock(name = "event-publication-purge", lockAtMostFor = "PT30M")
    public void purgeCompleted() {
        completed.deletePublicationsOlderThan(keepCompleted);
        log.info("Deleted completed event publications older than {}", keepCompleted);
    }
}
