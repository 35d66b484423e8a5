package io.walletdesk.shared.ratelimit;

import java.sql.DatabaseMetaData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
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
    private volatile Boolean postgres;

    private final DataSource dataSource;

    RateLimiter(JdbcClient jdbc, DataSource dataSource, Clock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
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

    /**
     * One atomic statement per hit. PostgreSQL aborts the whole transaction on a duplicate key, so the old
     * update-then-insert raced into 500s when parallel first hits met; an upsert with RETURNING cannot.
     * H2 (the embedded default) has no ON CONFLICT ... DO UPDATE: a MERGE, then a read of the row it now
     * holds locked, with one retry when a parallel first hit inserted the row between the two.
     */
    private int increment(String bucket, Timestamp start) {
        if (postgres()) {
            return jdbc.sql("""
                    INSERT INTO rate_limit_hits (bucket, window_start, hits) VALUES (:bucket, :start, 1)
                    ON CONFLICT (bucket, window_start) DO UPDATE SET hits = rate_limit_hits.hits + 1
                    RETURNING hits""")
                    .param("bucket", bucket).param("start", start).query(Integer.class).single();
        }
        String merge = """
                MERGE INTO rate_limit_hits t USING (VALUES (CAST(:bucket AS VARCHAR(200)),
                    CAST(:start AS TIMESTAMP WITH TIME ZONE))) s (bucket, window_start)
                ON t.bucket = s.bucket AND t.window_start = s.window_start
                WHEN MATCHED THEN UPDATE SET hits = t.hits + 1
                WHEN NOT MATCHED THEN INSERT (bucket, window_start, hits) VALUES (s.bucket, s.window_start, 1)""";
        try {
            jdbc.sql(merge).param("bucket", bucket).param("start", start).update();
        } catch (DuplicateKeyException concurrentFirstHit) {
            jdbc.sql(merge).param("bucket", bucket).param("start", start).update();
        }
        return jdbc.sql("SELECT hits FROM rate_limit_hits WHERE bucket = :bucket AND window_start = :start")
                .param("bucket", bucket).param("start", start).query(Integer.class).single();
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            try {
                String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
                known = product.toLowerCase(java.util.Locale.ROOT).contains("postgres");
            } catch (MetaDataAccessException unknown) {
                throw new org.springframework.dao.DataAccessResourceFailureException("database unreachable", unknown);
            }
            postgres = known;
        }
        return known;
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
