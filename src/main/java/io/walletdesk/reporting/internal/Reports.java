package io.walletdesk.reporting.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The report queries. Conversation figures are read from report_daily (sums per day, channel, intent and
 * team), so a year is a few hundred thousand rows at most whatever the number of conversations; example
 * conversations come from the facts through the (intent, day, id) index; complaints are few and read directly.
 */
@Service
class Reports {

    private final JdbcClient jdbc;

    Reports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The sums of one day in one channel. */
    record DayChannel(LocalDate day, String channel, Totals totals) {
    }

    /** The sums of one intent ('' when none was detected) in one team (null when none). */
    record IntentTeam(String intent, Long teamId, Totals totals) {
    }

    /** A conversation shown as an example of an issue. */
    record Example(long conversationId, String reference, Instant startedAt, String channel, boolean resolved,
            Integer rating) {

        public String label() {
            return reference != null ? reference : "#" + conversationId;
        }
    }

    /** Complaints of one cause filed in the period, and how their deadlines went (as of {@code now}). */
    record Compliance(String category, long filed, long acknowledgedOnTime, long acknowledgedLate, long answeredOnTime,
            long answeredLate, long overdue, long inProgress, long extended) {

        /** Of the complaints answered or past their answer deadline, the share answered in time. */
        public Double answeredOnTimePercent() {
            long due = answeredOnTime + answeredLate + overdue;
            return due == 0 ? null : 100.0 * answeredOnTime / due;
        }

        /** Of the complaints acknowledged or past their acknowledgement deadline, the share acknowledged in time. */
        public Double acknowledgedOnTimePercent() {
            long due = acknowledgedOnTime + acknowledgedLate;
            return due == 0 ? null : 100.0 * acknowledgedOnTime / due;
        }

        Compliance plus(Compliance o) {
            return new Compliance(category, filed + o.filed, acknowledgedOnTime + o.acknowledgedOnTime,
                    acknowledgedLate + o.acknowledgedLate, answeredOnTime + o.answeredOnTime, answeredLate + o.answeredLate,
                    overdue + o.overdue, inProgress + o.inProgress, extended + o.extended);
        }
    }

    List<DayChannel> byDayAndChannel(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT started_day, channel, " + Totals.sumColumns() + """
                 FROM report_daily WHERE started_day BETWEEN :from AND :to
                GROUP BY started_day, channel HAVING SUM(conversations) > 0 ORDER BY started_day, channel""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new DayChannel(rs.getDate("started_day").toLocalDate(), rs.getString("channel"),
                        Totals.read(rs)))
                .list();
    }

    List<IntentTeam> byIntentAndTeam(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT intent, team_id, " + Totals.sumColumns() + """
                 FROM report_daily WHERE started_day BETWEEN :from AND :to
                GROUP BY intent, team_id HAVING SUM(conversations) > 0""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> {
                    long team = rs.getLong("team_id");
                    return new IntentTeam(rs.getString("intent"), team == 0 ? null : team, Totals.read(rs));
                })
                .list();
    }

    /** Sums per intent, the most frequent first (the empty intent: none detected). */
    static Map<String, Totals> perIntent(List<IntentTeam> rows) {
        Map<String, Totals> sums = new LinkedHashMap<>();
        rows.forEach(r -> sums.merge(r.intent(), r.totals(), Totals::plus));
        return sorted(sums);
    }

    /** Sums per team id (null: no team), the busiest first. */
    static Map<Long, Totals> perTeam(List<IntentTeam> rows) {
        Map<Long, Totals> sums = new LinkedHashMap<>();
        rows.forEach(r -> sums.merge(r.teamId(), r.totals(), Totals::plus));
        return sorted(sums);
    }

    private static <K> Map<K, Totals> sorted(Map<K, Totals> sums) {
        Map<K, Totals> sorted = new LinkedHashMap<>();
        sums.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<K, Totals> e) -> e.getValue().conversations()).reversed()
                        .thenComparing(e -> String.valueOf(e.getKey())))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /**
     * Up to {@code count} example conversations of an intent in the period for agents to learn from: among the
     * 50 newest, resolved ones rated 4 or 5 first, then other resolved ones, then the rest; newest first within each.
     */
    List<Example> examples(String intent, LocalDate from, LocalDate to, int count) {
        List<Example> newest = jdbc.sql("""
                SELECT conversation_id, reference, started_at, channel, resolved_at, rating FROM report_conversations
                WHERE intent = :intent AND started_day BETWEEN :from AND :to
                ORDER BY intent DESC, started_day DESC, conversation_id DESC LIMIT 50""")
                .param("intent", intent).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new Example(rs.getLong("conversation_id"), rs.getString("reference"),
                        rs.getTimestamp("started_at").toInstant(), rs.getString("channel"), rs.getTimestamp("resolved_at") != null,
                        rs.getObject("rating", Integer.class)))
                .list();
        List<Example> picked = new ArrayList<>();
        for (int preference = 0; preference < 3 && picked.size() < count; preference++) {
            for (Example e : newest) {
                if (picked.size() < count && preferenceOf(e) == preference) {
                    picked.add(e);
                }
            }
        }
        return picked;
    }

    private static int preferenceOf(Example e) {
        if (e.resolved() && e.rating() != null && e.rating() >= 4) {
            return 0;
        }
        return e.resolved() ? 1 : 2;
    }

    List<Compliance> complaints(LocalDate from, LocalDate to, Instant now) {
        return jdbc.sql("""
                SELECT category, COUNT(*) AS filed,
                  SUM(CASE WHEN acknowledged_at IS NOT NULL AND acknowledged_at <= acknowledge_due THEN 1 ELSE 0 END) AS ack_on_time,
                  SUM(CASE WHEN acknowledged_at > acknowledge_due OR (acknowledged_at IS NULL AND acknowledge_due < :now)
                      THEN 1 ELSE 0 END) AS ack_late,
                  SUM(CASE WHEN answered_at IS NOT NULL AND answered_at <= answer_due THEN 1 ELSE 0 END) AS answered_on_time,
                  SUM(CASE WHEN answered_at > answer_due THEN 1 ELSE 0 END) AS answered_late,
                  SUM(CASE WHEN answered_at IS NULL AND answer_due < :now THEN 1 ELSE 0 END) AS overdue,
                  SUM(CASE WHEN answered_at IS NULL AND answer_due >= :now THEN 1 ELSE 0 END) AS in_progress,
                  SUM(CASE WHEN extended THEN 1 ELSE 0 END) AS extended_count
                FROM report_complaints WHERE filed_day BETWEEN :from AND :to
                GROUP BY category ORDER BY COUNT(*) DESC, category""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).param("now", Timestamp.from(now))
                .query((rs, n) -> new Compliance(rs.getString("category"), rs.getLong("filed"), rs.getLong("ack_on_time"),
                        rs.getLong("ack_late"), rs.getLong("answered_on_time"), rs.getLong("answered_late"),
                        rs.getLong("overdue"), rs.getLong("in_progress"), rs.getLong("extended_count")))
                .list();
    }
}
