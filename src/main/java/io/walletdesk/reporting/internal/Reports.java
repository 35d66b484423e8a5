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

    /**
     * One pass over the period's facts, grouped by day and channel with every sum the page needs; the
     * summary, the per-day series and the rating distribution are all derived from these rows.
     */
    public record DayTotals(LocalDate day, String channel, long conversations, long answered, long firstResponseSeconds,
            long resolved, long resolutionSeconds, long breached, long[] ratings) {
    }

    public List<DayTotals> totals(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT started_day, channel, COUNT(*) AS n, COUNT(first_response_seconds) AS answered,
                  COALESCE(SUM(first_response_seconds), 0) AS first_sum, COUNT(resolved_at) AS resolved,
                  COALESCE(SUM(resolution_seconds), 0) AS resolution_sum,
                  SUM(CASE WHEN sla_breached THEN 1 ELSE 0 END) AS breached,
                  SUM(CASE WHEN rating = 1 THEN 1 ELSE 0 END) AS r1, SUM(CASE WHEN rating = 2 THEN 1 ELSE 0 END) AS r2,
                  SUM(CASE WHEN rating = 3 THEN 1 ELSE 0 END) AS r3, SUM(CASE WHEN rating = 4 THEN 1 ELSE 0 END) AS r4,
                  SUM(CASE WHEN rating = 5 THEN 1 ELSE 0 END) AS r5
                FROM report_conversations WHERE started_day BETWEEN :from AND :to
                GROUP BY started_day, channel ORDER BY started_day, channel""")
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> new DayTotals(rs.getDate("started_day").toLocalDate(), rs.getString("channel"),
                        rs.getLong("n"), rs.getLong("answered"), rs.getLong("first_sum"), rs.getLong("resolved"),
                        rs.getLong("resolution_sum"), rs.getLong("breached"),
                        new long[] {rs.getLong("r1"), rs.getLong("r2"), rs.getLong("r3"), rs.getLong("r4"), rs.getLong("r5")}))
                .list();
    }

    public static Summary summaryOf(List<DayTotals> totals) {
        long n = 0;
        long answered = 0;
        long firstSum = 0;
        long resolved = 0;
        long resolutionSum = 0;
        long breached = 0;
        long rated = 0;
        long ratingSum = 0;
        for (DayTotals t : totals) {
            n += t.conversations();
            answered += t.answered();
            firstSum += t.firstResponseSeconds();
            resolved += t.resolved();
            resolutionSum += t.resolutionSeconds();
            breached += t.breached();
            for (int r = 0; r < 5; r++) {
                rated += t.ratings()[r];
                ratingSum += (r + 1) * t.ratings()[r];
            }
        }
        return new Summary(n, answered, answered == 0 ? null : firstSum / 60.0 / answered, resolved,
                resolved == 0 ? null : resolutionSum / 3600.0 / resolved, breached, rated,
                rated == 0 ? null : (double) ratingSum / rated);
    }

    public static List<DayCount> perDayOf(List<DayTotals> totals) {
        return totals.stream().map(t -> new DayCount(t.day(), t.channel(), t.conversations())).toList();
    }

    public static List<Count> ratingsOf(List<DayTotals> totals) {
        long[] counts = new long[5];
        totals.forEach(t -> {
            for (int r = 0; r < 5; r++) {
                counts[r] += t.ratings()[r];
            }
        });
        java.util.List<Count> ratings = new java.util.ArrayList<>();
        for (int r = 0; r < 5; r++) {
            if (counts[r] > 0) {
                ratings.add(new Count(String.valueOf(r + 1), counts[r]));
            }
        }
        return ratings;
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

}
