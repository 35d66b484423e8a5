package io.walletdesk.status.internal;

import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to the status page: component statuses (by staff, probes or maintenance), incidents and their
 * updates, scheduled maintenances. Each change is recorded in the component history and the audit log,
 * and subscribers are notified of updates that ask for it.
 */
@Service
class StatusAdmin {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Incidents and maintenances under way: they hold their components' status (a scheduled one does not yet). */
    private static final Set<IncidentStatus> HOLDING_COMPONENTS = EnumSet.of(IncidentStatus.INVESTIGATING,
            IncidentStatus.IDENTIFIED, IncidentStatus.MONITORING, IncidentStatus.IN_PROGRESS, IncidentStatus.VERIFYING);
    private static final char[] ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    /** Who makes a change: a staff member, or the system (probes, the maintenance scheduler). */
    record Actor(Long userId, String role, ClientInfo client) {

        static Actor system() {
            return new Actor(null, "SYSTEM", ClientInfo.system());
        }
    }

    record NewIncident(Texts name, Impact impact, IncidentStatus status, Texts body,
            Map<String, ComponentStatus> components, boolean deliver) {
    }

    record NewUpdate(IncidentStatus status, Texts body, Map<String, ComponentStatus> components, boolean deliver) {
    }

    record NewMaintenance(Texts name, Texts body, Instant from, Instant until, List<String> components,
            boolean deliver) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final Subscriptions subscriptions;
    private final StatusSnapshots snapshots;

