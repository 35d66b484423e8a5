package io.walletdesk.status.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything the public status page, its API, feed and banner show, read in one go. It is what the
 * last-known-state cache keeps (in memory and as JSON on disk), so it holds plain values only.
 */
record StatusSnapshot(Instant takenAt, List<Group> groups, List<Component> components, List<Incident> incidents,
        Map<String, Uptime> uptime) {

    record Group(long id, String code, int position, Texts name, Instant createdAt, Instant updatedAt) {
    }

    record Component(long id, String code, String groupCode, int position, Texts name, Texts description,
            ComponentStatus status, boolean customerFacing, Instant createdAt, Instant updatedAt) {
    }

    record Affected(String code, ComponentStatus oldStatus, ComponentStatus newStatus) {
    }

    record Update(String publicId, IncidentStatus status, Texts body, Instant createdAt, Instant displayAt,
            boolean deliver, List<Affected> affected) {
    }

    record Incident(long id, String publicId, IncidentKind kind, Texts name, IncidentStatus status, Impact impact,
            Instant createdAt, Instant updatedAt, Instant startedAt, Instant monitoringAt, Instant resolvedAt,
            Instant scheduledFor, Instant scheduledUntil, List<String> componentCodes, List<Update> updates) {

        boolean open() {
            return status.open();
        }

        /** The newest update first. */
        Optional<Update> latest() {
            return updates.isEmpty() ? Optional.empty() : Optional.of(updates.get(0));
        }
    }

    /**
     * One day of a component's uptime: {@code worst} and {@code uptime} are null for days before the component
     * was tracked ("no data", not 100 %).
     */
    record UptimeDay(LocalDate date, ComponentStatus worst, Double uptime) {
    }

    /** {@code percent} over the tracked days only; null when no day of the window was tracked. */
    record Uptime(String componentCode, Double percent, List<UptimeDay> days) {

        long trackedDays() {
            return days.stream().filter(d -> d.worst() != null).count();
        }
    }

    List<Incident> incidentsOnly() {
        return incidents.stream().filter(i -> i.kind() == IncidentKind.INCIDENT)
                .sorted(Comparator.comparing(Incident::createdAt).reversed()).toList();
    }

    List<Incident> unresolvedIncidents() {
        return incidentsOnly().stream().filter(Incident::open).toList();
    }

    List<Incident> maintenances() {
        return incidents.stream().filter(i -> i.kind() == IncidentKind.MAINTENANCE)
                .sorted(Comparator.comparing(Incident::scheduledFor, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    List<Incident> upcomingMaintenances() {
        return maintenances().stream().filter(m -> m.status() == IncidentStatus.SCHEDULED)
                .sorted(Comparator.comparing(Incident::scheduledFor)).toList();
    }

    List<Incident> activeMaintenances() {
        return maintenances().stream().filter(m -> m.status().active()).toList();
    }

    Optional<Incident> incident(String publicId) {
        return incidents.stream().filter(i -> i.publicId().equals(publicId)).findFirst();
    }

    Optional<Component> component(String code) {
        return components.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    List<Component> componentsOf(Group group) {
        return components.stream().filter(c -> group.code().equals(c.groupCode()))
                .sorted(Comparator.comparingInt(Component::position)).toList();
    }

    Optional<Group> group(String code) {
        return groups.stream().filter(g -> g.code().equals(code)).findFirst();
    }

    /** When anything on the page last changed. */
    Instant updatedAt() {
        return Stream.concat(components.stream().map(Component::updatedAt), incidents.stream().map(Incident::updatedAt))
                .max(Comparator.naturalOrder()).orElse(takenAt);
    }

    ComponentStatus worstComponentStatus() {
        return components.stream().map(Component::status).max(Comparator.comparingInt(ComponentStatus::severity))
                .orElse(ComponentStatus.OPERATIONAL);
    }

    /** Statuspage's page indicator: none, minor, major or critical. */
    Impact indicator() {
        Impact fromComponents = switch (worstComponentStatus()) {
            case OPERATIONAL -> Impact.NONE;
            case UNDER_MAINTENANCE, DEGRADED_PERFORMANCE, PARTIAL_OUTAGE -> Impact.MINOR;
            case MAJOR_OUTAGE -> Impact.MAJOR;
        };
        Impact worst = fromComponents;
        for (Incident incident : unresolvedIncidents()) {
            if (incident.impact().rank() > worst.rank()) {
                worst = incident.impact();
            }
        }
        return worst == Impact.MAINTENANCE ? Impact.MINOR : worst;
    }

    /** The message key describing the page indicator. */
    String indicatorKey() {
        Impact indicator = indicator();
        if (indicator == Impact.MINOR && worstComponentStatus() == ComponentStatus.UNDER_MAINTENANCE
                && unresolvedIncidents().isEmpty()) {
            return "status.indicator.maintenance";
        }
        return "status.indicator." + indicator.api();
    }
}
