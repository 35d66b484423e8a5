package io.walletdesk.status.internal;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Statuspage's incident and maintenance statuses. */
enum IncidentStatus {
    INVESTIGATING(IncidentKind.INCIDENT, true),
    IDENTIFIED(IncidentKind.INCIDENT, true),
    MONITORING(IncidentKind.INCIDENT, true),
    RESOLVED(IncidentKind.INCIDENT, false),
    POSTMORTEM(IncidentKind.INCIDENT, false),
    SCHEDULED(IncidentKind.MAINTENANCE, true),
    IN_PROGRESS(IncidentKind.MAINTENANCE, true),
    VERIFYING(IncidentKind.MAINTENANCE, true),
    COMPLETED(IncidentKind.MAINTENANCE, false);

    private final IncidentKind kind;
    private final boolean open;

    IncidentStatus(IncidentKind kind, boolean open) {
        this.kind = kind;
        this.open = open;
    }

    String api() {
        return name().toLowerCase(Locale.ROOT);
    }

    IncidentKind kind() {
        return kind;
    }

    boolean open() {
        return open;
    }

    /** A maintenance that is happening now. */
    boolean active() {
        return this == IN_PROGRESS || this == VERIFYING;
    }

    static List<IncidentStatus> of(IncidentKind kind) {
        return Arrays.stream(values()).filter(s -> s.kind == kind).toList();
    }

    static IncidentStatus fromApi(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