    StatusAdmin(JdbcClient jdbc, Clock clock, AuditTrail audit, Subscriptions subscriptions, StatusSnapshots snapshots) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.subscriptions = subscriptions;
        this.snapshots = snapshots;
    }

    @Transactional
    public void setComponentStatus(String code, ComponentStatus status, Actor actor) {
        long id = componentId(code);
        ComponentStatus old = changeComponent(id, status, actor.role());
        audit(actor, "STATUS_COMPONENT_CHANGED", code + ": " + old.api() + " -> " + status.api());
        snapshots.invalidate();
    }

    @Transactional
    public String openIncident(NewIncident incident, Actor actor, String probeName) {
        if (incident.status().kind() != IncidentKind.INCIDENT) {
            throw new ProblemException("status-invalid-status", FailureKind.INVALID, incident.status().api());
        }
        complete(incident.name(), "name");
        complete(incident.body(), "body");
        Instant now = clock.instant();
        String publicId = newId();
        jdbc.sql("""
                INSERT INTO status_incident (public_id, kind, name_en, name_zh, name_id, status, impact, created_at,
                    updated_at, started_at, probe_name)
                VALUES (:pid, :kind, :en, :zh, :id, :status, :impact, :now, :now, :now, :probe)""")
                .param("pid", publicId).param("kind", IncidentKind.INCIDENT.name()).param("en", required(incident.name().en())).param("zh", incident.name().zh())
                .param("id", incident.name().id()).param("status", incident.status().api())
                .param("impact", incident.impact().api()).param("now", Timestamp.from(now)).param("probe", probeName)
                .update();
        long id = incidentId(publicId);
        for (String code : incident.components().keySet()) {
            link(id, componentId(code));
        }
        long updateId = insertUpdate(id, incident.status(), incident.body(), incident.deliver(), now);
        applyComponents(updateId, incident.components(), actor);
        audit(actor, "STATUS_INCIDENT_OPENED", publicId + " " + incident.impact().api() + ": " + incident.name().en());
        snapshots.invalidate();
        if (incident.deliver()) {
            subscriptions.notifyUpdate(id, updateId);
        }
        return publicId;
    }

    @Transactional
    public String scheduleMaintenance(NewMaintenance maintenance, Actor actor) {
        if (maintenance.from() == null || maintenance.until() == null || !maintenance.until().isAfter(maintenance.from())) {
            throw ProblemException.forField("status-maintenance-window", FailureKind.INVALID, "until");
        }
        complete(maintenance.name(), "name");
        complete(maintenance.body(), "body");
        Instant now = clock.instant();
        String publicId = newId();
        jdbc.sql("""
                INSERT INTO status_incident (public_id, kind, name_en, name_zh, name_id, status, impact, created_at,
                    updated_at, scheduled_for, scheduled_until)
                VALUES (:pid, :kind, :en, :zh, :id, :status, :impact, :now, :now, :from, :until)""")
                .param("pid", publicId).param("kind", IncidentKind.MAINTENANCE.name())
                .param("status", IncidentStatus.SCHEDULED.api()).param("impact", Impact.MAINTENANCE.api()).param("en", required(maintenance.name().en()))
                .param("zh", maintenance.name().zh()).param("id", maintenance.name().id())
                .param("now", Timestamp.from(now)).param("from", Timestamp.from(maintenance.from()))
                .param("until", Timestamp.from(maintenance.until())).update();
        long id = incidentId(publicId);
        for (String code : maintenance.components()) {
            link(id, componentId(code));
        }
        long updateId = insertUpdate(id, IncidentStatus.SCHEDULED, maintenance.body(), maintenance.deliver(), now);
        audit(actor, "STATUS_MAINTENANCE_SCHEDULED", publicId + " " + maintenance.from() + ".." + maintenance.until()
                + ": " + maintenance.name().en());
        snapshots.invalidate();
        if (maintenance.deliver()) {
            subscriptions.notifyUpdate(id, updateId);
        }
        return publicId;
    }

    /**
     * A new update on an incident or maintenance. Components not named keep their status, except that
     * resolving (or completing) returns the affected components to operational, or to the status another open
     * incident or maintenance last gave them.
     */
    @Transactional
    public void addUpdate(String publicId, NewUpdate update, Actor actor) {
        Row incident = row(publicId);
        if (update.status().kind() != incident.kind()) {
            throw new ProblemException("status-invalid-status", FailureKind.INVALID, update.status().api());
        }
        complete(update.body(), "body");
        Instant now = clock.instant();
        long updateId = insertUpdate(incident.id(), update.status(), update.body(), update.deliver(), now);
        Map<String, ComponentStatus> changes = new LinkedHashMap<>(update.components());
        for (String code : changes.keySet()) {
            link(incident.id(), componentId(code));
        }
        String timestamps = switch (update.status()) {
            case MONITORING, VERIFYING -> ", monitoring_at = COALESCE(monitoring_at, :now)";
            case RESOLVED, POSTMORTEM, COMPLETED -> ", resolved_at = COALESCE(resolved_at, :now)";
            case IN_PROGRESS -> ", started_at = COALESCE(started_at, :now)";
            default -> "";
        };
        jdbc.sql("UPDATE status_incident SET status = :status, updated_at = :now" + timestamps + " WHERE id = :id")
                .param("status", update.status().api()).param("now", Timestamp.from(now)).param("id", incident.id())
                .update();
        if (!update.status().open()) {
            for (String code : linkedComponents(incident.id())) {
                changes.putIfAbsent(code, statusHeldElsewhere(code, incident.id()).orElse(ComponentStatus.OPERATIONAL));
            }
        }
        if (update.status() == IncidentStatus.IN_PROGRESS) {
            for (String code : linkedComponents(incident.id())) {
                changes.putIfAbsent(code, ComponentStatus.UNDER_MAINTENANCE);
            }
        }
        applyComponents(updateId, changes, actor);
        audit(actor, "STATUS_INCIDENT_UPDATED", publicId + " -> " + update.status().api());
        snapshots.invalidate();
        if (update.deliver()) {
            subscriptions.notifyUpdate(incident.id(), updateId);
        }
    }

    /** An incident or maintenance row, for decisions. */
    record Row(long id, String publicId, IncidentKind kind, IncidentStatus status, Instant scheduledFor,
            Instant scheduledUntil, String probeName) {
    }

    Row row(String publicId) {
        return jdbc.sql("SELECT * FROM status_incident WHERE public_id = :pid").param("pid", publicId)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("public_id"),
                        IncidentKind.valueOf(rs.getString("kind")), IncidentStatus.fromApi(rs.getString("status")),
                        StatusReader.instant(rs, "scheduled_for"), StatusReader.instant(rs, "scheduled_until"),
                        rs.getString("probe_name")))
                .optional()
                .orElseThrow(() -> new ProblemException("status-not-found", FailureKind.NOT_FOUND));
    }

    Optional<Row> row(long id) {
        return jdbc.sql("SELECT public_id FROM status_incident WHERE id = :id").param("id", id).query(String.class)
                .optional().map(this::row);
    }

    /** Maintenances whose start or end time has come: ids and the status they move to. */
    List<Row> dueMaintenances() {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                SELECT public_id FROM status_incident WHERE kind = :kind AND (
                    (status = :scheduled AND scheduled_for <= :now)
                    OR (status IN (:open) AND scheduled_until <= :now))
                ORDER BY scheduled_for, id""")
                .param("kind", IncidentKind.MAINTENANCE.name()).param("scheduled", IncidentStatus.SCHEDULED.api())
                .param("open", api(Arrays.stream(IncidentStatus.values())
                        .filter(s -> s.kind() == IncidentKind.MAINTENANCE && s.open())))
                .param("now", now).query(String.class).list().stream().map(this::row).toList();
    }

    List<String> linkedComponents(long incidentId) {
        return jdbc.sql("""
                SELECT c.code FROM status_incident_component ic JOIN status_component c ON c.id = ic.component_id
                WHERE ic.incident_id = :id ORDER BY c.id""")
                .param("id", incidentId).query(String.class).list();
    }

    String componentName(String code) {
        return jdbc.sql("SELECT name_en FROM status_component WHERE code = :code").param("code", code)
                .query(String.class).single();
    }

    Texts componentNames(String code) {
        return jdbc.sql("SELECT name_en, name_zh, name_id FROM status_component WHERE code = :code")
                .param("code", code).query((rs, n) -> StatusReader.texts(rs, "name")).single();
    }

    /**
     * The status another open incident or maintenance last gave this component, if one holds it: closing one
     * incident must not hide another that still affects the component.
     */
    private Optional<ComponentStatus> statusHeldElsewhere(String code, long incidentId) {
        return jdbc.sql("""
                SELECT uc.new_status FROM status_update_component uc
                JOIN status_incident_update u ON u.id = uc.update_id
                JOIN status_incident i ON i.id = u.incident_id
                JOIN status_component c ON c.id = uc.component_id
                WHERE c.code = :code AND i.id <> :id AND i.status IN (:holding)
                ORDER BY uc.update_id DESC LIMIT 1""")
                .param("holding", api(HOLDING_COMPONENTS.stream())).param("code", code).param("id", incidentId).query(String.class).optional()
                .map(ComponentStatus::fromApi);
    }

    private void applyComponents(long updateId, Map<String, ComponentStatus> components, Actor actor) {
        components.forEach((code, status) -> {
            long componentId = componentId(code);
            ComponentStatus old = changeComponent(componentId, status, actor.role());
            jdbc.sql("""
                    INSERT INTO status_update_component (update_id, component_id, old_status, new_status)
                    VALUES (:u, :c, :old, :new)""")
                    .param("u", updateId).param("c", componentId).param("old", old.api()).param("new", status.api())
                    .update();
        });
    }

    /** Sets a component's status; returns the previous one. History gets a row only on a real change. */
    ComponentStatus changeComponent(long componentId, ComponentStatus status, String source) {
        ComponentStatus old = ComponentStatus.fromApi(jdbc.sql("SELECT status FROM status_component WHERE id = :id")
                .param("id", componentId).query(String.class).single());
        if (old != status) {
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.sql("UPDATE status_component SET status = :s, updated_at = :now WHERE id = :id")
                    .param("s", status.api()).param("now", now).param("id", componentId).update();
            jdbc.sql("""
                    INSERT INTO status_component_history (component_id, status, changed_at, source)
                    VALUES (:id, :s, :now, :source)""")
                    .param("id", componentId).param("s", status.api()).param("now", now)
                    .param("source", source == null ? "STAFF" : source.length() > 20 ? source.substring(0, 20) : source)
                    .update();
        }
        return old;
    }

    long componentId(String code) {
        return jdbc.sql("SELECT id FROM status_component WHERE code = :code").param("code", code).query(Long.class)
                .optional()
                .orElseThrow(() -> ProblemException.forField("status-unknown-component", FailureKind.INVALID,
                        "components", code));
    }

    private long insertUpdate(long incidentId, IncidentStatus status, Texts body, boolean notify, Instant now) {
        String publicId = newId();
        jdbc.sql("""
                INSERT INTO status_incident_update (public_id, incident_id, status, body_en, body_zh, body_id,
                    created_at, display_at, notify)
                VALUES (:pid, :incident, :status, :en, :zh, :id, :now, :now, :notify)""")
                .param("pid", publicId).param("incident", incidentId).param("status", status.api())
                .param("en", required(body.en())).param("zh", body.zh()).param("id", body.id())
                .param("now", Timestamp.from(now)).param("notify", notify).update();
        return jdbc.sql("SELECT id FROM status_incident_update WHERE public_id = :pid").param("pid", publicId)
                .query(Long.class).single();
    }

    private void link(long incidentId, long componentId) {
        boolean linked = jdbc.sql("""
                SELECT COUNT(*) FROM status_incident_component WHERE incident_id = :i AND component_id = :c""")
                .param("i", incidentId).param("c", componentId).query(Long.class).single() > 0;
        if (!linked) {
            jdbc.sql("INSERT INTO status_incident_component (incident_id, component_id) VALUES (:i, :c)")
                    .param("i", incidentId).param("c", componentId).update();
        }
    }

    private long incidentId(String publicId) {
        return jdbc.sql("SELECT id FROM status_incident WHERE public_id = :pid").param("pid", publicId)
                .query(Long.class).single();
    }

    private void audit(Actor actor, String action, String details) {
        audit.record(AuditEntry.of(action, actor.userId(), actor.role(), null, details, actor.client()));
    }

    /**
     * Customers read the status page in English, Indonesian and Chinese, so nothing is published until all three
     * are written (a missing one used to show the English text inside Indonesian and Chinese pages). The problem
     * names the field ({@code name_zh}) and, in its detail, the missing language.
     */
    private static void complete(Texts texts, String field) {
        String[][] languages = {{"en", texts.en(), "En"}, {"id", texts.id(), "Id"}, {"zh", texts.zh(), "Zh"}};
        for (String[] language : languages) {
            if (language[1] == null || language[1].isBlank()) {
                throw ProblemException.forField("status-text-required", FailureKind.INVALID, field + "_" + language[0],
                        new DefaultMessageSourceResolvable(new String[] {"status.staff." + field + language[2]},
                                field + "_" + language[0]));
            }
        }
    }

    private static String required(String text) {
        if (text == null || text.isBlank()) {
            throw ProblemException.forField("status-text-required", FailureKind.INVALID, "name");
        }
        return text.trim();
    }

    static String newId() {
        char[] id = new char[12];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[RANDOM.nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }

    private static List<String> api(Stream<IncidentStatus> statuses) {
        return statuses.map(IncidentStatus::api).toList();
    }
}
