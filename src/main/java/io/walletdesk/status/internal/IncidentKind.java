package io.walletdesk.status.internal;

/** Incidents and scheduled maintenances share one shape, as in Statuspage. */
enum IncidentKind {
    INCIDENT, MAINTENANCE
}
