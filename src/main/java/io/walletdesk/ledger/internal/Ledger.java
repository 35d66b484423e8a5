package io.walletdesk.ledger.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The double-entry core. Every method must run inside a database transaction that first locked the
 * accounts it touches with {@link #lock}, which takes the row locks in ascending account-id order for the
 * whole operation, so two operations over the same accounts can never deadlock.
 */
@Component
class Ledger {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String lockClause;
    private final boolean postgres;

    Ledger(JdbcClient jdbc, Clock clock, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.clock = clock;
        // PostgreSQL: FOR NO KEY UPDATE is enough (we never change the key) and, unlike FOR UPDATE, does not
        // block the KEY SHARE locks that foreign-key checks of concurrent inserts take on the same rows.
        this.postgres = isPostgres(dataSource);
        this.lockClause = postgres ? "FOR NO KEY UPDATE" : "FOR UPDATE";
    }

    /** Whether the ledger runs on PostgreSQL (production) rather than H2 (tests, quick start). */
    boolean isPostgres() {
        return postgres;
    }

    private static boolean isPostgres(javax.sql.DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (java.sql.SQLException unknown) {
            return false;
        }
    }

    /** One account as locked by this transaction; updated in place as postings are made. */
    public static final class AccountState {
        final long id;
        long balance;
        long held;
        final Long floor;
        long version;

        AccountState(long id, long balance, long held, Long floor, long version) {
            this.id = id;
            this.balance = balance;
            this.held = held;
            this.floor = floor;
            this.version = version;
        }

        public long balance() {
            return balance;
        }

        public long available() {
            return balance - held;
        }
    }

    /** The accounts one transaction holds locks on. */
    public static final class Locked {
        private final Map<Long, AccountState> accounts;

        Locked(Map<Long, AccountState> accounts) {
            this.accounts = accounts;
        }

        public AccountState get(long accountId) {
            AccountState state = accounts.get(accountId);
            if (state == null) {
                throw new IllegalStateException("Account " + accountId + " was not locked by this operation");
            }
            return state;
        }
    }

    /** One leg of an entry: a signed amount on an account (positive credits it). */
    public record Leg(long accountId, long amount) {
    }

    /** Locks the accounts (SELECT ... FOR UPDATE) in ascending id order, all in one statement. */
    public Locked lock(Collection<Long> accountIds) {
        requireTransaction();
        TreeSet<Long> ordered = new TreeSet<>(accountIds);
        Map<Long, AccountState> states = new TreeMap<>();
        // One statement; ORDER BY id under FOR UPDATE locks the rows in ascending id order (the row locks
        // are taken as the sorted rows are emitted), so every operation locks in the same global order.
        jdbc.sql("SELECT id, balance, held, floor_amount, version FROM ledger_account WHERE id IN (:ids) ORDER BY id " + lockClause)
                .param("ids", List.copyOf(ordered))
                .query((rs, n) -> new AccountState(rs.getLong("id"), rs.getLong("balance"), rs.getLong("held"),
                        rs.getObject("floor_amount", Long.class), rs.getLong("version")))
                .list().forEach(state -> states.put(state.id, state));
        if (states.size() != ordered.size()) {
            throw new IllegalArgumentException("No ledger account among " + ordered);
        }
        return new Locked(states);
    }

    /**
     * Writes one balanced journal entry. Checks each account's floor against the available balance
     * (balance minus holds) before anything is written.
     *
     * @throws InsufficientFunds when an account would fall below its floor
     */
    public long post(Locked locked, String kind, Long transactionId, Long reversesEntryId, List<Leg> legs) {
        requireTransaction();
        return write(locked, kind, transactionId, reversesEntryId, stage(locked, legs));
    }

    /** Writes an entry whose legs were {@link #stage staged} on the locked accounts. */
    long write(Locked locked, String kind, Long transactionId, Long reversesEntryId, List<Staged> staged) {
        requireTransaction();
        long entryId = insertEntry(kind, transactionId, reversesEntryId, clock.instant());
        insertPostings(entryId, staged);
        updateBalances(locked, touched(staged));
        return entryId;
    }

    /** A posting checked and applied to the locked in-memory state, not yet written. */
    public record Staged(long accountId, long amount, long balanceAfter, long version) {
    }

    /**
     * Checks an entry (balanced, non-zero legs, every floor against balance minus holds) and applies it to
     * the locked accounts in memory; nothing is written. On failure the state is unchanged.
     *
     * @throws InsufficientFunds when an account would fall below its floor
     */
    public List<Staged> stage(Locked locked, List<Leg> legs) {
        long sum = 0;
        Map<Long, Long> perAccount = new LinkedHashMap<>();
        for (Leg leg : legs) {
            if (leg.amount() == 0) {
                throw new IllegalArgumentException("A posting moves money: zero amount");
            }
            sum = Math.addExact(sum, leg.amount());
            perAccount.merge(leg.accountId(), leg.amount(), Math::addExact);
        }
        if (sum != 0) {
            throw new IllegalArgumentException("Unbalanced entry: debits and credits differ by " + sum);
        }
        for (Map.Entry<Long, Long> change : perAccount.entrySet()) {
            AccountState account = locked.get(change.getKey());
            if (change.getValue() < 0 && account.floor != null
                    && account.balance + change.getValue() - account.held < account.floor) {
                throw new InsufficientFunds(account.id, account.balance - account.held);
            }
        }
        List<Staged> staged = new ArrayList<>();
        for (Leg leg : legs) {
            AccountState account = locked.get(leg.accountId());
            account.balance = Math.addExact(account.balance, leg.amount());
            account.version++;
            staged.add(new Staged(account.id, leg.amount(), account.balance, account.version));
        }
        return staged;
    }

    private void insertPostings(long entryId, List<Staged> staged) {
        StringBuilder postings = new StringBuilder(
                "INSERT INTO posting (entry_id, account_id, amount, balance_after, account_version) VALUES ");
        List<Object> values = new ArrayList<>();
        {
            for (Staged posting : staged) {
                postings.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?, ?, ?)");
                values.add(entryId);
                values.add(posting.accountId());
                values.add(posting.amount());
                values.add(posting.balanceAfter());
                values.add(posting.version());
            }
        }
        jdbc.sql(postings.toString()).params(values).update();
    }

    private static java.util.Set<Long> touched(List<Staged> staged) {
        java.util.Set<Long> ids = new java.util.LinkedHashSet<>();
        staged.forEach(p -> ids.add(p.accountId()));
        return ids;
    }

    /** One UPDATE for all accounts of the entry (CASE on id), instead of one per account. */
    private void updateBalances(Locked locked, Collection<Long> accountIds) {
        StringBuilder balance = new StringBuilder("UPDATE ledger_account SET balance = CASE id");
        StringBuilder version = new StringBuilder(", version = CASE id");
        StringBuilder ids = new StringBuilder(" END WHERE id IN (");
        List<Object> balanceValues = new ArrayList<>();
        List<Object> versionValues = new ArrayList<>();
        List<Object> idValues = new ArrayList<>();
        for (Long accountId : accountIds) {
            AccountState account = locked.get(accountId);
            balance.append(" WHEN ? THEN CAST(? AS BIGINT)");
            balanceValues.add(account.id);
            balanceValues.add(account.balance);
            version.append(" WHEN ? THEN CAST(? AS BIGINT)");
            versionValues.add(account.id);
            versionValues.add(account.version);
            ids.append(idValues.isEmpty() ? "?" : ", ?");
            idValues.add(account.id);
        }
        List<Object> all = new ArrayList<>(balanceValues);
        all.addAll(versionValues);
        all.addAll(idValues);
        int updated = jdbc.sql(balance.append(" END").append(version).append(ids).append(")").toString()).params(all).update();
        if (updated != accountIds.size()) {
            throw new IllegalStateException("Expected to update " + accountIds.size() + " accounts, updated " + updated);
        }
    }

    /**
     * Reserves {@code amount} on the debit account (its available balance drops) for a movement to the
     * credit account that is later posted, voided or expired, exactly once.
     */
    public long hold(Locked locked, long debitAccountId, long creditAccountId, long amount, Long transactionId,
            Instant expiresAt) {
        requireTransaction();
        AccountState debit = locked.get(debitAccountId);
        if (debit.floor != null && debit.balance - debit.held - amount < debit.floor) {
            throw new InsufficientFunds(debit.id, debit.balance - debit.held);
        }
        debit.held = Math.addExact(debit.held, amount);
        jdbc.sql("UPDATE ledger_account SET held = ? WHERE id = ?").params(debit.held, debit.id).update();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO ledger_hold (debit_account_id, credit_account_id, amount, transaction_id, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(debitAccountId, creditAccountId, amount, transactionId, Timestamp.from(clock.instant()),
                        Timestamp.from(expiresAt))
                .update(key, "id");
        return key.getKey().longValue();
    }

    /** A hold as stored. */
    public record Hold(long id, long debitAccountId, long creditAccountId, long amount, Long transactionId,
            Instant expiresAt) {
    }

    public Hold findHold(long holdId) {
        return jdbc.sql("""
                SELECT id, debit_account_id, credit_account_id, amount, transaction_id, expires_at
                FROM ledger_hold WHERE id = :id""").param("id", holdId)
                .query((rs, n) -> new Hold(rs.getLong("id"), rs.getLong("debit_account_id"),
                        rs.getLong("credit_account_id"), rs.getLong("amount"),
                        rs.getObject("transaction_id", Long.class), rs.getTimestamp("expires_at").toInstant()))
                .single();
    }

    /** The outcome of a resolved hold, or null while it is open. */
    public HoldOutcome resolution(long holdId) {
        return jdbc.sql("SELECT outcome FROM ledger_hold_resolution WHERE hold_id = :id").param("id", holdId)
                .query(String.class).optional().map(HoldOutcome::valueOf).orElse(null);
    }

    /**
     * Resolves an open hold. The caller has locked both accounts of the hold, so the check for an earlier
     * resolution cannot race; the primary key of {@code ledger_hold_resolution} refuses a second one anyway.
     *
     * @return the journal entry id for POSTED, otherwise null
     * @throws HoldAlreadyResolved when the hold was resolved before
     */
    public Long resolve(Locked locked, Hold hold, HoldOutcome outcome, String entryKind, List<Leg> extraLegs) {
        requireTransaction();
        HoldOutcome earlier = resolution(hold.id());
        if (earlier != null) {
            throw new HoldAlreadyResolved(hold.id(), earlier);
        }
        AccountState debit = locked.get(hold.debitAccountId());
        debit.held = Math.subtractExact(debit.held, hold.amount());
        jdbc.sql("UPDATE ledger_account SET held = ? WHERE id = ?").params(debit.held, debit.id).update();
        Long entryId = null;
        if (outcome == HoldOutcome.POSTED) {
            List<Leg> legs = new ArrayList<>();
            legs.add(new Leg(hold.debitAccountId(), -hold.amount()));
            legs.add(new Leg(hold.creditAccountId(), hold.amount()));
            legs.addAll(extraLegs);
            entryId = post(locked, entryKind, hold.transactionId(), null, legs);
        }
        jdbc.sql("INSERT INTO ledger_hold_resolution (hold_id, outcome, entry_id, resolved_at) VALUES (?, ?, ?, ?)")
                .params(hold.id(), outcome.name(), entryId, Timestamp.from(clock.instant())).update();
        return entryId;
    }

    /** The postings of an entry, for reversals: the same legs with the opposite sign. */
    public List<Leg> legsOf(long entryId) {
        return jdbc.sql("SELECT account_id, amount FROM posting WHERE entry_id = :entry ORDER BY id")
                .param("entry", entryId)
                .query((rs, n) -> new Leg(rs.getLong("account_id"), rs.getLong("amount"))).list();
    }

    /** The balance of an account and its stripes (a hot account is summed on read). */
    public long balanceWithStripes(long accountId) {
        return jdbc.sql("SELECT COALESCE(SUM(balance), 0) FROM ledger_account WHERE id = :id OR parent_id = :id")
                .param("id", accountId).query(Long.class).single();
    }

    private long insertEntry(String kind, Long transactionId, Long reversesEntryId, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO journal_entry (kind, transaction_id, reverses_entry_id, created_at) VALUES (?, ?, ?, ?)")
                .params(kind, transactionId, reversesEntryId, Timestamp.from(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Ledger operations run inside a database transaction");
        }
    }

    /** An account would fall below its floor. */
    public static final class InsufficientFunds extends RuntimeException {
        private final long accountId;
        private final long available;

        InsufficientFunds(long accountId, long available) {
            super("Insufficient funds on account " + accountId, null, false, false);
            this.accountId = accountId;
            this.available = available;
        }

        public long accountId() {
            return accountId;
        }

        public long available() {
            return available;
        }
    }

    /** A hold was already posted, voided or expired. */
    public static final class HoldAlreadyResolved extends RuntimeException {
        private final HoldOutcome outcome;

        HoldAlreadyResolved(long holdId, HoldOutcome outcome) {
            super("Hold " + holdId + " was already " + outcome, null, false, false);
            this.outcome = outcome;
        }

        public HoldOutcome outcome() {
            return outcome;
        }
    }
}
