package io.walletdesk.ledger.internal;

import io.walletdesk.shared.money.Money;
import io.walletdesk.shared.time.UserTime;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tier limits on what a wallet may hold and receive per calendar month (Jakarta time). Called with the
 * receiving account locked, inside the transaction that posts, so two payments cannot both slip under.
 */
@Component
class Limits {

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
                    FailureKind.UNPROCESSABLE, "amount", Money.format(check.limit()));
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
        // One statement: add to this month's row when the sum fits, or start the row. The caller holds the
        // account's lock, so no parallel statement inserts the same row.
        int admitted = jdbc.sql("""
                MERGE INTO wallet_monthly_inflow m
                USING (VALUES (CAST(? AS BIGINT), CAST(? AS CHAR(7)), CAST(? AS BIGINT))) AS s (account_id, month_key, amount)
                ON m.account_id = s.account_id AND m.month_key = s.month_key
                WHEN MATCHED AND m.received + s.amount <= ? THEN UPDATE SET received = m.received + s.amount
                WHEN NOT MATCHED AND s.amount <= ? THEN INSERT (account_id, month_key, received)
                    VALUES (s.account_id, s.month_key, s.amount)""")
                .params(accountId, month(), amount, limits.maxMonthlyIncoming(), limits.maxMonthlyIncoming()).update();
        return admitted == 1 ? null : new Check(Breach.MONTHLY_INCOMING, limits.maxMonthlyIncoming());
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
