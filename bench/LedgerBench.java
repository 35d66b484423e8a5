import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Load driver for the wallet's HTTP API (run by bench/run-ledger-bench.sh, which starts the app on
 * PostgreSQL). Seeds N customer wallets straight into the database (users, API tokens, wallets with a
 * PIN and an opening balance booked as one balanced journal entry), then runs two scenarios with C
 * concurrent clients for T seconds each: (1) uniform peer-to-peer transfers among all wallets, (2) 90% of
 * requests are payments to one merchant (KOPI-NUSANTARA), 10% transfers. Then pgbench tpcb-like with the
 * same client count against the same server, and the ratio. Loopback only; every loop is bounded in time.
 */
public class LedgerBench {

    static final String PIN = "246810";
    static final String PEPPER = System.getProperty("pepper", "walletdesk-development-pin-pepper");

    public static void main(String[] args) throws Exception {
        String base = System.getProperty("base", "http://127.0.0.1:18080");
        String jdbcUrl = System.getProperty("jdbc", "jdbc:postgresql://127.0.0.1:5432/walletdesk_bench");
        int accounts = Integer.getInteger("accounts", 10_000);
        int clients = Integer.getInteger("clients", 16);
        int seconds = Integer.getInteger("seconds", 30);
        String pgbenchDb = System.getProperty("pgbenchDb", "walletdesk_pgbench");
        if (!base.startsWith("http://127.0.0.1") && !base.startsWith("http://localhost")) {
            throw new IllegalArgumentException("Loopback only: " + base);
        }
        List<Wallet> wallets = seed(jdbcUrl, accounts);
        System.out.printf("Seeded %d wallets.%n", wallets.size());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        warmUp(http, base, wallets, clients);
        Result p2p = run("uniform-p2p", http, base, wallets, clients, seconds, 0);
        Result hot = run("hot-merchant-90pct", http, base, wallets, clients, seconds, 90);
        double pgbench = pgbench(pgbenchDb, clients, seconds);
        System.out.println();
        System.out.printf("pgbench tpcb-like, %d clients, %d s: %.0f TPS%n", clients, seconds, pgbench);
        for (Result r : List.of(p2p, hot)) {
            System.out.printf("%-20s %8.0f /s  p50 %6.1f ms  p99 %6.1f ms  ok %d  errors %d %s  ratio to pgbench %.2f%n",
                    r.name, r.perSecond(), r.p50, r.p99, r.ok, r.errors, r.errorKinds, r.perSecond() / pgbench);
        }
    }

    record Wallet(long userId, String phone, String token) {
    }

