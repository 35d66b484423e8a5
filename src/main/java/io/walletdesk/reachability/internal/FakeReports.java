package io.walletdesk.reachability.internal;

import io.walletdesk.reachability.internal.ChannelChecker.CheckResult;
import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.ratelimit.RateLimiter;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reports of fake channels from anyone, rate-limited per client, reviewed by staff. All steps are audited. */
@Service
class FakeReports {

    static final int REPORTS_PER_HOUR = 5;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final RateLimiter rateLimiter;
    private final ChannelChecker checker;

    FakeReports(JdbcClient jdbc, Clock clock, AuditTrail audit, RateLimiter rateLimiter, ChannelChecker checker) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
        this.rateLimiter = rateLimiter;
        this.checker = checker;
    }

    enum State {
        NEW, CONFIRMED, DISMISSED
    }

    /** What a reporter tells us. */
    record NewReport(String value, String whereSeen, String details, String contact) {
    }

    /** One report in the review queue. */
    record FakeReport(long id, String reference, String reportedValue, String normalized, String kind, String verdict,
            String whereSeen, String details, String reporterContact, Long reporterUserId, State state,
            Instant createdAt, Instant reviewedAt, Long reviewedBy, String reviewNote) {
    }

    @Transactional(noRollbackFor = ProblemException.class)
    FakeReport submit(NewReport report, Long userId, ClientInfo client) {
        String value = trim(report.value(), 500);
        if (value == null) {
            throw ProblemException.forField("validation", FailureKind.INVALID, "value");
        }
        String who = userId != null ? "user:" + userId : "ip:" + client.ip();
        var limit = rateLimiter.hit("fake-report:" + who, REPORTS_PER_HOUR, Duration.ofHours(1));
        if (!limit.allowed()) {
            throw new ProblemException("rate-limited", FailureKind.RATE_LIMITED, null,
                    new Object[] {Math.max(1, (limit.retryAfterSeconds() + 59) / 60)},
                    Map.of("retryAfterSeconds", limit.retryAfterSeconds()));
        }
        CheckResult check = checker.check(value, Locale.ENGLISH);
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO reach_fake_report (reported_value, normalized, kind, verdict, where_seen, details,
                    reporter_contact, reporter_user_id, reporter_ip, state, created_at)
                VALUES (:value, :normalized, :kind, :verdict, :where, :details, :contact, :user, :ip, :state, :at)""")
                .param("value", value).param("normalized", check.normalized().isEmpty() ? value.toLowerCase(Locale.ROOT) : check.normalized())
                .param("kind", check.kind()).param("verdict", check.verdict().name())
                .param("where", trim(report.whereSeen(), 200)).param("details", trim(report.details(), 2000))
                .param("contact", trim(report.contact(), 200)).param("user", userId, Types.BIGINT)
                .param("ip", client.ip()).param("state", State.NEW.name()).param("at", Timestamp.from(clock.instant()))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        audit.record(AuditEntry.of("FAKE_CHANNEL_REPORTED", userId, userId == null ? null : "CUSTOMER", null,
                "FR-" + id + " " + check.kind() + " " + check.normalized() + " (" + check.verdict() + ")", client));
        return get(id);
    }

    FakeReport get(long id) {
        return jdbc.sql("SELECT * FROM reach_fake_report WHERE id = :id").param("id", id).query(FakeReports::row)
                .optional().orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
    }

    /** New reports first (oldest first among them), then the most recently reviewed. */
    List<FakeReport> queue(String state, int limit) {
        if (state != null && !state.isBlank()) {
            return jdbc.sql("SELECT * FROM reach_fake_report WHERE state = :state ORDER BY created_at, id LIMIT :limit")
                    .param("state", state.toUpperCase(Locale.ROOT)).param("limit", limit).query(FakeReports::row).list();
        }
        return jdbc.sql("""
                SELECT * FROM reach_fake_report
                ORDER BY CASE WHEN state = :new THEN 0 ELSE 1 END, CASE WHEN state = :new THEN created_at END,
                    reviewed_at DESC, id DESC LIMIT :limit""")
                .param("new", State.NEW.name()).param("limit", limit).query(FakeReports::row).list();
    }

    @Transactional
    FakeReport review(long id, String decision, String note, long staffUserId, String staffRole, ClientInfo client) {
        State state;
        try {
            state = State.valueOf(decision == null ? "" : decision.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw ProblemException.forField("validation", FailureKind.INVALID, "decision");
        }
        if (state == State.NEW) {
            throw ProblemException.forField("validation", FailureKind.INVALID, "decision");
        }
        FakeReport before = get(id);
        jdbc.sql("UPDATE reach_fake_report SET state = :state, reviewed_at = :at, reviewed_by = :by, review_note = :note WHERE id = :id")
                .param("state", state.name()).param("at", Timestamp.from(clock.instant())).param("by", staffUserId)
                .param("note", trim(note, 1000)).param("id", id).update();
        audit.record(AuditEntry.of("FAKE_CHANNEL_REPORT_REVIEWED", staffUserId, staffRole, before.reporterUserId(),
                before.reference() + " " + before.state() + " -> " + state + " " + before.normalized(), client));
        return get(id);
    }

    private static String trim(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return v.length() <= max ? v : v.substring(0, max);
    }

    private static FakeReport row(ResultSet rs, int n) throws SQLException {
        Timestamp reviewed = rs.getTimestamp("reviewed_at");
        return new FakeReport(rs.getLong("id"), "FR-" + rs.getLong("id"), rs.getString("reported_value"),
                rs.getString("normalized"), rs.getString("kind"), rs.getString("verdict"), rs.getString("where_seen"),
                rs.getString("details"), rs.getString("reporter_contact"), rs.getObject("reporter_user_id", Long.class),
                State.valueOf(rs.getString("state")), rs.getTimestamp("created_at").toInstant(),
                reviewed == null ? null : reviewed.toInstant(), rs.getObject("reviewed_by", Long.class),
                rs.getString("review_note"));
    }
}
