package io.walletdesk.shared.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The append-only log of security and money events: who did what to whom, when and from where. There is
 * deliberately no update or delete here.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(AuditEntry entry) {
        jdbc.sql("""
                INSERT INTO audit_log (occurred_at, action, actor_user_id, actor_role, subject_user_id, details, ip, user_agent)
                VALUES (:at, :action, :actor, :role, :subject, :details, :ip, :ua)""")
                .param("at", Timestamp.from(clock.instant()))
                .param("action", entry.action())
                .param("actor", entry.actorUserId())
                .param("role", entry.actorRole())
                .param("subject", entry.subjectUserId())
                .param("details", truncate(entry.details(), 2000))
                .param("ip", truncate(entry.ip(), 64))
                .param("ua", truncate(entry.userAgent(), 512))
                .update();
    }

    /** Newest first; {@code subjectUserId} null means all users. */
    public List<AuditRecord> recent(Long subjectUserId, int limit) {
        return jdbc.sql("""
                SELECT id, occurred_at, action, actor_user_id, actor_role, subject_user_id, details, ip, user_agent
                FROM audit_log WHERE (CAST(:subject AS BIGINT) IS NULL OR subject_user_id = :subject OR actor_user_id = :subject)
                ORDER BY id DESC LIMIT :limit""")
                .param("subject", subjectUserId, java.sql.Types.BIGINT)
                .param("limit", limit)
                .query((rs, n) -> new AuditRecord(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("action"), (Long) rs.getObject("actor_user_id", Long.class),
                        rs.getString("actor_role"), (Long) rs.getObject("subject_user_id", Long.class),
                        rs.getString("details"), rs.getString("ip"), rs.getString("user_agent")))
                .list();
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** One audit log row as read back. */
    public record AuditRecord(long id, Instant occurredAt, String action, Long actorUserId, String actorRole,
            Long subjectUserId, String details, String ip, String userAgent) {
    }
}
