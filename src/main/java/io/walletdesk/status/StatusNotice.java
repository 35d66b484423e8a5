package io.walletdesk.status;

import java.time.Instant;

/**
 * One banner line. {@code kind} is {@code INCIDENT} or {@code MAINTENANCE}; {@code impact} and {@code status}
 * use Statuspage's values (e.g. {@code major}, {@code investigating}, {@code in_progress}); {@code statusText}
 * is the translated status; {@code link} is the incident page, relative to the context path.
 */
public record StatusNotice(String kind, String title, String impact, String status, String statusText, String link,
        Instant since) {

    public boolean maintenance() {
        return "MAINTENANCE".equals(kind);
    }
}
