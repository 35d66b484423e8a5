package io.walletdesk.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What support staff see of a customer's money beside a conversation, beyond {@link WalletStanding}: money held
 * for transactions still in flight, each transaction's steps, and whose a transaction is (to find conversations by
 * transaction id). Read-only; amounts are whole rupiah.
 */
@Service
public class WalletHoldings {

    private final JdbcClient jdbc;

    WalletHoldings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Unresolved holds on the customer's wallet: money reserved but neither posted nor released yet. */
    public record Held(long amount, int count, Instant nextExpiry) {
    }

    /** One step of a transaction's timeline, e.g. REQUESTED, SENT_TO_BANK, FAILED with its reason code. */
    public record Step(String step, String reasonCode, Instant occurredAt) {
    }

    public Held held(long userId) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(h.amount), 0) AS total, COUNT(h.id) AS n, MIN(h.expires_at) AS next_expiry
                FROM wallet w JOIN ledger_hold h ON h.debit_account_id = w.account_id
                LEFT JOIN ledger_hold_resolution r ON r.hold_id = h.id
                WHERE w.user_id = :user AND r.hold_id IS NULL""")
                .param("user", userId)
                .query((rs, n) -> new Held(rs.getLong("total"), rs.getInt("n"),
                        rs.getTimestamp("next_expiry") == null ? null : rs.getTimestamp("next_expiry").toInstant()))
                .single();
    }

    /** The steps of the customer's own transaction, oldest first; empty when it is not theirs. */
    public List<Step> timeline(long userId, long transactionId) {
        return jdbc.sql("""
                SELECT s.step, s.reason_code, s.occurred_at FROM wallet_transaction_step s
                JOIN wallet_transaction t ON t.id = s.transaction_id
                WHERE t.id = :tx AND (t.user_id = :user OR t.counterparty_user_id = :user) ORDER BY s.id""")
                .param("tx", transactionId).param("user", userId)
                .query((rs, n) -> new Step(rs.getString("step"), rs.getString("reason_code"),
                        rs.getTimestamp("occurred_at").toInstant()))
                .list();
    }

    /** The customer who started a transaction, for staff searching conversations by a transaction id. */
    public Optional<Long> ownerOf(long transactionId) {
        return jdbc.sql("SELECT user_id FROM wallet_transaction WHERE id = :tx").param("tx", transactionId)
                .query(Long.class).optional();
    }
}
