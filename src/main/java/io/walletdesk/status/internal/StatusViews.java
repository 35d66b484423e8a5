package io.walletdesk.status.internal;

import io.walletdesk.status.internal.StatusSnapshot.Component;
import io.walletdesk.status.internal.StatusSnapshot.Group;
import io.walletdesk.status.internal.StatusSnapshot.Incident;
import io.walletdesk.status.internal.StatusSnapshot.Uptime;
import io.walletdesk.status.internal.StatusSnapshot.UptimeDay;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/** Turns a snapshot into what the templates show, in the visitor's language. */
@Service
class StatusViews {

    static final int BAR_WIDTH = 4;
    static final String NO_DATA_COLOUR = "#bdbdbd";

    record PageView(String indicator, String indicatorKey, boolean stale, long ageMinutes, Instant takenAt,
            List<GroupView> groups, List<IncidentView> incidents, List<IncidentView> activeMaintenances,
            List<IncidentView> upcomingMaintenances, List<IncidentView> recent, List<Choice> components) {
    }

    record Choice(String code, String name) {
    }

    record GroupView(String name, String status, List<ComponentView> components) {
    }

    /**
     * {@code uptimeKey} and {@code uptimeArgs} make the caption: a percentage over the tracked days, or "no data"
     * (never "100.00 %") for a component without history in the window.
     */
    record ComponentView(String code, String name, String description, String status, String uptimeKey,
            List<String> uptimeArgs, List<Run> runs, String chartWidth, List<String> badDays) {
    }

    /**
     * Consecutive days of the 90-day chart with the same colour: one SVG rect with a tooltip, cut into daily
     * bars by the page's one clip path ({@link #dayBars()}), instead of one element per day.
     */
    record Run(int x, int width, String colour, String label) {
    }

    record IncidentView(String id, String name, String status, String impact, Instant createdAt, Instant scheduledFor,
            Instant scheduledUntil, Instant resolvedAt, List<String> components, List<UpdateView> updates) {
    }

    record UpdateView(String status, String body, Instant displayAt) {
    }

    private final MessageSource messages;
    private final ZoneId zone;

    StatusViews(MessageSource messages, StatusProperties properties) {
        this.messages = messages;
        this.zone = ZoneId.of(properties.timeZone());
    }

    PageView page(StatusSnapshots.Current current, Locale locale) {
        StatusSnapshot snapshot = current.snapshot();
        List<GroupView> groups = new ArrayList<>();
        for (Group group : snapshot.groups()) {
            List<ComponentView> members = snapshot.componentsOf(group).stream()
                    .map(c -> component(c, snapshot.uptime().get(c.code()), locale)).toList();
            String worst = snapshot.componentsOf(group).stream().map(Component::status)
                    .max(Comparator.comparingInt(ComponentStatus::severity))
                    .orElse(ComponentStatus.OPERATIONAL).api();
            groups.add(new GroupView(group.name().in(locale), worst, members));
        }
        List<ComponentView> ungrouped = snapshot.components().stream().filter(c -> c.groupCode() == null)
                .map(c -> component(c, snapshot.uptime().get(c.code()), locale)).toList();
        if (!ungrouped.isEmpty()) {
            groups.add(new GroupView(messages.getMessage("status.otherComponents", null, locale),
                    ComponentStatus.OPERATIONAL.api(), ungrouped));
        }
        List<IncidentView> recent = snapshot.incidentsOnly().stream().filter(i -> !i.open()).limit(10)
                .map(i -> incident(i, snapshot, locale)).toList();
        return new PageView(snapshot.indicator().api(), snapshot.indicatorKey(), current.stale(), current.ageMinutes(),
                snapshot.takenAt(), groups,
                snapshot.unresolvedIncidents().stream().map(i -> incident(i, snapshot, locale)).toList(),
                snapshot.activeMaintenances().stream().map(i -> incident(i, snapshot, locale)).toList(),
                snapshot.upcomingMaintenances().stream().map(i -> incident(i, snapshot, locale)).toList(),
                recent, snapshot.components().stream().map(c -> new Choice(c.code(), c.name().in(locale))).toList());
    }

    IncidentView incident(Incident incident, StatusSnapshot snapshot, Locale locale) {
        List<String> components = incident.componentCodes().stream()
                .map(code -> snapshot.component(code).map(c -> c.name().in(locale)).orElse(code)).toList();
        List<UpdateView> updates = incident.updates().stream()
                .map(u -> new UpdateView(u.status().api(), u.body().in(locale), u.displayAt())).toList();
        return new IncidentView(incident.publicId(), incident.name().in(locale), incident.status().api(),
                incident.impact().api(), incident.createdAt(), incident.scheduledFor(), incident.scheduledUntil(),
                incident.resolvedAt(), components, updates);
    }

    private ComponentView component(Component component, Uptime uptime, Locale locale) {
        List<Run> runs = new ArrayList<>();
        List<String> badDays = new ArrayList<>();
        String uptimeKey = "status.uptime";
        List<String> uptimeArgs = List.of();
        int days = 0;
        if (uptime != null) {
            DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
            List<UptimeDay> all = uptime.days();
            days = all.size();
            for (int start = 0; start < all.size(); ) {
                UptimeDay first = all.get(start);
                int end = start + 1;
                while (end < all.size() && all.get(end).worst() == first.worst()) {
                    end++;
                }
                String statusText = statusText(first.worst(), locale);
                String span = end - start == 1 ? dates.format(first.date())
                        : dates.format(first.date()) + " – " + dates.format(all.get(end - 1).date());
                runs.add(new Run(start * BAR_WIDTH, (end - start) * BAR_WIDTH,
                        first.worst() == null ? NO_DATA_COLOUR : first.worst().colour(), span + ": " + statusText));
                start = end;
            }
            for (UptimeDay day : all) {
                if (day.worst() != null && day.worst() != ComponentStatus.OPERATIONAL) {
                    badDays.add(dates.format(day.date()) + ": " + statusText(day.worst(), locale));
                }
            }
            long tracked = uptime.trackedDays();
            if (uptime.percent() == null) {
                uptimeKey = "status.uptime.none";
            } else {
                String percent = String.format(locale, "%.2f", uptime.percent());
                uptimeKey = tracked < days ? "status.uptime.partial" : "status.uptime";
                uptimeArgs = tracked < days ? List.of(percent, Long.toString(tracked)) : List.of(percent);
            }
        }
        return new ComponentView(component.code(), component.name().in(locale),
                component.description() == null ? null : component.description().in(locale), component.status().api(),
                uptimeKey, uptimeArgs, runs, Integer.toString(days * BAR_WIDTH), badDays);
    }

    private String statusText(ComponentStatus worst, Locale locale) {
        return worst == null ? messages.getMessage("status.noData", null, locale)
                : messages.getMessage("status.component." + worst.api(), null, locale);
    }

    /**
     * The clip path that cuts every component's runs into daily bars (3 units wide, 1 apart), drawn once per page:
     * {@code M0 0h3v28h-3zm4 0h3v28h-3z...}.
     */
    static String dayBars() {
        StringBuilder path = new StringBuilder("M0 0h3v28h-3z");
        for (int day = 1; day < UptimeCalculator.DAYS; day++) {
            path.append("m").append(BAR_WIDTH).append(" 0h3v28h-3z");
        }
        return path.toString();
    }

    ZoneId zone() {
        return zone;
    }
}
