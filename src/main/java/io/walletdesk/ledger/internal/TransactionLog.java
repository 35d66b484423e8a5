package io.walletdesk.ledger.internal;

import io.walletdesk.ledger.TransactionStatus;
import io.walletdesk.ledger.TransactionKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** Customer-facing transactions and their timelines. */
@Component
class TransactionLog {

    private static final String COLUMNS = """
            id, kind, status, user_id, user_label, counterparty_user_id, counterparty_label, bank_code,
            bank_account_masked, amount, fee, note, reason_code, reason_args, waiting_for, expected_by,
            original_transaction_id, created_at, updated_at""";

    private final JdbcClient jdbc;
    private final Clock clock;

    TransactionLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a new transaction is. */
    public record NewTransaction(TransactionKind kind, TransactionStatus status, long userId, String userLabel,
            Long counterpartyUserId, String counterpartyLabel, Long merchantId, String bankCode,
            String bankAccountMasked, long amount, long fee, String note, String waitingFor, Instant expectedBy,
            Long originalTransactionId, String bankReference) {
    }

    /** Inserts the transaction and its first timeline steps (e.g. CREATED, COMPLETED); returns it as stored. */
    public TransactionView create(NewTransaction t, String... steps) {
        Instant at = clock.instant();
        Timestamp now = Timestamp.from(at);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO wallet_transaction (kind, status, user_id, user_label, counterparty_user_id, counterparty_label,
                    merchant_id, bank_code, bank_account_masked, amount, fee, note, waiting_for, expected_by,
                    original_transaction_id, bank_reference, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(t.kind().name(), t.status().name(), t.userId(), t.userLabel(), t.counterpartyUserId(),
                        t.counterpartyLabel(), t.merchantId(), t.bankCode(), t.bankAccountMasked(), t.amount(), t.fee(),
                        t.note(), t.waitingFor(), t.expectedBy() == null ? null : Timestamp.from(t.expectedBy()),
                        t.originalTransactionId(), t.bankReference(), now, now)
                .update(key, "id");
        long id = key.getKey().longValue();
        if (steps.length > 0) {
            StringBuilder sql = new StringBuilder("INSERT INTO wallet_transaction_step (transaction_id, step, occurred_at) VALUES ");
            List<Object> values = new ArrayList<>();
            for (String step : steps) {
                sql.append(values.isEmpty() ? "" : ", ").append("(?, ?, ?)");
                values.addAll(List.of(id, step, now));
            }
            jdbc.sql(sql.toString()).params(values).update();
        }
        return view(id, t, at, steps);
    }

    /** A transaction as {@link #create} stores it, created at {@code at} with these first steps. */
    static TransactionView view(long id, NewTransaction t, Instant at, String... steps) {
        List<TransactionView.Step> timeline = new ArrayList<>();
        for (String step : steps) {
            timeline.add(new TransactionView.Step(step, null, at));
        }
        return new TransactionView(id, t.kind(), t.status(), t.userId(), t.userLabel(), t.counterpartyUserId(),
                t.counterpartyLabel(), t.bankCode(), t.bankAccountMasked(), t.amount(), t.fee(), t.note(), null, List.of(),
                t.waitingFor(), t.expectedBy(), t.originalTransactionId(), at, at, List.copyOf(timeline));
    }

    /** The journal entry that moved a payment's or transfer's money. */
    public Optional<Long> entryOf(long transactionId) {
        return jdbc.sql("""
                SELECT id FROM journal_entry WHERE transaction_id = :tx AND reverses_entry_id IS NULL
                  AND kind IN ('PAYMENT', 'TRANSFER') ORDER BY id""")
                .param("tx", transactionId).query(Long.class).list().stream().findFirst();
    }

    public void setEntry(long transactionId, Long entryId, Long holdId) {
        jdbc.sql("UPDATE wallet_transaction SET entry_id = COALESCE(?, entry_id), hold_id = COALESCE(?, hold_id) WHERE id = ?")
                .params(entryId, holdId, transactionId).update();
    }

    /** Moves a transaction to a new status and adds the step to its timeline. */
    public void change(long transactionId, TransactionStatus status, String step, String reasonCode, List<String> reasonArgs,
            String waitingFor, Instant expectedBy) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                UPDATE wallet_transaction SET status = ?, reason_code = COALESCE(?, reason_code),
                    reason_args = COALESCE(?, reason_args), waiting_for = ?, expected_by = ?, updated_at = ?
                WHERE id = ?""")
                .params(status.name(), reasonCode, reasonArgs == null ? null : String.join("|", reasonArgs), waitingFor,
                        expectedBy == null ? null : Timestamp.from(expectedBy), now, transactionId)
                .update();
        addStep(transactionId, step, reasonCode);
    }

    public void addStep(long transactionId, String step, String reasonCode) {
        jdbc.sql("INSERT INTO wallet_transaction_step (transaction_id, step, reason_code, occurred_at) VALUES (?, ?, ?, ?)")
                .params(transactionId, step, reasonCode, Timestamp.from(clock.instant())).update();
    }

    /** Locks the transaction row: the serialisation point for everything that changes its status. */
    public Optional<Row> lockForUpdate(long transactionId) {
        return jdbc.sql("SELECT id, status, user_id, amount, entry_id, hold_id, kind, counterparty_user_id, merchant_id, bank_code"
                + " FROM wallet_transaction WHERE id = :id FOR UPDATE").param("id", transactionId)
                .query((rs, n) -> row(rs)).optional();
    }

    public Optional<Row> byBankReference(String reference) {
        return jdbc.sql("SELECT id, status, user_id, amount, entry_id, hold_id, kind, counterparty_user_id, merchant_id, bank_code"
                + " FROM wallet_transaction WHERE bank_reference = :ref").param("ref", reference)
                .query((rs, n) -> row(rs)).optional();
    }

    /** The columns the money operations need. */
    public record Row(long id, TransactionStatus status, long userId, long amount, Long entryId, Long holdId,
            TransactionKind kind, Long counterpartyUserId, Long merchantId, String bankCode) {
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), TransactionStatus.valueOf(rs.getString("status")), rs.getLong("user_id"),
                rs.getLong("amount"), rs.getObject("entry_id", Long.class), rs.getObject("hold_id", Long.class),
                TransactionKind.valueOf(rs.getString("kind")), rs.getObject("counterparty_user_id", Long.class),
                rs.getObject("merchant_id", Long.class), rs.getString("bank_code"));
    }

    /** A transaction the user took part in (as initiator or counterparty), with its timeline. */
    public Optional<TransactionView> find(long transactionId) {
        Optional<TransactionView> view = jdbc.sql("SELECT " + COLUMNS + " FROM wallet_transaction WHERE id = :id")
                .param("id", transactionId).query((rs, n) -> view(rs, List.of())).optional();
        return view.map(v -> withTimeline(v, timeline(v.id())));
    }

    public Optional<TransactionView> findFor(long userId, long transactionId) {
        return find(transactionId).filter(v -> v.userId() == userId
                || (v.counterpartyUserId() != null && v.counterpartyUserId() == userId));
    }

    /** Filters of the history list; null means <q>any</q>. */
    public record Filter(TransactionKind kind, TransactionStatus status, Instant from, Instant to) {
    }

    /** Newest first; {@code beforeId} pages backwards. */
    public List<TransactionView> history(long userId, Filter filter, Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS
                + " FROM wallet_transaction WHERE (user_id = :user OR counterparty_user_id = :user)");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("user", userId);
        if (filter.kind() != null) {
            sql.append(" AND kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.status() != null) {
            sql.append(" AND status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.from() != null) {
            sql.append(" AND created_at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND created_at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        if (beforeId != null) {
            sql.append(" AND id < :before");
            params.put("before", beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> view(rs, List.of())).list();
    }

    /** Pending top-ups whose confirmation window closed. */
    public List<Long> expiredPending(Instant now, int limit) {
        return jdbc.sql("""
                SELECT id FROM wallet_transaction WHERE status = 'PENDING' AND expected_by < :now ORDER BY expected_by LIMIT :limit""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(Long.class).list();
    }

