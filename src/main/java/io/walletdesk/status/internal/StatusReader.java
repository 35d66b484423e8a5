package io.walletdesk.status.internal;

import io.walletdesk.status.internal.StatusSnapshot.Affected;
import io.walletdesk.status.internal.StatusSnapshot.Component;
import io.walletdesk.status.internal.StatusSnapshot.Group;
import io.walletdesk.status.internal.StatusSnapshot.Incident;
import io.walletdesk.status.internal.StatusSnapshot.Update;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the status page state from the database. Every failure surfaces as a DataAccessException. */
class StatusReader {

    static final int RECENT = 50;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final UptimeCalculator uptime;

    StatusReader(JdbcClient jdbc, Clock clock, UptimeCalculator uptime) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.uptime = uptime;
    }

    StatusSnapshot read() {
        Instant now = clock.instant();
        List<Group> groups = jdbc.sql("""
                SELECT id, code, position, name_en, name_zh, name_id, created_at, updated_at
                FROM status_component_group ORDER BY position, id""")
                .query((rs, n) -> new Group(rs.getLong("id"), rs.getString("code"), rs.getInt("position"),
                        texts(rs, "name"), instant(rs, "created_at"), instant(rs, "updated_at")))
                .list();
        List<Component> components = jdbc.sql("""
                SELECT c.*, g.code AS group_code FROM status_component c
                LEFT JOIN status_component_group g ON g.id = c.group_id ORDER BY g.position, c.position, c.id""")
                .query((rs, n) -> new Component(rs.getLong("id"), rs.getString("code"), rs.getString("group_code"),
                        rs.getInt("position"), texts(rs, "name"), texts(rs, "description"),
                        ComponentStatus.fromApi(rs.getString("status")), rs.getBoolean("customer_facing"),
                        instant(rs, "created_at"), instant(rs, "updated_at")))
                .list();
        Map<Long, Incident> incidents = new LinkedHashMap<>();
        for (Incident incident : incidentRows("status IN (:open)", "open",
                Arrays.stream(IncidentStatus.values()).filter(IncidentStatus::open).map(IncidentStatus::api).toList())) {
            incidents.put(incident.id(), incident);
        }
        for (IncidentKind kind : IncidentKind.values()) {
            for (Incident incident : incidentRows("kind = :kind", "kind", kind.name())) {
                incidents.putIfAbsent(incident.id(), incident);
            }
        }
        List<Incident> complete = withDetails(new ArrayList<>(incidents.values()), components);
        return new StatusSnapshot(now, groups, components, complete, uptime.forComponents(components, now));
    }

    Optional<Incident> incident(String publicId, List<Component> components) {
        List<Incident> found = jdbc.sql("SELECT * FROM status_incident WHERE public_id = :id")
                .param("id", publicId).query(StatusReader::incident).list();
        return withDetails(found, components).stream().findFirst();
    }

    /** Recent incidents and maintenances for the Atom feed, newest first. */
    List<Incident> history(int limit, List<Component> components) {
        List<Incident> rows = jdbc.sql("SELECT * FROM status_incident ORDER BY updated_at DESC, id DESC LIMIT :limit")
                .param("limit", limit).query(StatusReader::incident).list();
        return withDetails(rows, components);
    }

    /** The most recent incidents matching {@code where}, which uses one named parameter. */
    private List<Incident> incidentRows(String where, String parameter, Object value) {
        return jdbc.sql("SELECT * FROM status_incident WHERE " + where + " ORDER BY created_at DESC, id DESC LIMIT "
                + RECENT).param(parameter, value).query(StatusReader::incident).list();
    }

    private List<Incident> withDetails(List<Incident> incidents, List<Component> components) {
        if (incidents.isEmpty()) {
            return incidents;
        }
        List<Long> ids = incidents.stream().map(Incident::id).toList();
        Map<Long, String> codes = new LinkedHashMap<>();
        components.forEach(c -> codes.put(c.id(), c.code()));
        Map<Long, List<String>> affectedCodes = new LinkedHashMap<>();
        jdbc.sql("SELECT incident_id, component_id FROM status_incident_component WHERE incident_id IN (:ids) "
                        + "ORDER BY component_id")
                .param("ids", ids)
                .query(rs -> {
                    affectedCodes.computeIfAbsent(rs.getLong("incident_id"), k -> new ArrayList<>())
                            .add(codes.get(rs.getLong("component_id")));
                });
        Map<Long, List<Affected>> changes = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT uc.update_id, uc.component_id, uc.old_status, uc.new_status FROM status_update_component uc
                JOIN status_incident_update u ON u.id = uc.update_id WHERE u.incident_id IN (:ids)
                ORDER BY uc.component_id""")
                .param("ids", ids)
                .query(rs -> {
                    changes.computeIfAbsent(rs.getLong("update_id"), k -> new ArrayList<>())
                            .add(new Affected(codes.get(rs.getLong("component_id")),
                                    ComponentStatus.fromApi(rs.getString("old_status")),
                                    ComponentStatus.fromApi(rs.getString("new_status"))));
                });
        Map<Long, List<Update>> updates = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM status_incident_update WHERE incident_id IN (:ids) ORDER BY display_at DESC, id DESC")
                .param("ids", ids)
                .query(rs -> {
                    long updateId = rs.getLong("id");
                    updates.computeIfAbsent(rs.getLong("incident_id"), k -> new ArrayList<>())
                            .add(new Update(rs.getString("public_id"), IncidentStatus.fromApi(rs.getString("status")),
                                    texts(rs, "body"), instant(rs, "created_at"), instant(rs, "display_at"),
                                    rs.getBoolean("notify"), List.copyOf(changes.getOrDefault(updateId, List.of()))));
                });
        return incidents.stream().map(i -> new Incident(i.id(), i.publicId(), i.kind(), i.name(), i.status(), i.impact(),
                i.createdAt(), i.updatedAt(), i.startedAt(), i.monitoringAt(), i.resolvedAt(), i.scheduledFor(),
                i.scheduledUntil(), List.copyOf(affectedCodes.getOrDefault(i.id(), List.of())),
                List.copyOf(updates.getOrDefault(i.id(), List.of())))).toList();
    }

    private static Incident incident(ResultSet rs, int n) throws SQLException {
        return new Incident(rs.getLong("id"), rs.getString("public_id"), IncidentKind.valueOf(rs.getString("kind")),
                texts(rs, "name"), IncidentStatus.fromApi(rs.getString("status")), Impact.fromApi(rs.getString("impact")),
                instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "started_at"),
                instant(rs, "monitoring_at"), instant(rs, "resolved_at"), instant(rs, "scheduled_for"),
                instant(rs, "scheduled_until"), List.of(), List.of());
    }

    static Texts texts(ResultSet rs, String prefix) throws SQLException {
        return new Texts(rs.getString(prefix + "_en"), rs.getString(prefix + "_zh"), rs.getString(prefix + "_id"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static Duration window() {
        return Duration.ofDays(UptimeCalculator.DAYS);
    }
}
