package io.walletdesk.status.internal;

import java.util.Locale;

/** Statuspage's impact values; also the page's status indicator (none, minor, major, critical). */
enum Impact {
    NONE, MINOR, MAJOR, CRITICAL, MAINTENANCE;

    String api() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** For the page indicator, maintenance counts as minor. */
    int rank() {
        return switch (this) {
            case NONE -> 0;
            case MINOR, MAINTENANCE -> 1;
            case MAJOR -> 2;
            case CRITICAL -> 3;
        };
    }

    static Impact fromApi(String value) {
        return valueOf(value.trim().toUpperCase(Locale.ROOT));
    }

    /** The impact a probe-opened incident gets from the status its component moved to. */
    static Impact of(ComponentStatus status) {
        return switch (status) {
            case MAJOR_OUTAGE -> MAJOR;
            case PARTIAL_OUTAGE, DEGRADED_PERFORMANCE -> MINOR;
            case UNDER_MAINTENANCE -> MAINTENANCE;
            case OPERATIONAL -> NONE;
        };
    }
}
