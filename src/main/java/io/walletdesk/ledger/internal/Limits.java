package io.walletdesk.ledger.internal;

import io.walletdesk.shared.money.Money;
import io.walletdesk.shared.time.UserTime;
import io.walletdesk.shared.web.ProblemException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tier limits on what a wallet may hold and receive per calendar month (Jakarta time). Called with the
 * receiving account locked, inside the transaction that posts, so two payments cannot both slip under.
 */
@Component
public class Limits {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final WalletProperties properties;

    Limits(JdbcClient jdbc, Clock clock, WalletProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    /** Which limit an incoming amount would break, or null when it fits. */
    public enum Breach {
        BALANCE_CAP, MONTHLY_INCOMING
    }

    /** The limit the amount would break, with the limit's value; null when it fits. */
    public record Check(Breach breach, long limit) {
    }

    public Check checkIncoming(long currentBalance, long accountId, WalletTier tier, long amount) {
        WalletProperties.Tier limits = properties.tier(tier);
        if (currentBalance + amount > limits.maxBalance()) {
            return new Check(Breach.BALANCE_CAP, limits.maxBalance());
        }
        if (receivedThisMonth(accountId) + amount > limits.maxMonthlyIncoming()) {
            return new Check(Breach.MONTHLY_INCOMING, limits.maxMonthlyIncoming());
        }
        return null;
    }

    /** Throws the customer's own limit problem (top-ups) when the amount does not fit. */
    public void requireOwnIncoming(long currentBalance, long accountId, WalletTier tier, long amount) {
        Check check = checkIncoming(currentBalance, accountId, tier, amount);
        if (check != null) {
            throw ProblemException.forField(check.breach() == Breach.BALANCE_CAP ? "balance-cap" : "monthly-incoming-limit",
                    HttpStatus.UNPROCESSABLE_ENTITY, "amount", Money.format(check.limit()));
        }
    }

    public long receivedThisMonth(long accountId) {
        return jdbc.sql("SELECT received FROM wallet_monthly_inflow WHERE account_id = :account AND month_key = :month")
                .param("account", accountId).param("month", month()).query(Long.class).optional().orElse(0L);
    }

    /**
     * Checks the incoming amount against the tier and, when it fits, adds it to this month's total, in
     * one statement in the common case. The caller holds the receiving account's lock.
     *
     * @return the breached limit, or null when the amount was recorded
     */
    public Check admitIncoming(long currentBalance, long accountId, WalletTier tier, long amount) {
        WalletProperties.Tier limits = properties.tier(tier);
        if (currentBalance + amount > limits.maxBalance()) {
            return new Check(Breach.BALANCE_CAP, limits.maxBalance());
        }
        String month = month();
        int updated = jdbc.sql("""
                UPDATE wallet_monthly_inflow SET received = received + ?
                WHERE account_id = ? AND month_key = ? AND received + ? <= ?""")
                .params(amount, accountId, month, amount, limits.maxMonthlyIncoming()).update();
        if (updated == 1) {
            return null;
        }
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM wallet_monthly_inflow WHERE account_id = ? AND month_key = ?")
                .params(accountId, month).query(Long.class).single() > 0;
        if (exists || amount > limits.maxMonthlyIncoming()) {
            return new Check(Breach.MONTHLY_INCOMING, limits.maxMonthlyIncoming());
        }
        jdbc.sql("INSERT INTO wallet_monthly_inflow (account_id, month_key, received) VALUES (?, ?, ?)")
                .params(accountId, month, amount).update();
        return null;
    }

    /** This month's received totals of several accounts (missing means zero). */
    public java.util.Map<Long, Long> receivedThisMonth(java.util.Collection<Long> accountIds) {
        java.util.Map<Long, Long> received = new java.util.HashMap<>();
        if (accountIds.isEmpty()) {
            return received;
        }
        jdbc.sql("SELECT account_id, received FROM wallet_monthly_inflow WHERE month_key = :month AND account_id IN (:ids)")
                .param("month", month()).param("ids", List.copyOf(accountIds))
                .query((rs, n) -> received.put(rs.getLong(1), rs.getLong(2))).list();
        return received;
    }

    /**
     * Adds many amounts to this month's totals: one UPDATE for the accounts that have a row, one INSERT for
     * the others ({@code existing} as read by {@link #receivedThisMonth(java.util.Collection)}). The caller
     * holds all the accounts' locks.
     */
    public void recordIncoming(java.util.Map<Long, Long> amounts, java.util.Set<Long> existing) {
        String month = month();
        StringBuilder update = new StringBuilder("UPDATE wallet_monthly_inflow SET received = received + CASE account_id");
        List<Object> updateValues = new java.util.ArrayList<>();
        List<Object> updateIds = new java.util.ArrayList<>();
        StringBuilder insert = new StringBuilder("INSERT INTO wallet_monthly_inflow (account_id, month_key, received) VALUES ");
        List<Object> insertValues = new java.util.ArrayList<>();
        for (java.util.Map.Entry<Long, Long> amount : amounts.entrySet()) {
            if (existing.contains(amount.getKey())) {
                update.append(" WHEN ? THEN CAST(? AS BIGINT)");
                updateValues.add(amount.getKey());
                updateValues.add(amount.getValue());
                updateIds.add(amount.getKey());
            } else {
                insert.append(insertValues.isEmpty() ? "" : ", ").append("(?, ?, ?)");
                insertValues.addAll(List.of(amount.getKey(), month, amount.getValue()));
            }
        }
        if (!updateIds.isEmpty()) {
            update.append(" ELSE 0 END WHERE month_key = ? AND account_id IN (")
                    .append(String.join(", ", java.util.Collections.nCopies(updateIds.size(), "?"))).append(")");
            List<Object> all = new java.util.ArrayList<>(updateValues);
            all.add(month);
            all.addAll(updateIds);
            jdbc.sql(update.toString()).params(all).update();
        }
        if (!insertValues.isEmpty()) {
            jdbc.sql(insert.toString()).params(insertValues).update();
        }
    }

    /** Adds to this month's received total; the caller holds the account's lock. */
    public void recordIncoming(long accountId, long amount) {
        String month = month();
        int updated = jdbc.sql("UPDATE wallet_monthly_inflow SET received = received + ? WHERE account_id = ? AND month_key = ?")
                .params(amount, accountId, month).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO wallet_monthly_inflow (account_id, month_key, received) VALUES (?, ?, ?)")
                    .params(accountId, month, amount).update();
        }
    }

    private String month() {
        return YearMonth.from(clock.instant().atZone(UserTime.DEFAULT_ZONE)).toString();
    }

    public WalletProperties.Tier tier(WalletTier tier) {
        return properties.tier(tier);
    }
}
