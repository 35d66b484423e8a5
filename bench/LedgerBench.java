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
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seeds the ledger benchmark (run by bench/run-ledger-bench.sh, which starts the app on PostgreSQL): N
 * customer wallets straight into the database (users, API tokens, wallets with a PIN and an opening balance
 * booked as one balanced journal entry), and writes "phone,token" lines for the load driver
 * (bench/ledger/transfers.lua under wrk). The PIN hash needs the app's pepper (-Dpepper).
 */
public class LedgerBench {

    static final String PIN = "246810";
    static final String PEPPER = System.getProperty("pepper", "walletdesk-development-pin-pepper");

    public static void main(String[] args) throws Exception {
        String jdbcUrl = System.getProperty("jdbc", "jdbc:postgresql://127.0.0.1:5432/walletdesk_bench");
        int accounts = Integer.getInteger("accounts", 10_000);
        String out = System.getProperty("out", "/tmp/walletdesk-bench-wallets.csv");
        if (!jdbcUrl.startsWith("jdbc:postgresql://127.0.0.1") && !jdbcUrl.startsWith("jdbc:postgresql://localhost")) {
            throw new IllegalArgumentException("Loopback only: " + jdbcUrl);
        }
        List<Wallet> wallets = seed(jdbcUrl, accounts);
        StringBuilder lines = new StringBuilder();
        for (Wallet w : wallets) {
            lines.append(w.phone()).append(',').append(w.token()).append('\n');
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of(out), lines);
        System.out.printf("Seeded %d wallets into %s; tokens in %s%n", wallets.size(), jdbcUrl, out);
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
