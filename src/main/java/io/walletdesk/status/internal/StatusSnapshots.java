package io.walletdesk.status.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * The current status, read from the database at most every {@code ttl}, and the last known state kept in
 * memory and on disk. When the database cannot be read, the last known state is served, marked with its
 * age; after a restart with the database still down, it comes from the disk file.
 */
class StatusSnapshots {

    private static final Logger log = LoggerFactory.getLogger(StatusSnapshots.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the pages get: the state, and whether it is the last known state rather than a fresh read. */
    record Current(StatusSnapshot snapshot, boolean stale, Instant now) {

        Duration age() {
            return Duration.between(snapshot.takenAt(), now).isNegative() ? Duration.ZERO
                    : Duration.between(snapshot.takenAt(), now);
        }

        long ageMinutes() {
            return age().toMinutes();
        }
    }

    private final Supplier<StatusSnapshot> reader;
    private final Path file;
    private final Clock clock;
    private final Duration ttl;
    private final AtomicReference<StatusSnapshot> lastKnown = new AtomicReference<>();
    private volatile Instant freshUntil = Instant.MIN;
    private volatile String lastWritten;
    private final Duration readTimeout;
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "status-snapshot-reader");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong generation = new AtomicLong();
    private Future<StatusSnapshot> inFlight;
    private long inFlightSince;
    private long inFlightGeneration;

    StatusSnapshots(Supplier<StatusSnapshot> reader, Path file, Clock clock, Duration ttl) {
        this(reader, file, clock, ttl, Duration.ofSeconds(5));
    }

    StatusSnapshots(Supplier<StatusSnapshot> reader, Path file, Clock clock, Duration ttl, Duration readTimeout) {
        this.readTimeout = readTimeout;
        this.reader = reader;
        this.file = file;
        this.clock = clock;
        this.ttl = ttl;
        readFromDisk().ifPresent(lastKnown::set);
    }

    Current current() {
        Instant now = clock.instant();
        StatusSnapshot known = lastKnown.get();
        if (known != null && now.isBefore(freshUntil)) {
            return new Current(known, false, now);
        }
        long seen = generation.get();
        try {
            StatusSnapshot fresh = refresh(known == null);
            lastKnown.set(fresh);
            if (generation.get() == seen) {
                freshUntil = now.plus(ttl);
            }
            writeToDisk(fresh);
            return new Current(fresh, false, now);
        } catch (DataAccessException | IllegalStateException | TimeoutException unreachable) {
            log.warn("Status page: database unreadable, serving the last known state ({})", unreachable.toString());
            freshUntil = Instant.MIN;
            known = lastKnown.get();
            if (known == null) {
                known = new StatusSnapshot(Instant.EPOCH, List.of(), List.of(), List.of(), Map.of());
            }
            return new Current(known, true, now);
        }
    }

    /**
     * Reads on a separate thread and waits at most {@code readTimeout}: a database that hangs (a pool waiting for
     * connections that never come) must not hang the page. One read at a time; while it is slow, callers do not
     * wait again but get the last known state at once. With nothing known yet, it waits for the read to end.
     */
    private StatusSnapshot refresh(boolean nothingKnown) throws TimeoutException {
        Future<StatusSnapshot> read;
        long waitNanos;
        synchronized (this) {
            long current = generation.get();
            // A read that started before the last change may miss it: start another one behind it.
            if (inFlight == null || inFlight.isDone() || inFlightGeneration != current) {
                inFlight = refresher.submit(reader::get);
                inFlightSince = System.nanoTime();
                inFlightGeneration = current;
            }
            read = inFlight;
            waitNanos = readTimeout.toNanos() - (System.nanoTime() - inFlightSince);
        }
        try {
            if (nothingKnown) {
                return read.get();
            }
            if (waitNanos <= 0 && !read.isDone()) {
                throw new TimeoutException("a read has been waiting for the database since "
                        + Duration.ofNanos(System.nanoTime() - inFlightSince).toSeconds() + " s");
            }
            return read.get(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TimeoutException("interrupted");
        }
    }

    /** Reads once in the background at startup, so the first visitor does not wait for a cold read. */
    @EventListener(ApplicationReadyEvent.class)
    public void warmUp() {
        Thread warmUp = new Thread(this::current, "status-snapshot-warm-up");
        warmUp.setDaemon(true);
        warmUp.start();
    }

    /** Stops the reader thread (called by Spring on shutdown). */
    public void close() {
        refresher.shutdownNow();
    }

    /** After a change: the next read goes to the database. */
    void invalidate() {
        bump();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // Reads started before the commit cannot see the change: invalidate again once it is visible.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    bump();
                }
            });
        }
    }

    private void bump() {
        generation.incrementAndGet();
        freshUntil = Instant.MIN;
    }

    Optional<StatusSnapshot> lastKnown() {
        return Optional.ofNullable(lastKnown.get());
    }

    private synchronized void writeToDisk(StatusSnapshot snapshot) {
        try {
            // Compared without the time it was read, so an unchanged state does not rewrite the file.
            String comparable = JSON.writeValueAsString(new StatusSnapshot(Instant.EPOCH, snapshot.groups(),
                    snapshot.components(), snapshot.incidents(), snapshot.uptime()));
            if (comparable.equals(lastWritten)) {
                return;
            }
            String json = JSON.writeValueAsString(snapshot);
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, "status-cache", ".tmp");
            Files.writeString(temp, json);
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException notAtomic) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            lastWritten = comparable;
        } catch (IOException | RuntimeException failure) {
            log.warn("Status page: could not write the last-known-state file {}", file, failure);
        }
    }

    private Optional<StatusSnapshot> readFromDisk() {
        if (!Files.isReadable(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(Files.readString(file), StatusSnapshot.class));
        } catch (IOException | RuntimeException unreadable) {
            log.warn("Status page: ignoring an unreadable last-known-state file {}", file, unreadable);
            return Optional.empty();
        }
    }
}
