package io.walletdesk.ledger.internal;

import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one money-moving operation in one database transaction together with its idempotency key. When a
 * concurrent request with the same key commits first, our insert of the key fails and we answer with that
 * request's result instead.
 */
@Component
class MoneyTransactions {

    /** Deadlocks or lock timeouts seen since start; the concurrency tests require zero. */
    public static final java.util.concurrent.atomic.AtomicLong LOCK_FAILURES = new java.util.concurrent.atomic.AtomicLong();

    private final TransactionTemplate transaction;
    private final Idempotency idempotency;

    MoneyTransactions(PlatformTransactionManager tm, Idempotency idempotency) {
        this.transaction = new TransactionTemplate(tm);
        this.idempotency = idempotency;
    }

    /**
     * Result of {@link #run}: the transaction id, whether it was replayed from an earlier request and, for a
     * new one, the transaction as just written (saves reading it back).
     */
    public record Outcome(long transactionId, boolean replayed, TransactionView created) {

        public Outcome(long transactionId, boolean replayed) {
            this(transactionId, replayed, null);
        }
    }

    public Optional<Outcome> earlier(long userId, String key, String hash) {
        return idempotency.earlier(userId, key, hash).map(id -> new Outcome(id, true));
    }

    /** {@code body} creates the customer-facing transaction (returning its id) and moves the money. */
    public Outcome run(long userId, String key, String hash, Supplier<TransactionView> body) {
        return execute(userId, key, hash, () -> {
            TransactionView view = body.get();
            idempotency.remember(userId, key, hash, view.id());
            return view;
        });
    }

    /** As {@link #run}, for a body that stores the idempotency key itself ({@link Bookings}). */
    Outcome runBooked(long userId, String key, String hash, Supplier<TransactionView> body) {
        return execute(userId, key, hash, body);
    }

    private Outcome execute(long userId, String key, String hash, Supplier<TransactionView> body) {
        int attempts = 0;
        while (true) {
            try {
                TransactionView created = transaction.execute(status -> body.get());
                return new Outcome(created.id(), false, created);
            } catch (DuplicateKeyException sameKeyConcurrently) {
                Optional<Long> winner = idempotency.earlier(userId, key, hash);
                if (winner.isPresent()) {
                    return new Outcome(winner.get(), true);
                }
                throw sameKeyConcurrently;
            } catch (PessimisticLockingFailureException transientFailure) {
                // Locks are ordered, so this should never happen; count it (tests assert zero) and retry a little.
                LOCK_FAILURES.incrementAndGet();
                if (++attempts >= 3) {
                    throw transientFailure;
                }
            }
        }
    }
}
