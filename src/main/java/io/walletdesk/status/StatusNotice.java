package io.walletdesk.status;

import java.time.Instant;

/**
 * One banner line. {@code impact} and {@code status} use Statuspage's values (e.g. {@code major},
 * {@code investigating}, {@code in_progress}); {@code severe} says the impact is major or critical;
 * {@code statusText} is the translated status; {@code link} is the incident page, relative to the context path.
 */
public record StatusNotice(Kind kind, String title, String impact, boolean severe, String status, String statusText,
        String link, Instant since) {

    /** Incidents and scheduled maintenances share one shape, as in Statuspage. */
    public enum Kind {
        INCIDENT, MAINTENANCE
    }

    public boolean maintenance() {
        return kind == Kind.MAINTENANCE;
    }
}
