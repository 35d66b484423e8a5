package io.walletdesk.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.testing.TestData;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ledger under concurrency, retries and bank callbacks, against H2 and PostgreSQL (the subclasses).
 * A seeded random run: threads of customers doing top-ups (every simulated bank behaviour), merchant
 * payments, transfers, refunds and reversals, idempotent retries (also concurrent ones with the same key),
 * callbacks delivered while the expiry job runs. Afterwards the books must balance exactly.
 * Replay a failure with {@code -Dledger.seed=<printed seed>}; make it longer with {@code -Dledger.seconds=60}.
 */
abstract class LedgerConcurrencyContract {

    private static final Set<String> BUSINESS_REFUSALS = Set.of("insufficient-balance", "recipient-limit",
            "balance-cap", "monthly-incoming-limit", "already-reversed", "reversal-insufficient-balance", "not-reversible");
    private static final String[] BANK_ACCOUNTS = {"1000000001", "1000000002", "1000000003", "2000004444",
        "2000005555", "2000006666", "2000007777", "2000008888", "2000002222", "2000003333"};
    private static final String[] MERCHANTS = {"KOPI-NUSANTARA", "KOPI-NUSANTARA", "KOPI-NUSANTARA", "WARUNG-BU-SRI",
        "TIKET-KERETA"};

    @Autowired
    Registration registration;
    @Autowired
    CustomerWallets wallets;
    @Autowired
    Pins pins;
    @Autowired
    Transfers transfers;
    @Autowired
    MerchantPayments payments;
    @Autowired
    TopUps topUps;
    @Autowired
    Reversals reversals;
    @Autowired
    SimulatedBank bank;
    @Autowired
    BankCallbacks callbacks;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    private record Person(long userId, String phone) {
    }

