package io.walletdesk.support.sla;

import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.ConversationTeamAssigned;
import io.walletdesk.support.Priority;
import io.walletdesk.support.SlaBreached;
import io.walletdesk.support.SlaTarget;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The service-level clocks of conversations: first response, next response and resolution, counted in the
 * policy's business hours. Waiting for the customer (pending) or snoozed pauses the clocks; a missed target
 * escalates (raised priority, supervisor alerted through the audit trail and a {@link SlaBreached} event).
 */
@Service
public class ServiceLevels {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    ServiceLevels(JdbcClient jdbc, ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /** A policy row. */
    record Policy(long id, long calendarId, int firstResponse, int nextResponse, int resolution, int warnBefore,
            Priority escalateTo, Long escalateToTeam) {
    }

    /** Starts the clocks of a new conversation. */
    public void start(long conversationId, Priority priority, Channel channel, Instant at) {
        Policy policy = policyFor(priority, channel);
        BusinessCalendar calendar = calendar(policy.calendarId());
        jdbc.sql("""
                INSERT INTO conversation_sla (conversation_id, policy_id, first_response_due, resolution_due)
                VALUES (:c, :p, :first, :resolution)""")
                .param("c", conversationId).param("p", policy.id())
                .param("first", Timestamp.from(calendar.plusBusinessMinutes(at, policy.firstResponse())))
                .param("resolution", Timestamp.from(calendar.plusBusinessMinutes(at, policy.resolution())))
                .update();
    }

    public void onAgentReply(long conversationId, Instant at) {
        jdbc.sql("""
                UPDATE conversation_sla SET first_responded_at = COALESCE(first_responded_at, :at), next_response_due = NULL,
                  warned = FALSE WHERE conversation_id = :c""")
                .param("at", Timestamp.from(at)).param("c", conversationId).update();
    }

    /** After the first answer, each new customer message starts the next-response clock. */
    public void onCustomerMessage(long conversationId, Instant at) {
        find(conversationId).filter(sla -> sla.firstRespondedAt() != null && sla.nextResponseDue() == null)
                .ifPresent(sla -> {
                    Policy policy = policy(sla.policyId());
                    jdbc.sql("UPDATE conversation_sla SET next_response_due = :due, warned = FALSE WHERE conversation_id = :c")
                            .param("due", Timestamp.from(calendar(policy.calendarId()).plusBusinessMinutes(at, policy.nextResponse())))
                            .param("c", conversationId).update();
                });
    }

    /** Pending and snoozed pause the clocks; back to open, every due time moves by the business time paused. */
    public void onStatus(long conversationId, ConversationStatus status, Instant at) {
        Optional<Clocks> current = find(conversationId);
        if (current.isEmpty()) {
            return;
        }
        Clocks sla = current.get();
        boolean pause = status == ConversationStatus.PENDING || status == ConversationStatus.SNOOZED;
        if (status == ConversationStatus.RESOLVED || status == ConversationStatus.CLOSED) {
            jdbc.sql("UPDATE conversation_sla SET stopped = TRUE, paused_since = NULL WHERE conversation_id = :c")
                    .param("c", conversationId).update();
        } else if (pause && sla.pausedSince() == null) {
            jdbc.sql("UPDATE conversation_sla SET paused_since = :at WHERE conversation_id = :c")
                    .param("at", Timestamp.from(at)).param("c", conversationId).update();
        } else if (!pause && (sla.pausedSince() != null || sla.stopped())) {
            BusinessCalendar calendar = calendar(policy(sla.policyId()).calendarId());
            Instant since = sla.pausedSince() == null ? at : sla.pausedSince();
            jdbc.sql("""
                    UPDATE conversation_sla SET paused_since = NULL, stopped = FALSE, first_response_due = :first,
                      next_response_due = :next, resolution_due = :resolution WHERE conversation_id = :c""")
                    .param("first", shifted(calendar, sla.firstResponseDue(), since, at), Types.TIMESTAMP)
                    .param("next", shifted(calendar, sla.nextResponseDue(), since, at), Types.TIMESTAMP)
                    .param("resolution", shifted(calendar, sla.resolutionDue(), since, at), Types.TIMESTAMP)
                    .param("c", conversationId).update();
        }
    }

    /** When the customer can expect a human: the open response target, else empty. */
    public Optional<Instant> expectedReply(long conversationId) {
        return find(conversationId).filter(sla -> !sla.stopped() && sla.pausedSince() == null)
                .map(sla -> sla.firstRespondedAt() == null ? sla.firstResponseDue() : sla.nextResponseDue());
    }

    /** The default calendar (the one teams use unless they have their own). */
    BusinessCalendar defaultCalendar() {
        return calendar(defaultCalendarId());
    }

    /** The next time a person is at work, for "we will answer from ..." messages. */
    public Instant nextOpening(Instant from) {
        return calendar(defaultCalendarId()).nextOpening(from);
    }

    public Optional<Clocks> clocks(long conversationId) {
        return find(conversationId);
    }

    /** Warns before and escalates after a missed target; once per conversation and target. */
    @Scheduled(fixedDelayString = "${walletdesk.support.sla-check-interval:PT1M}", initialDelayString = "PT30S")
    @SchedulerLock(name = "sla-check", lockAtMostFor = "PT5M")
    public void check() {
        checkAt(clock.instant());
    }

    @Transactional
    public int checkAt(Instant now) {
        int escalated = 0;
        List<Clocks> running = jdbc.sql("""
                SELECT * FROM conversation_sla WHERE stopped = FALSE AND paused_since IS NULL AND breached = FALSE""")
                .query(ServiceLevels::clocks).list();
        for (Clocks sla : running) {
            SlaTarget target = missed(sla, now);
            if (target != null) {
                Policy policy = policy(sla.policyId());
                jdbc.sql("UPDATE conversation_sla SET breached = TRUE WHERE conversation_id = :c")
                        .param("c", sla.conversationId()).update();
                if (policy.escalateToTeam() != null) {
                    jdbc.sql("UPDATE conversations SET team_id = :t WHERE id = :c")
                            .param("t", policy.escalateToTeam()).param("c", sla.conversationId()).update();
                    events.publishEvent(new ConversationTeamAssigned(sla.conversationId(), policy.escalateToTeam()));
                }
                if (policy.escalateTo() != null) {
                    jdbc.sql("UPDATE conversations SET priority = :p, updated_at = :now WHERE id = :c")
                            .param("p", policy.escalateTo().name()).param("now", Timestamp.from(now))
                            .param("c", sla.conversationId()).update();
                }
                audit.record(new AuditEntry("SLA_BREACHED", null, "SYSTEM", null,
                        "conversation " + sla.conversationId() + " " + target, null, null));
                events.publishEvent(new SlaBreached(sla.conversationId(), target));
                escalated++;
            } else if (!sla.warned() && dueSoon(sla, now, policy(sla.policyId()).warnBefore())) {
                jdbc.sql("UPDATE conversation_sla SET warned = TRUE WHERE conversation_id = :c")
                        .param("c", sla.conversationId()).update();
            }
        }
        return escalated;
    }

    /** Conversations whose target is near or missed, for the "SLA at risk" inbox view. */
    public Set<Long> atRisk() {
        return new HashSet<>(jdbc.sql("SELECT conversation_id FROM conversation_sla WHERE (warned OR breached) AND stopped = FALSE")
                .query(Long.class).list());
    }

    private static SlaTarget missed(Clocks sla, Instant now) {
        if (sla.firstRespondedAt() == null && sla.firstResponseDue() != null && sla.firstResponseDue().isBefore(now)) {
            return SlaTarget.FIRST_RESPONSE;
        }
        if (sla.nextResponseDue() != null && sla.nextResponseDue().isBefore(now)) {
            return SlaTarget.NEXT_RESPONSE;
        }
        if (sla.resolutionDue() != null && sla.resolutionDue().isBefore(now)) {
            return SlaTarget.RESOLUTION;
        }
        return null;
    }

    private static boolean dueSoon(Clocks sla, Instant now, int warnMinutes) {
        Instant horizon = now.plusSeconds(warnMinutes * 60L);
        Instant response = sla.firstRespondedAt() == null ? sla.firstResponseDue() : sla.nextResponseDue();
        return (response != null && response.isBefore(horizon))
                || (sla.resolutionDue() != null && sla.resolutionDue().isBefore(horizon));
    }

    private static Timestamp shifted(BusinessCalendar calendar, Instant due, Instant pausedAt, Instant resumedAt) {
        if (due == null) {
            return null;
        }
        long remaining = calendar.businessMinutesBetween(pausedAt, due);
        return Timestamp.from(calendar.plusBusinessMinutes(resumedAt, remaining));
    }

    Policy policyFor(Priority priority, Channel channel) {
        return jdbc.sql("""
                SELECT * FROM sla_policies
                WHERE (priority = :priority OR priority IS NULL) AND (channel = :channel OR channel IS NULL)
                ORDER BY CASE WHEN priority IS NOT NULL THEN 0 WHEN channel IS NOT NULL THEN 1 ELSE 2 END, id
                LIMIT 1""")
                .param("priority", priority.name()).param("channel", channel.name())
                .query(ServiceLevels::policy).single();
    }

    private Policy policy(long id) {
        return jdbc.sql("SELECT * FROM sla_policies WHERE id = :id").param("id", id).query(ServiceLevels::policy).single();
    }

    private long defaultCalendarId() {
        return jdbc.sql("SELECT id FROM business_calendars ORDER BY is_default DESC, id LIMIT 1").query(Long.class).single();
    }

    BusinessCalendar calendar(long id) {
        var row = jdbc.sql("SELECT time_zone, weekly_hours FROM business_calendars WHERE id = :id").param("id", id)
                .query((rs, n) -> new String[] {rs.getString("time_zone"), rs.getString("weekly_hours")}).single();
        Set<LocalDate> holidays = new HashSet<>(jdbc.sql("SELECT holiday_date FROM calendar_holidays WHERE calendar_id = :id")
                .param("id", id).query((rs, n) -> rs.getDate("holiday_date").toLocalDate()).list());
        return new BusinessCalendar(ZoneId.of(row[0]), BusinessCalendar.parseWeeklyHours(row[1]), holidays);
    }

    private Optional<Clocks> find(long conversationId) {
        return jdbc.sql("SELECT * FROM conversation_sla WHERE conversation_id = :c").param("c", conversationId)
                .query(ServiceLevels::clocks).optional();
    }

    private static Policy policy(ResultSet rs, int row) throws SQLException {
        String escalate = rs.getString("escalate_to_priority");
        return new Policy(rs.getLong("id"), rs.getLong("calendar_id"), rs.getInt("first_response_minutes"),
                rs.getInt("next_response_minutes"), rs.getInt("resolution_minutes"), rs.getInt("warn_before_minutes"),
                escalate == null ? null : Priority.valueOf(escalate), rs.getObject("escalate_to_team_id", Long.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Clocks clocks(ResultSet rs, int row) throws SQLException {
        return new Clocks(rs.getLong("conversation_id"), rs.getLong("policy_id"), instant(rs, "first_response_due"),
                instant(rs, "next_response_due"), instant(rs, "resolution_due"), instant(rs, "first_responded_at"),
                instant(rs, "paused_since"), rs.getBoolean("warned"), rs.getBoolean("breached"), rs.getBoolean("stopped"));
    }

    /** The clocks of one conversation. */
    public record Clocks(long conversationId, long policyId, Instant firstResponseDue, Instant nextResponseDue,
            Instant resolutionDue, Instant firstRespondedAt, Instant pausedSince, boolean warned, boolean breached,
            boolean stopped) {
    }

    /** Holidays can be imported from iCalendar (VEVENT with an all-day DTSTART), as calendars publish them. */
    @Transactional
    public int importHolidays(long calendarId, String icalendar) {
        int imported = 0;
        String summary = null;
        LocalDate day = null;
        for (String raw : icalendar.replace("\r\n ", "").split("\\r?\\n")) {
            String line = raw.trim();
            if (line.equals("BEGIN:VEVENT")) {
                summary = null;
                day = null;
            } else if (line.startsWith("DTSTART")) {
                String value = line.substring(line.indexOf(':') + 1).trim();
                day = LocalDate.parse(value.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
            } else if (line.startsWith("SUMMARY")) {
                summary = line.substring(line.indexOf(':') + 1).trim();
            } else if (line.equals("END:VEVENT") && day != null) {
                int updated = jdbc.sql("UPDATE calendar_holidays SET name = :n WHERE calendar_id = :c AND holiday_date = :d")
                        .param("n", summary == null ? "Holiday" : summary).param("c", calendarId).param("d", Date.valueOf(day))
                        .update();
                if (updated == 0) {
                    jdbc.sql("INSERT INTO calendar_holidays (calendar_id, holiday_date, name) VALUES (:c, :d, :n)")
                            .param("c", calendarId).param("d", Date.valueOf(day))
                            .param("n", summary == null ? "Holiday" : summary).update();
                }
                imported++;
            }
        }
        return imported;
    }
}