    static List<Wallet> seed(String jdbcUrl, int count) throws Exception {
        try (Connection db = DriverManager.getConnection(jdbcUrl, System.getProperty("dbUser", "postgres"),
                System.getProperty("dbPassword", ""))) {
            db.setAutoCommit(false);
            Timestamp now = Timestamp.from(Instant.now());
            long bankAccount;
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT id FROM ledger_account WHERE code = 'bank:BCA'")) {
                rs.next();
                bankAccount = rs.getLong(1);
            }
            List<Wallet> wallets = new ArrayList<>();
            long opening = 5_000_000;
            String run = String.format("%04d", System.currentTimeMillis() / 1000 % 10_000);
            try (PreparedStatement user = db.prepareStatement("""
                    INSERT INTO users (role, phone, display_name, preferred_language, time_zone, password_hash, status,
                        created_at, version) VALUES ('CUSTOMER', ?, ?, 'id', 'Asia/Jakarta', '{noop}bench-not-a-login', 'ACTIVE', ?, 0)""",
                    new String[] {"id"});
                 PreparedStatement token = db.prepareStatement("""
                    INSERT INTO api_tokens (user_id, token_hash, kind, family, created_at, expires_at)
                    VALUES (?, ?, 'ACCESS', ?, ?, ?)""");
                 PreparedStatement account = db.prepareStatement("""
                    INSERT INTO ledger_account (kind, code, floor_amount, balance, version, created_at)
                    VALUES ('CUSTOMER', ?, 0, ?, 1, ?)""", new String[] {"id"});
                 PreparedStatement wallet = db.prepareStatement("""
                    INSERT INTO wallet (user_id, account_id, tier, status, pin_hash, pin_salt, created_at)
                    VALUES (?, ?, 'VERIFIED', 'ACTIVE', ?, ?, ?)""")) {
                List<long[]> accountsAndUsers = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    String phone = String.format("+62857%s%05d", run, i);
                    user.setString(1, phone);
                    user.setString(2, "Bench Pelanggan " + i);
                    user.setTimestamp(3, now);
                    user.executeUpdate();
                    long userId;
                    try (ResultSet keys = user.getGeneratedKeys()) {
                        keys.next();
                        userId = keys.getLong(1);
                    }
                    String secret = "wda_bench_" + userId + "_" + UUID.randomUUID();
                    token.setLong(1, userId);
                    token.setString(2, sha256(secret));
                    token.setString(3, "bench-" + userId);
                    token.setTimestamp(4, now);
                    token.setTimestamp(5, Timestamp.from(Instant.now().plus(Duration.ofDays(1))));
                    token.addBatch();
                    account.setString(1, "customer:" + userId);
                    account.setLong(2, opening);
                    account.setTimestamp(3, now);
                    account.executeUpdate();
                    long accountId;
                    try (ResultSet keys = account.getGeneratedKeys()) {
                        keys.next();
                        accountId = keys.getLong(1);
                    }
                    String salt = HexFormat.of().formatHex(randomBytes(16));
                    wallet.setLong(1, userId);
                    wallet.setLong(2, accountId);
                    wallet.setString(3, pinHash(userId, salt));
                    wallet.setString(4, salt);
                    wallet.setTimestamp(5, now);
                    wallet.addBatch();
                    accountsAndUsers.add(new long[] {accountId, userId});
                    wallets.add(new Wallet(userId, phone, secret));
                    if (i % 1000 == 999) {
                        token.executeBatch();
                        wallet.executeBatch();
                    }
                }
                token.executeBatch();
                wallet.executeBatch();
                // Opening balances: one balanced entry, bank settlement against every wallet.
                long entryId;
                try (PreparedStatement entry = db.prepareStatement(
                        "INSERT INTO journal_entry (kind, created_at) VALUES ('OPENING_BALANCE', ?)", new String[] {"id"})) {
                    entry.setTimestamp(1, now);
                    entry.executeUpdate();
                    try (ResultSet keys = entry.getGeneratedKeys()) {
                        keys.next();
                        entryId = keys.getLong(1);
                    }
                }
                long bankVersion;
                long bankBalance;
                try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT version, balance FROM ledger_account WHERE id = " + bankAccount + " FOR UPDATE")) {
                    rs.next();
                    bankVersion = rs.getLong(1) + 1;
                    bankBalance = rs.getLong(2) - opening * count;
                }
                try (PreparedStatement posting = db.prepareStatement("""
                        INSERT INTO posting (entry_id, account_id, amount, balance_after, account_version) VALUES (?, ?, ?, ?, ?)""")) {
                    for (long[] pair : accountsAndUsers) {
                        posting.setLong(1, entryId);
                        posting.setLong(2, pair[0]);
                        posting.setLong(3, opening);
                        posting.setLong(4, opening);
                        posting.setLong(5, 1);
                        posting.addBatch();
                    }
                    posting.setLong(1, entryId);
                    posting.setLong(2, bankAccount);
                    posting.setLong(3, -opening * count);
                    posting.setLong(4, bankBalance);
                    posting.setLong(5, bankVersion);
                    posting.addBatch();
                    posting.executeBatch();
                }
                try (Statement s = db.createStatement()) {
                    s.executeUpdate("UPDATE ledger_account SET balance = " + bankBalance + ", version = " + bankVersion
                            + " WHERE id = " + bankAccount);
                    s.execute("ANALYZE");
                }
            }
            db.commit();
            return wallets;
        }
    }

    static void warmUp(HttpClient http, String base, List<Wallet> wallets, int clients) throws Exception {
        long until = System.nanoTime() + Duration.ofSeconds(Integer.getInteger("warmup", 10)).toNanos();
        runLoop(http, base, wallets, clients, until, 50, new Stats());
    }

    static final class Stats {
        final AtomicLong ok = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
        final List<long[]> latencies = new ArrayList<>();
    }

    record Result(String name, long ok, long errors, Map<String, Long> errorKinds, double seconds, double p50, double p99) {
        double perSecond() {
            return ok / seconds;
        }
    }

    static Result run(String name, HttpClient http, String base, List<Wallet> wallets, int clients, int seconds,
            int hotPercent) throws Exception {
        Stats stats = new Stats();
        long started = System.nanoTime();
        runLoop(http, base, wallets, clients, started + Duration.ofSeconds(seconds).toNanos(), hotPercent, stats);
        double elapsed = (System.nanoTime() - started) / 1e9;
        long[] all = stats.latencies.stream().flatMapToLong(Arrays::stream).filter(v -> v > 0).sorted().toArray();
        double p50 = all.length == 0 ? 0 : all[(int) (all.length * 0.50)] / 1e6;
        double p99 = all.length == 0 ? 0 : all[Math.min(all.length - 1, (int) (all.length * 0.99))] / 1e6;
        Map<String, Long> kinds = new TreeMap<>();
        stats.errorKinds.forEach((k, v) -> kinds.put(k, v.get()));
        Result result = new Result(name, stats.ok.get(), stats.errors.get(), kinds, elapsed, p50, p99);
        System.out.printf("%s: %d ok in %.1f s = %.0f /s, p50 %.1f ms, p99 %.1f ms, errors %d %s%n", name, result.ok,
                elapsed, result.perSecond(), p50, p99, result.errors, kinds);
        return result;
    }

    static void runLoop(HttpClient http, String base, List<Wallet> wallets, int clients, long until, int hotPercent,
            Stats stats) throws Exception {
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[] latencies = new long[2_000_000];
            synchronized (stats.latencies) {
                stats.latencies.add(latencies);
            }
            Thread thread = new Thread(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                int n = 0;
                while (System.nanoTime() < until && n < latencies.length) {
                    Wallet from = wallets.get(random.nextInt(wallets.size()));
                    String path;
                    String body;
                    if (random.nextInt(100) < hotPercent) {
                        path = "/api/v1/wallet/payments";
                        body = "{\"merchantCode\":\"KOPI-NUSANTARA\",\"amount\":10000,\"pin\":\"" + PIN + "\"}";
                    } else {
                        Wallet to;
                        do {
                            to = wallets.get(random.nextInt(wallets.size()));
                        } while (to == from);
                        path = "/api/v1/wallet/transfers";
                        body = "{\"phone\":\"" + to.phone() + "\",\"amount\":10000,\"pin\":\"" + PIN + "\"}";
                    }
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("Authorization", "Bearer " + from.token())
                            .header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    long start = System.nanoTime();
                    try {
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - start;
                        if (response.statusCode() == 201) {
                            stats.ok.incrementAndGet();
                            latencies[n++] = took;
                        } else {
                            stats.errors.incrementAndGet();
                            String code = response.body().replaceAll("(?s).*\"code\":\"([^\"]+)\".*", "$1");
                            stats.errorKinds.computeIfAbsent(response.statusCode() + ":" + (code.length() > 40 ? "?" : code),
                                    k -> new AtomicLong()).incrementAndGet();
                        }
                    } catch (Exception failure) {
                        stats.errors.incrementAndGet();
                        stats.errorKinds.computeIfAbsent(failure.getClass().getSimpleName(), k -> new AtomicLong())
                                .incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    static double pgbench(String db, int clients, int seconds) throws Exception {
        exec(List.of("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", db));
        exec(List.of("createdb", "-h", "127.0.0.1", "-U", "postgres", db));
        exec(List.of("pgbench", "-h", "127.0.0.1", "-U", "postgres", "-i", "-q", "-s", String.valueOf(Math.max(10, clients)), db));
        String output = exec(List.of("pgbench", "-h", "127.0.0.1", "-U", "postgres", "-b", "tpcb-like", "-c",
                String.valueOf(clients), "-j", "2", "-T", String.valueOf(seconds), db));
        System.out.print(output);
        double tps = 0;
        for (String line : output.split("\n")) {
            if (line.startsWith("tps =")) {
                tps = Double.parseDouble(line.replaceAll("tps = ([0-9.]+).*", "$1"));
            }
        }
        exec(List.of("dropdb", "-h", "127.0.0.1", "-U", "postgres", "--if-exists", db));
        return tps;
    }

    static String exec(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

    static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    static String pinHash(long userId, String salt) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(PEPPER.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((salt + ":" + userId + ":" + PIN).getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
