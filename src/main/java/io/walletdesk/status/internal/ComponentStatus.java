package io.walletdesk.status.internal;

import java.util.Locale;

/** A component's status, in Statuspage's vocabulary; {@code severity} orders them for the worst-of. */
enum ComponentStatus {
    OPERATIONAL(0, "#2e7d32"),
    UNDER_MAINTENANCE(1, "#1565c0"),
    DEGRADED_PERFORMANCE(2, "#b58900"),
    PARTIAL_OUTAGE(3, "#e65100"),
    MAJOR_OUTAGE(4, "#c62828");

    private final int severity;
    private final String colour;

    ComponentStatus(int severity, String colour) {
        this.severity = severity;
        this.colour = colour;
    }

    /** The Statuspage value, e.g. {@code degraded_performance}. */
    String api() {
        return name().toLowerCase(Locale.ROOT);
    }

    int severity() {
        return severity;
    }

    /** Fill colour of the uptime bars (an SVG attribute, so the page needs no inline style). */
    String colour() {
        return colour;
    }

    boolean worseThan(ComponentStatus other) {
        return other == null || severity > other.severity;
    }

    static ComponentStatus fromApi(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
