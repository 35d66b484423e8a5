package io.walletdesk.reachability;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A signed-in customer's recent self-diagnosis reports, newest first, for the agent's customer panel: which ran,
 * when, on what device, and the worst outcome. The full report stays behind its id ({@link DiagnosticReports}).
 */
@Service
public class CustomerDiagnostics {

    private final JdbcClient jdbc;

    CustomerDiagnostics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One report in a line; {@code overall} is pass, warn or fail. */
    public record Recent(String reportId, Instant createdAt, String overall, String deviceType, String os, String browser) {
    }

    public List<Recent> of(long userId, int limit) {
        return jdbc.sql("""
                SELECT report_id, created_at, overall, device_type, os, browser FROM reach_diagnostic_report
                WHERE user_id = :user ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("user", userId).param("limit", limit)
                .query((rs, n) -> new Recent(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6)))
                .list();
    }
}