    private List<TransactionView.Step> timeline(long transactionId) {
        return jdbc.sql("SELECT step, reason_code, occurred_at FROM wallet_transaction_step WHERE transaction_id = :id ORDER BY id")
                .param("id", transactionId)
                .query((rs, n) -> new TransactionView.Step(rs.getString("step"), rs.getString("reason_code"),
                        rs.getTimestamp("occurred_at").toInstant())).list();
    }

    private static TransactionView withTimeline(TransactionView v, List<TransactionView.Step> timeline) {
        return new TransactionView(v.id(), v.kind(), v.status(), v.userId(), v.userLabel(), v.counterpartyUserId(),
                v.counterpartyLabel(), v.bankCode(), v.bankAccountMasked(), v.amount(), v.fee(), v.note(), v.reasonCode(),
                v.reasonArgs(), v.waitingFor(), v.expectedBy(), v.originalTransactionId(), v.createdAt(), v.updatedAt(),
                timeline);
    }

    private static TransactionView view(ResultSet rs, List<TransactionView.Step> timeline) throws SQLException {
        String args = rs.getString("reason_args");
        Timestamp expected = rs.getTimestamp("expected_by");
        return new TransactionView(rs.getLong("id"), TransactionKind.valueOf(rs.getString("kind")),
                TransactionStatus.valueOf(rs.getString("status")), rs.getLong("user_id"), rs.getString("user_label"),
                rs.getObject("counterparty_user_id", Long.class), rs.getString("counterparty_label"),
                rs.getString("bank_code"), rs.getString("bank_account_masked"), rs.getLong("amount"), rs.getLong("fee"),
                rs.getString("note"), rs.getString("reason_code"),
                args == null || args.isEmpty() ? List.of() : Arrays.stream(args.split("\\|")).collect(Collectors.toList()),
                rs.getString("waiting_for"), expected == null ? null : expected.toInstant(),
                rs.getObject("original_transaction_id", Long.class), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), timeline);
    }
}
