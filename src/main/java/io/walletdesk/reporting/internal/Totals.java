package io.walletdesk.reporting.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Sums over a set of conversations (a day and channel, an intent, a team, a period...). Sums add up, so any
 * grouping is derived from finer ones; every figure on the report pages is computed from these.
 */
record Totals(long conversations, long answered, long firstResponseSeconds, long firstResponseOnTime, long resolved,
        long resolutionSeconds, long resolvedOnTime, long breached, long[] ratings) {

    /** The columns of report_daily holding these sums, in this order. */
    static final List<String> COLUMNS = List.of("conversations", "answered", "first_response_sum",
            "first_response_on_time", "resolved", "resolution_sum", "resolved_on_time", "breached", "rating_1", "rating_2",
            "rating_3", "rating_4", "rating_5");

    static final Totals NONE = new Totals(0, 0, 0, 0, 0, 0, 0, 0, new long[5]);

    /** The SUM of every column, named as the column, for a grouped query over report_daily. */
    static String sumColumns() {
        return String.join(", ", COLUMNS.stream().map(c -> "SUM(" + c + ") AS " + c).toList());
    }

    static Totals read(ResultSet rs) throws SQLException {
        long[] v = new long[COLUMNS.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = rs.getLong(COLUMNS.get(i));
        }
        return of(v);
    }

    static Totals of(long[] v) {
        return new Totals(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], new long[] {v[8], v[9], v[10], v[11], v[12]});
    }

    Totals plus(Totals o) {
        long[] r = new long[5];
        for (int i = 0; i < 5; i++) {
            r[i] = ratings[i] + o.ratings[i];
        }
        return new Totals(conversations + o.conversations, answered + o.answered,
                firstResponseSeconds + o.firstResponseSeconds, firstResponseOnTime + o.firstResponseOnTime,
                resolved + o.resolved, resolutionSeconds + o.resolutionSeconds, resolvedOnTime + o.resolvedOnTime,
                breached + o.breached, r);
    }

    public long rated() {
        long n = 0;
        for (long r : ratings) {
            n += r;
        }
        return n;
    }

    public long ratingCount(int stars) {
        return ratings[stars - 1];
    }

    public Double averageFirstResponseMinutes() {
        return answered == 0 ? null : firstResponseSeconds / 60.0 / answered;
    }

    /** Of the conversations answered, the share answered within the first-response target. */
    public Double firstResponseOnTimePercent() {
        return answered == 0 ? null : 100.0 * firstResponseOnTime / answered;
    }

    public Double averageResolutionHours() {
        return resolved == 0 ? null : resolutionSeconds / 3600.0 / resolved;
    }

    /** Of the conversations resolved, the share resolved without missing a service-level target. */
    public Double resolvedOnTimePercent() {
        return resolved == 0 ? null : 100.0 * resolvedOnTime / resolved;
    }

    public double breachedPercent() {
        return conversations == 0 ? 0 : 100.0 * breached / conversations;
    }

    public Double averageRating() {
        long rated = rated();
        if (rated == 0) {
            return null;
        }
        long sum = 0;
        for (int i = 0; i < 5; i++) {
            sum += (i + 1) * ratings[i];
        }
        return (double) sum / rated;
    }
}
