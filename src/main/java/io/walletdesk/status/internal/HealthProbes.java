package io.walletdesk.status.internal;

import io.walletdesk.status.internal.StatusAdmin.Actor;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the configured health probes, once per cluster (ShedLock), each at its own interval; the counts of
 * consecutive failures and successes live in the database so any node can take over. The first failure
 * moves an operational component to degraded performance; {@code failureThreshold} failures in a row move it
 * to the probe's failure status and open an incident; {@code successThreshold} successes in a row resolve
 * that incident and make the component operational again. A single success or failure in between changes
 * nothing, so a flapping service does not flood subscribers. Components under maintenance are left alone.
 */
@Service
class HealthProbes {

    private static final Logger log = LoggerFactory.getLogger(HealthProbes.class);

    private final Map<String, ProbeDefinition> probes = new ConcurrentHashMap<>();
    private final ProbeChecker checker;
    private final JdbcClient jdbc;
    private final StatusAdmin admin;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate transactions;

    HealthProbes(StatusProperties properties, ProbeChecker checker, JdbcClient jdbc, StatusAdmin admin,
            MessageSource messages, Clock clock, TransactionTemplate transactions) {
        this.checker = checker;
        this.jdbc = jdbc;
        this.admin = admin;
        this.messages = messages;
        this.clock = clock;
        this.transactions = transactions;
        properties.probes().forEach(p -> probes.put(p.name(), p.toDefinition()));
    }

    /** The stored state of one probe. */
    record State(String name, int failures, int successes, Instant lastCheckedAt, Boolean lastSuccess,
            String lastMessage, boolean movedComponent, Long openIncidentId) {
    }

    /** Adds (or replaces) a probe; its first scheduled run is one interval from now. */
    void register(ProbeDefinition probe) {
        admin.componentId(probe.component());
        probes.put(probe.name(), probe);
        transactions.executeWithoutResult(tx -> {
            State state = state(probe.name()).orElse(new State(probe.name(), 0, 0, null, null, null, false, null));
            save(new State(probe.name(), state.failures(), state.successes(), clock.instant(), state.lastSuccess(),
                    state.lastMessage(), state.movedComponent(), state.openIncidentId()), state(probe.name()).isPresent());
        });
    }

    void remove(String name) {
        probes.remove(name);
    }

    List<ProbeDefinition> definitions() {
        return probes.values().stream().sorted(Comparator.comparing(ProbeDefinition::name)).toList();
    }

    @Scheduled(fixedDelayString = "${walletdesk.status.probe-tick:PT5S}", initialDelayString = "PT20S")
    @SchedulerLock(name = "status-probes", lockAtMostFor = "PT5M")
    public void tick() {
        Instant now = clock.instant();
        for (ProbeDefinition probe : new ArrayList<>(probes.values())) {
            Instant last = state(probe.name()).map(State::lastCheckedAt).orElse(null);
            if (last == null || !last.plus(probe.interval()).isAfter(now)) {
                try {
                    run(probe.name());
                } catch (RuntimeException failure) {
                    log.warn("Status probe {} could not be recorded", probe.name(), failure);
                }
            }
        }
    }

    /** Runs one probe now and acts on the result. */
    synchronized ProbeChecker.Result run(String name) {
        ProbeDefinition probe = probes.get(name);
        if (probe == null) {
            throw new IllegalArgumentException("No probe " + name);
        }
        ProbeChecker.Result result = checker.check(probe);
        transactions.executeWithoutResult(tx -> record(probe, result));
        return result;
    }

    Optional<State> state(String name) {
        return jdbc.sql("SELECT * FROM status_probe_state WHERE name = :n").param("n", name)
                .query((rs, n) -> new State(rs.getString("name"), rs.getInt("consecutive_failures"),
                        rs.getInt("consecutive_successes"), StatusReader.instant(rs, "last_checked_at"),
                        (Boolean) rs.getObject("last_success"), rs.getString("last_message"),
                        rs.getBoolean("moved_component"), (Long) rs.getObject("open_incident_id", Long.class)))
                .optional();
    }

