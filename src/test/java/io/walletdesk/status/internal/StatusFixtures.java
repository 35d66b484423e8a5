package io.walletdesk.status.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Incidents and maintenances for tests, written through the real admin service. */
final class StatusFixtures {

    private StatusFixtures() {
    }

    static Texts texts(String en) {
        return new Texts(en, en + "（中文）", en + " (ID)");
    }

    static String incident(StatusAdmin admin, String name, String component, ComponentStatus componentStatus) {
        return admin.openIncident(new StatusAdmin.NewIncident(texts(name), Impact.MAJOR, IncidentStatus.INVESTIGATING,
                texts("We are investigating " + name), Map.of(component, componentStatus), true),
                StatusAdmin.Actor.system(), null);
    }

    static String maintenance(StatusAdmin admin, String name, Instant from, Duration length, String... components) {
        return admin.scheduleMaintenance(new StatusAdmin.NewMaintenance(texts(name), texts("Planned work: " + name),
                from, from.plus(length), List.of(components), true), StatusAdmin.Actor.system());
    }
}
