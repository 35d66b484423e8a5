package io.walletdesk.ledger.internal;

import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes everything a completed payment or transfer leaves behind, after its accounts were locked and its
 * limits admitted: the customer-facing transaction with its timeline, the journal entry, its postings, the
 * new balances, a first-time payee, the audit row and the idempotency key. On PostgreSQL that is ONE
 * statement (data-modifying CTEs), so a transfer's transaction is three round trips (lock, monthly limit,
 * this) plus the commit; elsewhere (H2 in tests) the same rows are written one statement at a time through
 * the usual classes. Both run inside the caller's transaction; a duplicate idempotency key fails the whole
 * write, as before.
 */
@Component
class Bookings {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Ledger ledger;
    private final TransactionLog log;
    private final RiskRules risk;
    private final AuditTrail audit;
    private final Idempotency idempotency;
    private final boolean postgres;

    Bookings(JdbcClient jdbc, Clock clock, Ledger ledger, TransactionLog log, RiskRules risk, AuditTrail audit,
            Idempotency idempotency) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ledger = ledger;
        this.log = log;
        this.risk = risk;
        this.audit = audit;
        this.idempotency = idempotency;
        this.postgres = ledger.isPostgres();
    }

    /**
     * One completed payment or transfer. {@code payeeUserId}: a first-time payee to remember for the sender
     * (null: none); {@code audit}'s details are prefixed with {@code tx=<id> }.
     */
    record Booking(TransactionLog.NewTransaction transaction, String entryKind, List<Ledger.Leg> legs, Long payeeUserId,
            AuditEntry audit, String key, String requestHash) {
    }

    /**
     * Checks the legs against the locked balances (nothing is written when they do not fit) and writes the
     * booking.
     *
     * @throws Ledger.InsufficientFunds when an account would fall below its floor
     */
    TransactionView book(Ledger.Locked locked, Booking booking) {
        List<Ledger.Staged> staged = ledger.stage(locked, booking.legs());
        TransactionLog.NewTransaction t = booking.transaction();
        if (!postgres) {
            TransactionView created = log.create(t, "CREATED", "COMPLETED");
            ledger.write(locked, booking.entryKind(), created.id(), null, staged);
            if (booking.payeeUserId() != null) {
                risk.rememberPayee(t.userId(), booking.payeeUserId());
            }
            AuditEntry a = booking.audit();
            audit.record(new AuditEntry(a.action(), a.actorUserId(), a.actorRole(), a.subjectUserId(),
                    "tx=" + created.id() + " " + a.details(), a.ip(), a.userAgent()));
            idempotency.remember(t.userId(), booking.key(), booking.requestHash(), created.id());
            return created;
        }
        Instant at = clock.instant();
        Timestamp now = Timestamp.from(at);
        // The last state of every touched account (an account may carry several legs).
        Map<Long, Ledger.Staged> last = new LinkedHashMap<>();
        staged.forEach(p -> last.put(p.accountId(), p));
        AuditEntry a = booking.audit();
        long id = jdbc.sql("""
                WITH tx AS (
                    INSERT INTO wallet_transaction (kind, status, user_id, user_label, counterparty_user_id,
                        counterparty_label, merchant_id, amount, fee, note, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id),
                steps AS (
                    INSERT INTO wallet_transaction_step (transaction_id, step, occurred_at)
                    SELECT tx.id, s.step, ? FROM tx, (VALUES (1, 'CREATED'), (2, 'COMPLETED')) AS s (n, step) ORDER BY s.n),
                entry AS (
                    INSERT INTO journal_entry (kind, transaction_id, created_at) SELECT ?, tx.id, ? FROM tx RETURNING id),
                postings AS (
                    INSERT INTO posting (entry_id, account_id, amount, balance_after, account_version)
                    SELECT entry.id, p.account_id, p.amount, p.balance_after, p.version
                    FROM entry, unnest(CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS BIGINT[]))
                        WITH ORDINALITY AS p (account_id, amount, balance_after, version, n) ORDER BY p.n),
                balances AS (
                    UPDATE ledger_account a SET balance = b.balance, version = b.version
                    FROM unnest(CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS BIGINT[])) AS b (id, balance, version)
                    WHERE a.id = b.id RETURNING a.id),
                payee AS (
                    INSERT INTO wallet_payee (user_id, payee_user_id, first_paid_at)
                    SELECT ?, CAST(? AS BIGINT), ? WHERE CAST(? AS BIGINT) IS NOT NULL ON CONFLICT DO NOTHING),
                audit AS (
                    INSERT INTO audit_log (occurred_at, action, actor_user_id, actor_role, subject_user_id, details, ip, user_agent)
                    SELECT ?, ?, ?, ?, ?, 'tx=' || tx.id || ' ' || ?, ?, ? FROM tx),
                idem AS (
                    INSERT INTO wallet_idempotency_key (user_id, idem_key, request_hash, transaction_id, created_at)
                    SELECT ?, ?, ?, tx.id, ? FROM tx)
                SELECT tx.id * CASE WHEN (SELECT COUNT(*) FROM balances) = ? THEN 1 ELSE -1 END FROM tx""")
                .params(t.kind().name(), t.status().name(), t.userId(), text(t.userLabel()), number(t.counterpartyUserId()),
                        text(t.counterpartyLabel()), number(t.merchantId()), t.amount(), t.fee(), text(t.note()), now, now,
                        now,
                        booking.entryKind(), now,
                        array(staged.stream().map(Ledger.Staged::accountId).toList()),
                        array(staged.stream().map(Ledger.Staged::amount).toList()),
                        array(staged.stream().map(Ledger.Staged::balanceAfter).toList()),
                        array(staged.stream().map(Ledger.Staged::version).toList()),
                        array(new ArrayList<>(last.keySet())),
                        array(last.values().stream().map(Ledger.Staged::balanceAfter).toList()),
                        array(last.values().stream().map(Ledger.Staged::version).toList()),
                        t.userId(), number(booking.payeeUserId()), now, number(booking.payeeUserId()),
                        now, a.action(), number(a.actorUserId()), text(a.actorRole()), number(a.subjectUserId()),
                        text(truncate(a.details(), 1900)), text(truncate(a.ip(), 64)), text(truncate(a.userAgent(), 512)),
                        t.userId(), booking.key(), booking.requestHash(), now,
                        last.size())
                .query(Long.class).single();
        if (id < 0) {
            throw new IllegalStateException("Expected to update " + last.size() + " accounts for transaction " + -id);
        }
        return TransactionLog.view(id, t, at, "CREATED", "COMPLETED");
    }

    // Typed parameters: a null of unknown type would make Spring ask the driver for the statement's
    // parameter types, which costs PostgreSQL a round trip.
    private static SqlParameterValue number(Long value) {
        return new SqlParameterValue(Types.BIGINT, value);
    }

    private static SqlParameterValue text(String value) {
        return new SqlParameterValue(Types.VARCHAR, value);
    }

    /** A PostgreSQL array literal of numbers (no user text ever goes through here). */
    private static String array(List<Long> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