    private void record(ProbeDefinition probe, ProbeChecker.Result result) {
        Optional<State> stored = state(probe.name());
        State state = stored.orElse(new State(probe.name(), 0, 0, null, null, null, false, null));
        int failures = result.success() ? 0 : state.failures() + 1;
        int successes = result.success() ? state.successes() + 1 : 0;
        boolean moved = state.movedComponent();
        Long incident = state.openIncidentId();
        long componentId = admin.componentId(probe.component());
        ComponentStatus current = componentStatus(componentId);
        if (current != ComponentStatus.UNDER_MAINTENANCE) {
            if (!result.success()) {
                if (failures >= probe.failureThreshold() && incident == null) {
                    incident = openIncident(probe);
                    moved = true;
                } else if (failures == 1 && incident == null && current == ComponentStatus.OPERATIONAL) {
                    admin.changeComponent(componentId, ComponentStatus.DEGRADED_PERFORMANCE, "PROBE");
                    moved = true;
                }
            } else if (successes >= probe.successThreshold()) {
                if (incident != null) {
                    resolveIncident(probe, incident);
                    incident = null;
                    moved = false;
                } else if (moved) {
                    admin.changeComponent(componentId, ComponentStatus.OPERATIONAL, "PROBE");
                    moved = false;
                }
            }
        }
        if (!result.success()) {
            log.info("Status probe {} failed ({} in a row): {}", probe.name(), failures, result.message());
        }
        String message = result.message() == null ? null
                : result.message().length() > 500 ? result.message().substring(0, 500) : result.message();
        save(new State(probe.name(), failures, successes, clock.instant(), result.success(), message, moved, incident),
                stored.isPresent());
    }

    private Long openIncident(ProbeDefinition probe) {
        Texts component = admin.componentNames(probe.component());
        Texts name = texts("status.probe.incident.name", component);
        Texts body = texts("status.probe.incident.body", component);
        String publicId = admin.openIncident(new StatusAdmin.NewIncident(name, Impact.of(probe.failureStatus()),
                IncidentStatus.INVESTIGATING, body, Map.of(probe.component(), probe.failureStatus()), true),
                Actor.system(), probe.name());
        return admin.row(publicId).id();
    }

    private void resolveIncident(ProbeDefinition probe, long incidentId) {
        Optional<StatusAdmin.Row> row = admin.row(incidentId);
        if (row.isEmpty() || !row.get().status().open()) {
            // Staff resolved it already; just make sure the component is back.
            admin.changeComponent(admin.componentId(probe.component()), ComponentStatus.OPERATIONAL, "PROBE");
            return;
        }
        Texts body = texts("status.probe.resolved.body", admin.componentNames(probe.component()));
        admin.addUpdate(row.get().publicId(), new StatusAdmin.NewUpdate(IncidentStatus.RESOLVED, body,
                Map.of(probe.component(), ComponentStatus.OPERATIONAL), true), Actor.system());
    }

    private Texts texts(String key, Texts component) {
        return new Texts(
                messages.getMessage(key, new Object[] {component.en()}, Locale.ENGLISH),
                messages.getMessage(key, new Object[] {component.in(Locale.SIMPLIFIED_CHINESE)}, Locale.SIMPLIFIED_CHINESE),
                messages.getMessage(key, new Object[] {component.in(Locale.forLanguageTag("id"))},
                        Locale.forLanguageTag("id")));
    }

    private ComponentStatus componentStatus(long componentId) {
        return ComponentStatus.fromApi(jdbc.sql("SELECT status FROM status_component WHERE id = :id")
                .param("id", componentId).query(String.class).single());
    }

    private void save(State state, boolean exists) {
        String sql = exists ? """
                UPDATE status_probe_state SET consecutive_failures = :f, consecutive_successes = :s,
                    last_checked_at = :at, last_success = :ok, last_message = :msg, moved_component = :moved,
                    open_incident_id = :incident WHERE name = :name"""
                : """
                INSERT INTO status_probe_state (name, consecutive_failures, consecutive_successes, last_checked_at,
                    last_success, last_message, moved_component, open_incident_id)
                VALUES (:name, :f, :s, :at, :ok, :msg, :moved, :incident)""";
        jdbc.sql(sql).param("name", state.name()).param("f", state.failures()).param("s", state.successes())
                .param("at", state.lastCheckedAt() == null ? null : Timestamp.from(state.lastCheckedAt()),
                        Types.TIMESTAMP)
                .param("ok", state.lastSuccess(), Types.BOOLEAN).param("msg", state.lastMessage())
                .param("moved", state.movedComponent()).param("incident", state.openIncidentId(), Types.BIGINT)
                .update();
    }
}
