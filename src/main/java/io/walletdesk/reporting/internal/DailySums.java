package io.walletdesk.reporting.internal;

import java.sql.Date;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps report_daily equal to the sums of the facts: whenever a fact changes, its old part is taken out of
 * its row and its new part added, in the caller's transaction. Rows are touched in key order, so two
 * changes never wait for each other in a cycle; a row inserted by two at once is retried as an update
 * (behind a savepoint, so that PostgreSQL's transaction survives the duplicate key).
 */
@Component
class DailySums {

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;
    private final String update;
    private final String insert;

    DailySums(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        StringBuilder set = new StringBuilder();
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < Totals.COLUMNS.size(); i++) {
            String column = Totals.COLUMNS.get(i);
            set.append(i == 0 ? "" : ", ").append(column).append(" = ").append(column).append(" + :d").append(i);
            values.append(", :d").append(i);
        }
        this.update = "UPDATE report_daily SET " + set
                + " WHERE started_day = :day AND channel = :channel AND intent = :intent AND team_id = :team";
        this.insert = "INSERT INTO report_daily (started_day, channel, intent, team_id, " + String.join(", ", Totals.COLUMNS)
                + ") VALUES (:day, :channel, :intent, :team" + values + ")";
    }

    /** A fact went from {@code before} (null: it is new) to {@code after}. */
    void changed(ConversationFact before, ConversationFact after) {
        Map<ConversationFact.DailyKey, long[]> deltas = new TreeMap<>();
        if (before != null) {
            add(deltas, before.key(), before.sums(), -1);
        }
        if (after != null) {
            add(deltas, after.key(), after.sums(), 1);
        }
        deltas.forEach((key, delta) -> {
            if (Arrays.stream(delta).anyMatch(d -> d != 0)) {
                apply(key, delta);
            }
        });
    }

    private static void add(Map<ConversationFact.DailyKey, long[]> deltas, ConversationFact.DailyKey key, long[] sums,
            int sign) {
        long[] delta = deltas.computeIfAbsent(key, k -> new long[sums.length]);
        for (int i = 0; i < sums.length; i++) {
            delta[i] += sign * sums[i];
        }
    }

    private void apply(ConversationFact.DailyKey key, long[] delta) {
        if (run(update, key, delta) == 0) {
            try {
                savepoint.executeWithoutResult(status -> run(insert, key, delta));
            } catch (DuplicateKeyException raced) {
                run(update, key, delta);
            }
        }
    }

    private int run(String sql, ConversationFact.DailyKey key, long[] delta) {
        var statement = jdbc.sql(sql).param("day", Date.valueOf(key.day())).param("channel", key.channel())
                .param("intent", key.intent()).param("team", key.teamId());
        for (int i = 0; i < delta.length; i++) {
            statement = statement.param("d" + i, delta[i]);
        }
        return statement.update();
    }
}
