package io.walletdesk.ledger.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Banks, merchants, fees and suspense. A hot account (the big merchant every customer pays, a bank's
 * settlement account every top-up touches) is striped: its main account plus {@code stripes - 1}
 * sub-accounts. A posting goes to one stripe picked at random, so concurrent payments lock different rows;
 * the balance is the sum over the stripes.
 */
@Component
class SystemAccounts implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<String, Striped> merchants = new ConcurrentHashMap<>();
    private final Map<String, Striped> banks = new ConcurrentHashMap<>();
    private volatile Striped fees;
    private volatile long suspense;

    SystemAccounts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A merchant or bank: its name, main account and all stripes (main first). */
    public record Striped(long id, String code, String name, long mainAccountId, List<Long> stripeAccountIds,
            int feeBps, long dailyLimit) {

        public long pickStripe() {
            return stripeAccountIds.get(ThreadLocalRandom.current().nextInt(stripeAccountIds.size()));
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    synchronized void load() {
        long feesMain = jdbc.sql("SELECT id FROM ledger_account WHERE code = 'fees'").query(Long.class).single();
        fees = striped(0, "fees", "Fees", feesMain, 16, 0, 0, "FEES", "");
        suspense = jdbc.sql("SELECT id FROM ledger_account WHERE code = 'suspense'").query(Long.class).single();
        jdbc.sql("SELECT id, code, name, account_id, stripes, fee_bps FROM merchant").query((rs, n) -> {
            merchants.put(rs.getString("code"), striped(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                    rs.getLong("account_id"), rs.getInt("stripes"), rs.getInt("fee_bps"), 0, "MERCHANT", "merchant:"));
            return null;
        }).list();
        jdbc.sql("SELECT code, name, account_id, stripes, daily_limit FROM bank").query((rs, n) -> {
            banks.put(rs.getString("code"), striped(0, rs.getString("code"), rs.getString("name"),
                    rs.getLong("account_id"), rs.getInt("stripes"), 0, rs.getLong("daily_limit"), "BANK_SETTLEMENT", "bank:"));
            return null;
        }).list();
    }

    private Striped striped(long id, String code, String name, long mainAccount, int stripes, int feeBps,
            long dailyLimit, String kind, String prefix) {
        List<Long> ids = new ArrayList<>();
        ids.add(mainAccount);
        for (int i = 1; i < stripes; i++) {
            String stripeCode = prefix + code + "#" + i;
            Optional<Long> existing = jdbc.sql("SELECT id FROM ledger_account WHERE code = :code")
                    .param("code", stripeCode).query(Long.class).optional();
            if (existing.isEmpty()) {
                try {
                    jdbc.sql("INSERT INTO ledger_account (kind, code, parent_id, created_at) VALUES (?, ?, ?, ?)")
                            .params(kind, stripeCode, mainAccount, Timestamp.from(clock.instant())).update();
                } catch (DuplicateKeyException anotherNodeWasFaster) {
                    // The stripe exists now either way.
                }
                existing = jdbc.sql("SELECT id FROM ledger_account WHERE code = :code")
                        .param("code", stripeCode).query(Long.class).optional();
            }
            ids.add(existing.orElseThrow());
        }
        return new Striped(id, code, name, mainAccount, List.copyOf(ids), feeBps, dailyLimit);
    }

    public Optional<Striped> merchant(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(merchants.get(code.trim().toUpperCase(java.util.Locale.ROOT)));
    }

    public Optional<Striped> merchantById(long merchantId) {
        return merchants.values().stream().filter(m -> m.id() == merchantId).findFirst();
    }

    public List<Striped> merchants() {
        return merchants.values().stream().sorted(java.util.Comparator.comparing(Striped::name)).toList();
    }

    public Optional<Striped> bank(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(banks.get(code.trim().toUpperCase(java.util.Locale.ROOT)));
    }

    public List<Striped> banks() {
        return banks.values().stream().sorted(java.util.Comparator.comparing(Striped::code)).toList();
    }

    /** The fee income account, striped because every merchant payment with a fee touches it. */
    public Striped fees() {
        return fees;
    }

    public long suspense() {
        return suspense;
    }
}
