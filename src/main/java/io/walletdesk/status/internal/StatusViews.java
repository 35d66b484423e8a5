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

    record PageView(String indicator, String indicatorKey, boolean stale, long ageMinutes, Instant takenAt,
            List<GroupView> groups, List<IncidentView> incidents, List<IncidentView> activeMaintenances,
            List<IncidentView> upcomingMaintenances, List<IncidentView> recent, List<Choice> components) {
    }

    record Choice(String code, String name) {
    }

    record GroupView(String name, String status, List<ComponentView> components) {
    }

    record ComponentView(String code, String name, String description, String status, String uptime,
            List<Bar> bars, String chartWidth, List<String> badDays) {
    }

    /** One day of the 90-day chart: an SVG rect with a colour attribute and a tooltip. */
    record Bar(int x, String colour, String label) {
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
        List<Bar> bars = new ArrayList<>();
        List<String> badDays = new ArrayList<>();
        String uptimeText = "";
        if (uptime != null) {
            DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
            int x = 0;
            for (UptimeDay day : uptime.days()) {
                String date = dates.format(day.date());
                String statusText = day.worst() == null ? messages.getMessage("status.noData", null, locale)
                        : messages.getMessage("status.component." + day.worst().api(), null, locale);
                String colour = day.worst() == null ? "#bdbdbd" : day.worst().colour();
                bars.add(new Bar(x, colour, date + ": " + statusText));
                if (day.worst() != null && day.worst() != ComponentStatus.OPERATIONAL) {
                    badDays.add(date + ": " + statusText);
                }
                x += BAR_WIDTH;
            }
            uptimeText = String.format(locale, "%.2f", uptime.percent());
        }
        return new ComponentView(component.code(), component.name().in(locale),
                component.description() == null ? null : component.description().in(locale), component.status().api(),
                uptimeText, bars, Integer.toString(bars.size() * BAR_WIDTH), badDays);
    }

    ZoneId zone() {
        return zone;
    }
}
