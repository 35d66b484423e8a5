package io.walletdesk.reporting.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The report queries: aggregated in the database over indexed day columns, so a year stays fast. */
@Service
public class Reports {

    private final JdbcClient jdbc;

    Reports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The headline numbers of a period. */
    public record Summary(long conversations, long answered, Double averageFirstResponseMinutes, long resolved,
            Double averageResolutionHours, long breached, long rated, Double averageRating) {

        public double breachedPercent() {
            return conversations == 0 ? 0 : 100.0 * breached / conversations;
        }
    }

    /** Conversations started on one day in one channel. */
    public record DayCount(LocalDate day, String channel, long count) {
    }

    /** A count per key (channel, rating, complaint category). */
    public record Count(String key, long count) {
    }

    public Summary summary(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT COUNT(*) AS total, COUNT(first_response_seconds) AS answered,
                  AVG(first_response_seconds) / 60.0 AS first_minutes, COUNT(resolved_at) AS resolved,
                  AVG(resolution_seconds) / 3600.0 AS resolution_hours,
                  SUM(CASE WHEN sla_breached THEN 1 ELSE 0 END) AS breached, COUNT(rating) AS rated,
                  AVG(CAST(rating AS DECIMAL(5,2))) AS rating
                FROM report_conversations WHERE started_day BETWEEN :from AND :to""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new Summary(rs.getLong("total"), rs.getLong("answered"),
                        number(rs.getObject("first_minutes")), rs.getLong("resolved"),
                        number(rs.getObject("resolution_hours")), rs.getLong("breached"), rs.getLong("rated"),
                        number(rs.getObject("rating"))))
                .single();
    }

    public List<DayCount> perDay(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT started_day, channel, COUNT(*) AS n FROM report_conversations
                WHERE started_day BETWEEN :from AND :to GROUP BY started_day, channel ORDER BY started_day, channel""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new DayCount(rs.getDate("started_day").toLocalDate(), rs.getString("channel"),
                        rs.getLong("n")))
                .list();
    }

    public List<Count> ratings(LocalDate from, LocalDate to) {
        return counts("SELECT CAST(rating AS VARCHAR(2)) AS k, COUNT(*) AS n FROM report_conversations "
                + "WHERE rating IS NOT NULL AND started_day BETWEEN :from AND :to GROUP BY rating ORDER BY rating", from, to);
    }

    public List<Count> complaintsByCategory(LocalDate from, LocalDate to) {
        return counts("SELECT category AS k, COUNT(*) AS n FROM report_complaints "
                + "WHERE filed_day BETWEEN :from AND :to GROUP BY category ORDER BY COUNT(*) DESC, category", from, to);
    }

    /** Per day, per channel: the series a stacked chart draws. */
    public Map<LocalDate, Map<String, Long>> series(List<DayCount> days) {
        Map<LocalDate, Map<String, Long>> series = new TreeMap<>();
        for (DayCount day : days) {
            series.computeIfAbsent(day.day(), d -> new TreeMap<>()).put(day.channel(), day.count());
        }
        return series;
    }

    private List<Count> counts(String sql, LocalDate from, LocalDate to) {
        return jdbc.sql(sql).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new Count(rs.getString("k"), rs.getLong("n"))).list();
    }

    private static Double number(Object value) {
        return value == null ? null : ((Number) value).doubleValue();
    }
}