    private List<Person> people(int count) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String phone = TestData.phone();
            long id = registration.register(new Registration.RegisterCustomer(phone, null, "Pelanggan Uji " + i, "id",
                    TestData.PASSWORD), ClientInfo.system());
            wallets.open(id);
            wallets.setTier(id, WalletTier.VERIFIED);
            pins.set(id, null, WalletFixtures.PIN, ClientInfo.system());
            people.add(new Person(id, phone));
        }
        // Everyone has paid everyone before: the "many new recipients" rule is tested elsewhere.
        for (Person a : people) {
            for (Person b : people) {
                if (a != b) {
                    jdbc.sql("INSERT INTO wallet_payee (user_id, payee_user_id, first_paid_at) VALUES (?, ?, ?)")
                            .params(a.userId(), b.userId(), Timestamp.from(clock.instant().minus(Duration.ofDays(30))))
                            .update();
                }
            }
        }
        return people;
    }

    @Test
    void randomisedConcurrentRunKeepsTheBooksExact() throws Exception {
        long seed = Long.getLong("ledger.seed", System.nanoTime());
        long seconds = Long.getLong("ledger.seconds", 8);
        System.out.println("LEDGER CONCURRENCY SEED=" + seed + " (" + getClass().getSimpleName() + ", " + seconds + " s)");
        long lockFailuresBefore = MoneyTransactions.LOCK_FAILURES.get();
        List<Person> people = people(8);
        Random setup = new Random(seed);
        for (Person p : people) {
            topUps.topUp(p.userId(), "seed-" + UUID.randomUUID(), new TopUps.TopUp("BCA", "1000000001",
                    500_000 + setup.nextInt(2_000_000)), ClientInfo.system());
        }
        bank.deliverAllNow();

        Map<String, Long> firstResults = new ConcurrentHashMap<>();
        Map<String, Runnable> replays = new ConcurrentHashMap<>();
        List<Long> reversible = new CopyOnWriteArrayList<>();
        List<Throwable> unexpected = new CopyOnWriteArrayList<>();
        AtomicInteger operations = new AtomicInteger();
        AtomicInteger retries = new AtomicInteger();
        int threads = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 2);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Random random = new Random(seed * 31 + t);
            futures.add(pool.submit(() -> {
                start.await();
                while (System.nanoTime() < deadline) {
                    operations.incrementAndGet();
                    try {
                        step(random, people, firstResults, replays, reversible, retries);
                    } catch (ProblemException refused) {
                        if (!BUSINESS_REFUSALS.contains(refused.code())) {
                            unexpected.add(new AssertionError("Unexpected refusal " + refused.code(), refused));
                        }
                    } catch (Throwable failure) {
                        unexpected.add(failure);
                    }
                }
                return null;
            }));
        }
        // The bank's callbacks and the expiry job run concurrently with everything else.
        futures.add(pool.submit(() -> {
            start.await();
            Random random = new Random(seed * 7);
            while (System.nanoTime() < deadline) {
                try {
                    if (random.nextInt(4) == 0) {
                        topUps.expireDue(clock.instant().plus(Duration.ofHours(49)));
                    }
                    bank.deliverAllNow();
                    Thread.sleep(5);
                } catch (Throwable failure) {
                    unexpected.add(failure);
                }
            }
            return null;
        }));
        start.countDown();
        for (Future<?> future : futures) {
            future.get(seconds + 120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        bank.deliverAllNow();
        topUps.expireDue(clock.instant().plus(Duration.ofHours(49)));
        bank.deliverAllNow();

        assertThat(unexpected).as("unexpected failures (seed " + seed + ")").isEmpty();
        System.out.println("LEDGER CONCURRENCY: " + operations.get() + " operations, " + retries.get()
                + " idempotent retries, seed " + seed);
        assertBooksBalance(seed);
        assertThat(MoneyTransactions.LOCK_FAILURES.get() - lockFailuresBefore).as("deadlocks / lock timeouts").isZero();
    }

    private void step(Random random, List<Person> people, Map<String, Long> firstResults, Map<String, Runnable> replays,
            List<Long> reversible, AtomicInteger retries) throws Exception {
        Person me = people.get(random.nextInt(people.size()));
        int dice = random.nextInt(100);
        if (dice < 10 && !replays.isEmpty()) {
            // A retry of an earlier successful request (maybe another thread's) with the same key and payload.
            List<Runnable> known = new ArrayList<>(replays.values());
            known.get(random.nextInt(known.size())).run();
            retries.incrementAndGet();
        } else if (dice < 15) {
            // The same new request sent twice at the same moment: both must get the same transaction.
            Person to = other(random, people, me);
            long amount = 10_000 + random.nextInt(50_000);
            String key = UUID.randomUUID().toString();
            Transfers.Transfer transfer = new Transfers.Transfer(to.phone(), amount, WalletFixtures.PIN, null);
            CountDownLatch together = new CountDownLatch(1);
            ExecutorService twins = Executors.newFixedThreadPool(2);
            try {
                List<Future<Long>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    results.add(twins.submit(() -> {
                        together.await();
                        return transfers.send(me.userId(), key, transfer, ClientInfo.system()).transactionId();
                    }));
                }
                together.countDown();
                Long first = null;
                for (Future<Long> result : results) {
                    try {
                        long id = result.get(60, TimeUnit.SECONDS);
                        if (first != null) {
                            assertThat(id).as("concurrent same-key requests").isEqualTo(first);
                        }
                        first = id;
                    } catch (java.util.concurrent.ExecutionException failed) {
                        throw failed.getCause() instanceof Exception e ? e : new IllegalStateException(failed.getCause());
                    }
                }
                retries.incrementAndGet();
            } finally {
                twins.shutdown();
            }
        } else if (dice < 45) {
            Person to = other(random, people, me);
            long amount = 10_000 + random.nextInt(300_000);
            String key = UUID.randomUUID().toString();
            Transfers.Transfer transfer = new Transfers.Transfer(to.phone(), amount, WalletFixtures.PIN, "r" + amount);
            long id = transfers.send(me.userId(), key, transfer, ClientInfo.system()).transactionId();
            remember(key, id, () -> assertThat(transfers.send(me.userId(), key, transfer, ClientInfo.system())
                    .transactionId()).as("retry of " + key).isEqualTo(id), firstResults, replays);
            reversible.add(id);
        } else if (dice < 70) {
            String merchant = MERCHANTS[random.nextInt(MERCHANTS.length)];
            long amount = 1_000 + random.nextInt(150_000);
            String key = UUID.randomUUID().toString();
            MerchantPayments.Payment payment = new MerchantPayments.Payment(merchant, amount, WalletFixtures.PIN, null);
            long id = payments.pay(me.userId(), key, payment, ClientInfo.system()).transactionId();
            remember(key, id, () -> assertThat(payments.pay(me.userId(), key, payment, ClientInfo.system())
                    .transactionId()).as("retry of " + key).isEqualTo(id), firstResults, replays);
            reversible.add(id);
        } else if (dice < 88) {
            String account = BANK_ACCOUNTS[random.nextInt(BANK_ACCOUNTS.length)];
            String bankCode = random.nextBoolean() ? "BCA" : "BRI";
            long amount = 10_000 + random.nextInt(400_000);
            String key = UUID.randomUUID().toString();
            TopUps.TopUp topUp = new TopUps.TopUp(bankCode, account, amount);
            long id = topUps.topUp(me.userId(), key, topUp, ClientInfo.system()).transactionId();
            remember(key, id, () -> assertThat(topUps.topUp(me.userId(), key, topUp, ClientInfo.system())
                    .transactionId()).as("retry of " + key).isEqualTo(id), firstResults, replays);
        } else if (!reversible.isEmpty()) {
            long original = reversible.get(random.nextInt(reversible.size()));
            reversals.reverse(original, null, "SYSTEM", "random reversal", ClientInfo.system());
        }
    }

    private static void remember(String key, long id, Runnable replay, Map<String, Long> firstResults,
            Map<String, Runnable> replays) {
        firstResults.put(key, id);
        if (replays.size() < 500) {
            replays.put(key, replay);
        }
    }

    private static Person other(Random random, List<Person> people, Person me) {
        Person other;
        do {
            other = people.get(random.nextInt(people.size()));
        } while (other == me);
        return other;
    }

    private void assertBooksBalance(long seed) {
        String context = " (seed " + seed + ")";
        assertThat(jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM posting").query(Long.class).single())
                .as("sum of all postings" + context).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM (SELECT entry_id FROM posting GROUP BY entry_id HAVING SUM(amount) <> 0) x")
                .query(Long.class).single()).as("unbalanced entries" + context).isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM ledger_account a
                WHERE a.balance <> (SELECT COALESCE(SUM(p.amount), 0) FROM posting p WHERE p.account_id = a.id)
                   OR a.version <> (SELECT COUNT(*) FROM posting p WHERE p.account_id = a.id)""")
                .query(Long.class).single()).as("materialised balances and versions match postings" + context).isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM posting p WHERE p.balance_after <> (SELECT SUM(q.amount) FROM posting q
                    WHERE q.account_id = p.account_id AND q.account_version <= p.account_version)""")
                .query(Long.class).single()).as("balance_after is the running balance" + context).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_account WHERE floor_amount IS NOT NULL AND balance - held < floor_amount")
                .query(Long.class).single()).as("accounts below their floor" + context).isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM ledger_account a WHERE a.held <> (SELECT COALESCE(SUM(h.amount), 0) FROM ledger_hold h
                    WHERE h.debit_account_id = a.id
                      AND NOT EXISTS (SELECT 1 FROM ledger_hold_resolution r WHERE r.hold_id = h.id))""")
                .query(Long.class).single()).as("held amounts equal open holds" + context).isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM wallet_transaction t WHERE t.kind = 'TOP_UP' AND t.status <> 'PENDING'
                  AND (SELECT COUNT(*) FROM ledger_hold_resolution r WHERE r.hold_id = t.hold_id) <> 1""")
                .query(Long.class).single()).as("every settled top-up's hold resolved exactly once" + context).isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM wallet_transaction t WHERE t.kind = 'TOP_UP'
                  AND (SELECT COUNT(*) FROM journal_entry e WHERE e.transaction_id = t.id AND e.kind = 'TOP_UP') > 1""")
                .query(Long.class).single()).as("no top-up credited twice" + context).isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM wallet_transaction t WHERE t.status = 'COMPLETED' AND t.kind <> 'TOP_UP'
                  AND (SELECT COUNT(*) FROM journal_entry e WHERE e.transaction_id = t.id) <> 1""")
                .query(Long.class).single()).as("each completed payment/transfer has exactly one entry" + context).isZero();
        assertThat(jdbc.sql("""
                SELECT COUNT(*) FROM wallet_transaction t WHERE t.status = 'REVERSED'
                  AND (SELECT COUNT(*) FROM wallet_transaction r WHERE r.original_transaction_id = t.id) <> 1""")
                .query(Long.class).single()).as("each reversed transaction reversed exactly once" + context).isZero();
    }

    @Test
    void crossingTransfersNeverDeadlock() throws Exception {
        long lockFailuresBefore = MoneyTransactions.LOCK_FAILURES.get();
        List<Person> pair = people(2);
        for (Person p : pair) {
            topUps.topUp(p.userId(), "cross-" + UUID.randomUUID(), new TopUps.TopUp("BNI", "3000000001", 1_000_000),
                    ClientInfo.system());
        }
        bank.deliverAllNow();
        int perThread = 60;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Person from = pair.get(t % 2);
            Person to = pair.get((t + 1) % 2);
            results.add(pool.submit(() -> {
                start.await();
                int done = 0;
                for (int i = 0; i < perThread; i++) {
                    transfers.send(from.userId(), UUID.randomUUID().toString(),
                            new Transfers.Transfer(to.phone(), 10_000, WalletFixtures.PIN, null), ClientInfo.system());
                    done++;
                }
                return done;
            }));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> result : results) {
            total += result.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(total).isEqualTo(4 * perThread);
        long sum = 0;
        for (Person p : pair) {
            sum += jdbc.sql("SELECT balance FROM ledger_account a JOIN wallet w ON w.account_id = a.id WHERE w.user_id = :u")
                    .param("u", p.userId()).query(Long.class).single();
        }
        assertThat(sum).isEqualTo(2_000_000);
        assertThat(MoneyTransactions.LOCK_FAILURES.get() - lockFailuresBefore).as("deadlocks / lock timeouts").isZero();
    }
}
