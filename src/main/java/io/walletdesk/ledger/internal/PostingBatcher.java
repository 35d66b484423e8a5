package io.walletdesk.ledger.internal;

import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.money.Money;
import io.walletdesk.shared.web.ProblemException;
import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for payments and transfers. Request threads do every check that needs no lock (validation,
 * recipient, idempotency look-up, PIN, rules) and queue the rest; a writer thread (of a few) takes whatever is
 * queued and settles it in ONE database transaction: all accounts locked in one ordered statement, every
 * item checked against the locked in-memory balances and limits in arrival order, then a few multi-row
 * statements for all accepted items. A refused item (insufficient balance, recipient limit) gets its
 * problem and writes nothing. If the batch fails as a whole (e.g. an idempotency key raced), every item is
 * re-run on its own through the one-request path, which gives the same results one by one.
 * Experimental and off by default: {@code walletdesk.wallet.batching.enabled=true} (see docs/benchmarks.md).
 */
@Component
public class PostingBatcher {

    private static final Logger log = LoggerFactory.getLogger(PostingBatcher.class);

    private final boolean enabled;
    private final int maxBatch;
    private final Ledger ledger;
    private final Limits limits;
    private final TransactionLog transactions;
    private final MoneyTransactions money;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running = true;
    private final java.util.concurrent.atomic.AtomicLong batches = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong items = new java.util.concurrent.atomic.AtomicLong();

