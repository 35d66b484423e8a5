package io.walletdesk.shared.metrics;

import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read from the database for gauges, kept for a few seconds: every node reads the same rows, so each
 * node reports the cluster-wide value, and a scrape costs at most one small query per reading. A failed read
 * (the database away) gives {@code null}, which the gauges show as NaN, and is not retried for {@code ttl}
 * either, so a scrape during an outage does not wait for every connection attempt.
 */
public final class CachedReading<T> {

    private static final Logger log = LoggerFactory.getLogger(CachedReading.class);

    private final String name;
    private final Supplier<T> read;
    private final long ttlNanos;
    private T value;
    private long readAtNanos;
    private boolean everRead;

    public CachedReading(String name, Duration ttl, Supplier<T> read) {
        this.name = name;
        this.read = read;
        this.ttlNanos = ttl.toNanos();
    }

    /** The last value, read again when older than the time to live; null when the last read failed. */
    public synchronized T get() {
        long now = System.nanoTime();
        if (!everRead || now - readAtNanos >= ttlNanos) {
            try {
                value = read.get();
            } catch (RuntimeException failure) {
                log.debug("Metric reading {} failed: {}", name, failure.toString());
                value = null;
            }
            readAtNanos = System.nanoTime();
            everRead = true;
        }
        return value;
    }

    /** A number from the current value for a gauge: NaN while there is none. */
    public double gauge(java.util.function.ToDoubleFunction<T> of) {
        T current = get();
        return current == null ? Double.NaN : of.applyAsDouble(current);
    }
}
