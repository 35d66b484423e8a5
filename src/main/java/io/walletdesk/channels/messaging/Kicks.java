package io.walletdesk.channels.messaging;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a job on one background thread soon after it is asked for; many requests while it runs make one more run,
 * not many. The scheduled sweeps (under a cluster lock) pick up whatever a stopped node left.
 */
final class Kicks {

    private static final Logger log = LoggerFactory.getLogger(Kicks.class);

    private final Runnable job;
    private final ExecutorService worker;
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();

    Kicks(String name, Runnable job) {
        this.job = job;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    void kick() {
        wanted.set(true);
        if (running.compareAndSet(false, true)) {
            try {
                worker.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                running.set(false);
            }
        }
    }

    private void drain() {
        try {
            while (wanted.getAndSet(false)) {
                job.run();
            }
        } catch (RuntimeException failure) {
            log.warn("{} could not run now: {}", Thread.currentThread().getName(), failure.toString());
        } finally {
            running.set(false);
        }
        if (wanted.get()) {
            kick();
        }
    }

    void stop() {
        worker.shutdownNow();
    }
}