    PostingBatcher(@Value("${walletdesk.wallet.batching.enabled:false}") boolean enabled,
            @Value("${walletdesk.wallet.batching.max-batch:64}") int maxBatch,
            @Value("${walletdesk.wallet.batching.writers:4}") int writerCount, Ledger ledger, Limits limits,
            TransactionLog transactions, MoneyTransactions money, JdbcClient jdbc, Clock clock,
            ApplicationEventPublisher events, PlatformTransactionManager tm) {
        this.enabled = enabled;
        this.maxBatch = maxBatch;
        this.ledger = ledger;
        this.limits = limits;
        this.transactions = transactions;
        this.money = money;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.transaction = new TransactionTemplate(tm);
        // Several writers take batches from one queue. Batches may run concurrently: each locks all its
        // accounts in one ordered statement, so two batches wait for each other but never deadlock.
        for (int i = 0; enabled && i < writerCount; i++) {
            Thread writer = new Thread(this::writeLoop, "ledger-batch-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    /** The incoming side of an item that a tier limit applies to (the recipient of a transfer). */
    public record Incoming(long accountId, WalletTier tier, long amount) {
    }

    /** A first payment to someone, remembered for the new-recipients rule. */
    public record Payee(long userId, long payeeUserId) {
    }

    /**
     * One payment or transfer, fully checked except for what needs the locks. {@code single} is the same
     * operation as a one-request body for {@link MoneyTransactions#run}, used when batching is off or a
     * batch must be replayed item by item.
     */
    public record Item(long userId, String key, String hash, List<Long> lockIds, List<Ledger.Leg> legs, String entryKind,
            TransactionLog.NewTransaction newTransaction, Incoming incoming, Payee payee, AuditEntry audit,
            java.util.function.LongFunction<Object> event, Supplier<TransactionView> single,
            CompletableFuture<MoneyTransactions.Outcome> result) {
    }

    public MoneyTransactions.Outcome submit(long userId, String key, String hash, List<Long> lockIds, List<Ledger.Leg> legs,
            String entryKind, TransactionLog.NewTransaction newTransaction, Incoming incoming, Payee payee, AuditEntry audit,
            java.util.function.LongFunction<Object> event, Supplier<TransactionView> single) {
        if (!enabled) {
            return money.run(userId, key, hash, single);
        }
        Item item = new Item(userId, key, hash, lockIds, legs, entryKind, newTransaction, incoming, payee, audit, event,
                single, new CompletableFuture<>());
        queue.add(item);
        try {
            return item.result().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        } catch (TimeoutException slow) {
            throw new IllegalStateException("The ledger writer did not answer in time", slow);
        }
    }

    private void writeLoop() {
        while (running) {
            List<Item> batch = new ArrayList<>();
            try {
                Item first = queue.poll(500, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                process(batch);
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable unexpected) {
                log.error("Ledger batch writer failure", unexpected);
                batch.forEach(i -> i.result().completeExceptionally(unexpected));
            }
        }
    }

    /** What happens to one item once the batch committed. */
    private record Decision(Item item, MoneyTransactions.Outcome outcome, RuntimeException refusal, boolean rerun) {
    }

    /** Batches written and items they carried since start (average batch size = items / batches). */
    public long[] stats() {
        return new long[] {batches.get(), items.get()};
    }

    void process(List<Item> batch) {
        batches.incrementAndGet();
        items.addAndGet(batch.size());
        List<Decision> decisions;
        try {
            decisions = transaction.execute(status -> settle(batch));
        } catch (RuntimeException batchFailed) {
            // Replay one by one: the single-request path answers each item exactly as if it came alone.
            for (Item item : batch) {
                runSingle(item);
            }
            return;
        }
        for (Decision decision : decisions) {
            if (decision.rerun()) {
                runSingle(decision.item());
            } else if (decision.refusal() != null) {
                decision.item().result().completeExceptionally(decision.refusal());
            } else {
                decision.item().result().complete(decision.outcome());
            }
        }
    }

    private void runSingle(Item item) {
        try {
            var earlier = money.earlier(item.userId(), item.key(), item.hash());
            item.result().complete(earlier.isPresent() ? earlier.get() : money.run(item.userId(), item.key(), item.hash(),
                    item.single()));
        } catch (RuntimeException failed) {
            item.result().completeExceptionally(failed);
        }
    }

    private List<Decision> settle(List<Item> batch) {
        Set<Long> lockIds = new HashSet<>();
        Set<Long> incomingAccounts = new HashSet<>();
        for (Item item : batch) {
            lockIds.addAll(item.lockIds());
            if (item.incoming() != null) {
                incomingAccounts.add(item.incoming().accountId());
            }
        }
        Ledger.Locked locked = ledger.lock(lockIds);
        Map<Long, Long> received = limits.receivedThisMonth(incomingAccounts);
        Set<Long> hadInflowRow = new HashSet<>(received.keySet());
        Map<Long, Long> addedIncoming = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        List<Decision> decisions = new ArrayList<>();
        List<Item> accepted = new ArrayList<>();
        List<List<Ledger.Staged>> staged = new ArrayList<>();
        for (Item item : batch) {
            if (!keys.add(item.userId() + "\u0000" + item.key())) {
                decisions.add(new Decision(item, null, null, true)); // same key twice in one batch: replay after commit
                continue;
            }
            if (item.incoming() != null) {
                Incoming in = item.incoming();
                WalletProperties.Tier tier = limits.tier(in.tier());
                long monthly = received.getOrDefault(in.accountId(), 0L);
                if (locked.get(in.accountId()).balance() + in.amount() > tier.maxBalance()
                        || monthly + in.amount() > tier.maxMonthlyIncoming()) {
                    decisions.add(new Decision(item, null,
                            ProblemException.forField("recipient-limit", HttpStatus.UNPROCESSABLE_ENTITY, "amount"), false));
                    continue;
                }
            }
            try {
                staged.add(ledger.stage(locked, item.legs()));
            } catch (Ledger.InsufficientFunds insufficient) {
                decisions.add(new Decision(item, null, ProblemException.forField("insufficient-balance",
                        HttpStatus.UNPROCESSABLE_ENTITY, "amount", Money.format(insufficient.available())), false));
                continue;
            }
            if (item.incoming() != null) {
                received.merge(item.incoming().accountId(), item.incoming().amount(), Long::sum);
                addedIncoming.merge(item.incoming().accountId(), item.incoming().amount(), Long::sum);
            }
            accepted.add(item);
        }
        if (accepted.isEmpty()) {
            return decisions;
        }
        List<TransactionView> created = transactions.createAll(
                accepted.stream().map(Item::newTransaction).toList(), "CREATED", "COMPLETED");
        List<Ledger.Draft> drafts = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            drafts.add(new Ledger.Draft(accepted.get(i).entryKind(), created.get(i).id(), staged.get(i)));
        }
        ledger.writeBatch(locked, drafts);
        if (!addedIncoming.isEmpty()) {
            limits.recordIncoming(addedIncoming, hadInflowRow);
        }
        rememberPayees(accepted);
        Timestamp now = Timestamp.from(clock.instant());
        insertAudit(accepted, created, now);
        insertKeys(accepted, created, now);
        for (int i = 0; i < accepted.size(); i++) {
            Item item = accepted.get(i);
            TransactionView view = created.get(i);
            events.publishEvent(item.event().apply(view.id()));
            decisions.add(new Decision(item, new MoneyTransactions.Outcome(view.id(), false, view), null, false));
        }
        return decisions;
    }

    private void rememberPayees(List<Item> accepted) {
        Map<Long, Set<Long>> wanted = new HashMap<>();
        for (Item item : accepted) {
            if (item.payee() != null) {
                wanted.computeIfAbsent(item.payee().userId(), k -> new HashSet<>()).add(item.payee().payeeUserId());
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        jdbc.sql("SELECT user_id, payee_user_id FROM wallet_payee WHERE user_id IN (:users)")
                .param("users", List.copyOf(wanted.keySet()))
                .query((rs, n) -> {
                    Set<Long> payees = wanted.get(rs.getLong(1));
                    if (payees != null) {
                        payees.remove(rs.getLong(2));
                    }
                    return null;
                }).list();
        StringBuilder sql = new StringBuilder("INSERT INTO wallet_payee (user_id, payee_user_id, first_paid_at) VALUES ");
        List<Object> values = new ArrayList<>();
        Timestamp now = Timestamp.from(clock.instant());
        wanted.forEach((user, payees) -> payees.forEach(payee -> {
            sql.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?)");
            values.addAll(List.of(user, payee, now));
        }));
        if (!values.isEmpty()) {
            jdbc.sql(sql.toString()).params(values).update();
        }
    }

    /** The same rows {@code AuditTrail.record} writes, for all items in one statement. */
    private void insertAudit(List<Item> accepted, List<TransactionView> created, Timestamp now) {
        StringBuilder sql = new StringBuilder("""
                INSERT INTO audit_log (occurred_at, action, actor_user_id, actor_role, subject_user_id, details, ip, user_agent)
                VALUES """);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            AuditEntry a = accepted.get(i).audit();
            sql.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?)");
            values.addAll(java.util.Arrays.asList(now, a.action(), a.actorUserId(), a.actorRole(), a.subjectUserId(),
                    truncate("tx=" + created.get(i).id() + " " + a.details(), 2000), truncate(a.ip(), 64),
                    truncate(a.userAgent(), 512)));
        }
        jdbc.sql(sql.toString()).params(values).update();
    }

    private void insertKeys(List<Item> accepted, List<TransactionView> created, Timestamp now) {
        StringBuilder sql = new StringBuilder(
                "INSERT INTO wallet_idempotency_key (user_id, idem_key, request_hash, transaction_id, created_at) VALUES ");
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            Item item = accepted.get(i);
            sql.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?)");
            values.addAll(List.of(item.userId(), item.key(), item.hash(), created.get(i).id(), now));
        }
        jdbc.sql(sql.toString()).params(values).update();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    @PreDestroy
    void stop() {
        running = false;
        writers.forEach(Thread::interrupt);
    }
}
