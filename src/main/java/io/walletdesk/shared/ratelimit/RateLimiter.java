package io.walletdesk.shared.ratelimit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fixed-window counters kept in the database, so that every app node sharing it enforces one limit.
 * A hit is counted even when the caller's own transaction later rolls back.
 */
@Service
public class RateLimiter {

    private final JdbcClient jdbc;
    private final Clock clock;

    RateLimiter(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts one hit on {@code bucket}; refuses when the window already holds {@code limit} hits. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Decision hit(String bucket, int limit, Duration window) {
        Instant now = clock.instant();
        long windowMillis = window.toMillis();
        Instant windowStart = Instant.ofEpochMilli(now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), windowMillis));
        Timestamp start = Timestamp.from(windowStart);
        int hits = increment(bucket, start);
        if (hits > limit) {
            long retryAfter = Math.max(1, Duration.between(now, windowStart.plus(window)).toSeconds());
            return new Decision(false, hits, retryAfter);
        }
        return new Decision(true, hits, 0);
    }

    /** Forgets a bucket, e.g. after a successful sign-in. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void reset(String bucket) {
        jdbc.sql("DELETE FROM rate_limit_hits WHERE bucket = :bucket").param("bucket", bucket).update();
    }

    private int increment(String bucket, Timestamp start) {
        String update = "UPDATE rate_limit_hits SET hits = hits + 1 WHERE bucket = :bucket AND window_start = :start";
        if (jdbc.sql(update).param("bucket", bucket).param("start", start).update() == 0) {
            try {
                jdbc.sql("INSERT INTO rate_limit_hits (bucket, window_start, hits) VALUES (:bucket, :start, 1)")
                        .param("bucket", bucket).param("start", start).update();
                return 1;
            } catch (DuplicateKeyException concurrentFirstHit) {
                jdbc.sql(update).param("bucket", bucket).param("start", start).update();
            }
        }
        return jdbc.sql("SELECT hits FROM rate_limit_hits WHERE bucket = :bucket AND window_start = :start")
                .param("bucket", bucket).param("start", start).query(Integer.class).single();
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    @SchedulerLock(name = "rate-limit-cleanup", lockAtMostFor = "PT5M")
    public void forgetOldWindows() {
        jdbc.sql("DELETE FROM rate_limit_hits WHERE window_start < :before")
                .param("before", Timestamp.from(clock.instant().minus(Duration.ofDays(1)))).update();
    }

    /** The outcome of one hit; {@code retryAfterSeconds} is set when refused. */
    public record Decision(boolean allowed, int hits, long retryAfterSeconds) {
    }
}
