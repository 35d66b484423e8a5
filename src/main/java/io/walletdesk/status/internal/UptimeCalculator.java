package io.walletdesk.status.internal;

import io.walletdesk.status.internal.StatusSnapshot.Component;
import io.walletdesk.status.internal.StatusSnapshot.Uptime;
import io.walletdesk.status.internal.StatusSnapshot.UptimeDay;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 90 days of uptime per component from its status history, in the page's time zone. As in Statuspage, a
 * major outage counts fully as downtime and a partial outage as 30 %; degraded performance and maintenance
 * do not count as downtime (but colour the day).
 */
class UptimeCalculator {

    static final int DAYS = 90;
    static final double PARTIAL_WEIGHT = 0.3;

    private final JdbcClient jdbc;
    private final ZoneId zone;

    UptimeCalculator(JdbcClient jdbc, ZoneId zone) {
        this.jdbc = jdbc;
        this.zone = zone;
    }

    /** A status change of one component. */
    record Change(Instant at, ComponentStatus status) {
    }

    Map<String, Uptime> forComponents(List<Component> components, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone);
        Instant windowStart = today.minusDays(DAYS - 1L).atStartOfDay(zone).toInstant();
        Map<Long, List<Change>> history = new LinkedHashMap<>();
        // The last change before the window tells the status the window starts in.
        jdbc.sql("""
                SELECT component_id, status, changed_at FROM status_component_history h
                WHERE changed_at >= :start OR id = (SELECT MAX(p.id) FROM status_component_history p
                    WHERE p.component_id = h.component_id AND p.changed_at < :start)
                ORDER BY component_id, changed_at, id""")
                .param("start", Timestamp.from(windowStart))
                .query(rs -> {
                    history.computeIfAbsent(rs.getLong("component_id"), k -> new ArrayList<>())
                            .add(new Change(rs.getTimestamp("changed_at").toInstant(),
                                    ComponentStatus.fromApi(rs.getString("status"))));
                });
        Map<String, Uptime> result = new LinkedHashMap<>();
        for (Component component : components) {
            result.put(component.code(), compute(component.code(), history.getOrDefault(component.id(), List.of()),
                    today, now));
        }
        return result;
    }

    Uptime compute(String code, List<Change> changes, LocalDate today, Instant now) {
        List<UptimeDay> days = new ArrayList<>();
        double down = 0;
        double tracked = 0;
        for (int back = DAYS - 1; back >= 0; back--) {
            LocalDate date = today.minusDays(back);
            Instant from = date.atStartOfDay(zone).toInstant();
            Instant to = date.plusDays(1).atStartOfDay(zone).toInstant();
            if (to.isAfter(now)) {
                to = now;
            }
            Map<ComponentStatus, Duration> spent = spentPerStatus(changes, from, to);
            if (spent.isEmpty()) {
                days.add(new UptimeDay(date, null, null));
                continue;
            }
            ComponentStatus worst = null;
            double total = 0;
            double dayDown = 0;
            for (var entry : spent.entrySet()) {
                if (entry.getKey().worseThan(worst)) {
                    worst = entry.getKey();
                }
                double seconds = entry.getValue().toMillis() / 1000.0;
                total += seconds;
                if (entry.getKey() == ComponentStatus.MAJOR_OUTAGE) {
                    dayDown += seconds;
                } else if (entry.getKey() == ComponentStatus.PARTIAL_OUTAGE) {
                    dayDown += seconds * PARTIAL_WEIGHT;
                }
            }
            down += dayDown;
            tracked += total;
            days.add(new UptimeDay(date, worst, total == 0 ? 1.0 : 1.0 - dayDown / total));
        }
        Double percent = tracked == 0 ? null : Math.floor((1.0 - down / tracked) * 10000) / 100.0;
        return new Uptime(code, percent, List.copyOf(days));
    }

    /**
     * Time spent in each status from {@code from} (inclusive) to {@code to} (exclusive); empty when the component
     * was not tracked yet.
     */
    static Map<ComponentStatus, Duration> spentPerStatus(List<Change> changes, Instant from, Instant to) {
        Map<ComponentStatus, Duration> spent = new EnumMap<>(ComponentStatus.class);
        for (int i = 0; i < changes.size(); i++) {
            Instant start = changes.get(i).at();
            Instant end = i + 1 < changes.size() ? changes.get(i + 1).at() : to;
            Instant a = start.isAfter(from) ? start : from;
            Instant b = end.isBefore(to) ? end : to;
            if (b.isAfter(a) || (!a.isAfter(b) && a.equals(start) && !start.isBefore(from) && start.isBefore(to))) {
                spent.merge(changes.get(i).status(), b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO,
                        Duration::plus);
            }
        }
        return spent;
    }
}
