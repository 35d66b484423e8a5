package io.walletdesk.disputes;

import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.outbox.OutboundMessage;
import io.walletdesk.shared.outbox.OutboundMessages;
import io.walletdesk.shared.web.ProblemException;
import io.walletdesk.support.BusinessHours;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Formal complaints. Deadlines come from configuration in working days (default: acknowledge within 2,
 * answer within 10, one extension of 10 with notice). Escalation goes agent → supervisor → complaints
 * team, by hand or automatically when the answer deadline nears or passes. Every step is recorded.
 */
@Service
public class Complaints {

    public static final Set<String> CATEGORIES = Set.of("TOP_UP", "PAYMENT", "TRANSFER", "ACCOUNT_LOCK", "FRAUD",
            "FEES", "SERVICE_QUALITY", "OTHER");
    static final List<String> TIERS = List.of("AGENT", "SUPERVISOR", "COMPLAINTS_TEAM");

    private final JdbcClient jdbc;
    private final BusinessHours businessHours;
    private final OutboundMessages outbox;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final int acknowledgeDays;
    private final int answerDays;
    private final int extensionDays;

    Complaints(JdbcClient jdbc, BusinessHours businessHours, OutboundMessages outbox, MessageSource messages,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock,
            @Value("${walletdesk.complaints.acknowledge-working-days:2}") int acknowledgeDays,
            @Value("${walletdesk.complaints.answer-working-days:10}") int answerDays,
            @Value("${walletdesk.complaints.extension-working-days:10}") int extensionDays) {
        this.jdbc = jdbc;
        this.businessHours = businessHours;
        this.outbox = outbox;
        this.messages = messages;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.acknowledgeDays = acknowledgeDays;
        this.answerDays = answerDays;
        this.extensionDays = extensionDays;
    }

    /** Command: a customer files a complaint (optionally about a conversation of theirs). */
    public record FileComplaint(long customerUserId, String email, String language, String category, String description,
            Long conversationId) {
    }

    @Transactional
    public ComplaintView file(FileComplaint command) {
        if (command.category() == null || !CATEGORIES.contains(command.category())) {
            throw ProblemException.forField("validation", HttpStatus.BAD_REQUEST, "category");
        }
        String description = command.description() == null ? "" : command.description().strip();
        if (description.length() < 10 || description.length() > 5000) {
            throw ProblemException.forField("complaint-description", HttpStatus.BAD_REQUEST, "description");
        }
        Instant now = clock.instant();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO complaints (reference, customer_user_id, conversation_id, category, description, language,
                  status, tier, acknowledge_due, answer_due, created_at, updated_at)
                VALUES (:ref, :customer, :conversation, :category, :description, :lang, 'RECEIVED', 'AGENT',
                  :ackDue, :answerDue, :now, :now)""")
                .param("ref", "tmp-" + java.util.UUID.randomUUID().toString().substring(0, 15))
                .param("customer", command.customerUserId())
                .param("conversation", command.conversationId(), java.sql.Types.BIGINT)
                .param("category", command.category()).param("description", description)
                .param("lang", SupportedLanguage.fromTag(command.language()).orElse(SupportedLanguage.EN).tag())
                .param("ackDue", Timestamp.from(businessHours.endOfBusinessDays(now, acknowledgeDays)))
                .param("answerDue", Timestamp.from(businessHours.endOfBusinessDays(now, answerDays)))
                .param("now", Timestamp.from(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        String reference = "CMP-" + Year.now(clock.withZone(ZoneOffset.UTC)).getValue() + "-" + String.format("%06d", id);
        jdbc.sql("UPDATE complaints SET reference = :ref WHERE id = :id").param("ref", reference).param("id", id).update();
        step(id, command.customerUserId(), "CUSTOMER", "FILED", null);
        ComplaintView complaint = find(id).orElseThrow();
        notifyCustomer(complaint, command.email(), "complaint.mail.filed",
                new Object[] {reference, complaint.acknowledgeDue(), complaint.answerDue()});
        audit.record(AuditEntry.of("COMPLAINT_FILED", command.customerUserId(), "CUSTOMER", command.customerUserId(),
                reference, null));
        events.publishEvent(new ComplaintFiled(id, reference));
        return complaint;
    }

    public Optional<ComplaintView> find(long id) {
        return jdbc.sql("SELECT * FROM complaints WHERE id = :id").param("id", id).query(Complaints::view).optional();
    }

    /** The customer's own complaint by reference; anyone else gets nothing. */
    public Optional<ComplaintView> ofCustomer(long customerUserId, String reference) {
        return jdbc.sql("SELECT * FROM complaints WHERE reference = :ref AND customer_user_id = :c")
                .param("ref", reference).param("c", customerUserId).query(Complaints::view).optional();
    }

    public List<ComplaintView> ofCustomer(long customerUserId) {
        return jdbc.sql("SELECT * FROM complaints WHERE customer_user_id = :c ORDER BY id DESC").param("c", customerUserId)
                .query(Complaints::view).list();
    }

    /** Open complaints for staff, the nearest deadline first. */
    public List<ComplaintView> open() {
        return jdbc.sql("""
                SELECT * FROM complaints WHERE status IN ('RECEIVED', 'ACKNOWLEDGED', 'NOT_SATISFIED')
                ORDER BY answer_due, id""").query(Complaints::view).list();
    }

    public List<ComplaintStep> timeline(long complaintId) {
        return jdbc.sql("SELECT * FROM complaint_steps WHERE complaint_id = :id ORDER BY id").param("id", complaintId)
                .query((rs, n) -> new ComplaintStep(rs.getTimestamp("occurred_at").toInstant(),
                        rs.getObject("actor_user_id", Long.class), rs.getString("actor_role"), rs.getString("action"),
                        rs.getString("note")))
                .list();
    }

    @Transactional
    public void acknowledge(long id, long staffUserId, String role, String email) {
        ComplaintView complaint = open(id);
        if (complaint.acknowledgedAt() != null) {
            return;
        }
        Instant now = clock.instant();
        jdbc.sql("UPDATE complaints SET status = 'ACKNOWLEDGED', acknowledged_at = :now, updated_at = :now WHERE id = :id")
                .param("now", Timestamp.from(now)).param("id", id).update();
        step(id, staffUserId, role, "ACKNOWLEDGED", null);
        events.publishEvent(new ComplaintAcknowledged(id, now));
        notifyCustomer(complaint, email, "complaint.mail.acknowledged", new Object[] {complaint.reference(), complaint.answerDue()});
    }

    /** Moves the complaint one tier up, with the reason. */
    @Transactional
    public void escalate(long id, Long staffUserId, String role, String reason) {
        ComplaintView complaint = open(id);
        int tier = TIERS.indexOf(complaint.tier());
        if (tier == TIERS.size() - 1) {
            throw new ProblemException("complaint-top-tier", HttpStatus.CONFLICT);
        }
        jdbc.sql("UPDATE complaints SET tier = :tier, updated_at = :now WHERE id = :id")
                .param("tier", TIERS.get(tier + 1)).param("now", Timestamp.from(clock.instant())).param("id", id).update();
        step(id, staffUserId, role, "ESCALATED_TO_" + TIERS.get(tier + 1), reason);
        audit.record(AuditEntry.of("COMPLAINT_ESCALATED", staffUserId, role, complaint.customerUserId(),
                complaint.reference() + " -> " + TIERS.get(tier + 1) + ": " + reason, null));
    }

    /** The one extension the rules allow, with notice to the customer. */
    @Transactional
    public void extend(long id, long staffUserId, String role, String reason, String email) {
        ComplaintView complaint = open(id);
        if (complaint.extended()) {
            throw new ProblemException("complaint-extended", HttpStatus.CONFLICT);
        }
        Instant newDue = businessHours.endOfBusinessDays(complaint.answerDue(), extensionDays);
        jdbc.sql("UPDATE complaints SET extended = TRUE, answer_due = :due, updated_at = :now WHERE id = :id")
                .param("due", Timestamp.from(newDue)).param("now", Timestamp.from(clock.instant())).param("id", id).update();
        step(id, staffUserId, role, "EXTENDED", reason);
        events.publishEvent(new ComplaintExtended(id, newDue));
        notifyCustomer(complaint, email, "complaint.mail.extended", new Object[] {complaint.reference(), newDue, reason});
    }

    /** The written answer; the customer then accepts it or says they are not satisfied. */
    @Transactional
    public void answer(long id, long staffUserId, String role, String resolution, String email) {
        ComplaintView complaint = open(id);
        if (resolution == null || resolution.strip().length() < 10) {
            throw ProblemException.forField("complaint-resolution", HttpStatus.BAD_REQUEST, "resolution");
        }
        Instant now = clock.instant();
        jdbc.sql("UPDATE complaints SET status = 'ANSWERED', resolution = :r, acknowledged_at = COALESCE(acknowledged_at, :now), updated_at = :now WHERE id = :id")
                .param("r", resolution.strip()).param("now", Timestamp.from(now)).param("id", id).update();
        step(id, staffUserId, role, "ANSWERED", resolution.strip());
        events.publishEvent(new ComplaintAnswered(id, now));
        notifyCustomer(complaint, email, "complaint.mail.answered", new Object[] {complaint.reference(), resolution.strip()});
    }

    /** The customer accepts the answer, or is not satisfied (which opens the way to the regulator). */
    @Transactional
    public void respond(long customerUserId, String reference, boolean accepted, String comment) {
        ComplaintView complaint = ofCustomer(customerUserId, reference)
                .orElseThrow(() -> new ProblemException("not-found", HttpStatus.NOT_FOUND));
        if (!"ANSWERED".equals(complaint.status())) {
            throw new ProblemException("complaint-not-answered", HttpStatus.CONFLICT);
        }
        jdbc.sql("UPDATE complaints SET status = :s, updated_at = :now WHERE id = :id")
                .param("s", accepted ? "ACCEPTED" : "NOT_SATISFIED").param("now", Timestamp.from(clock.instant()))
                .param("id", complaint.id()).update();
        step(complaint.id(), customerUserId, "CUSTOMER", accepted ? "ACCEPTED" : "NOT_SATISFIED", comment);
    }

    /**
     * Automatic escalation: to the supervisor when two working days are left, to the complaints team once
     * the deadline has passed.
     */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
    @SchedulerLock(name = "complaint-escalation", lockAtMostFor = "PT5M")
    public void scheduledEscalation() {
        escalateDue();
    }

    @Transactional
    public int escalateDue() {
        Instant now = clock.instant();
        int escalated = 0;
        for (ComplaintView complaint : open()) {
            boolean late = complaint.answerDue().isBefore(now);
            boolean near = businessHours.endOfBusinessDays(now, 2).isAfter(complaint.answerDue());
            if (late && !"COMPLAINTS_TEAM".equals(complaint.tier())) {
                while (!"COMPLAINTS_TEAM".equals(find(complaint.id()).orElseThrow().tier())) {
                    escalate(complaint.id(), null, "SYSTEM", "answer deadline passed");
                }
                escalated++;
            } else if (near && "AGENT".equals(complaint.tier())) {
                escalate(complaint.id(), null, "SYSTEM", "answer deadline within two working days");
                escalated++;
            }
        }
        return escalated;
    }

    private ComplaintView open(long id) {
        ComplaintView complaint = find(id).orElseThrow(() -> new ProblemException("not-found", HttpStatus.NOT_FOUND));
        if ("ACCEPTED".equals(complaint.status())) {
            throw new ProblemException("complaint-closed", HttpStatus.CONFLICT);
        }
        return complaint;
    }

    private void step(long complaintId, Long actor, String role, String action, String note) {
        jdbc.sql("""
                INSERT INTO complaint_steps (complaint_id, occurred_at, actor_user_id, actor_role, action, note)
                VALUES (:c, :at, :actor, :role, :action, :note)""")
                .param("c", complaintId).param("at", Timestamp.from(clock.instant()))
                .param("actor", actor, java.sql.Types.BIGINT).param("role", role).param("action", action)
                .param("note", note == null ? null : note.substring(0, Math.min(note.length(), 2000))).update();
    }

    private void notifyCustomer(ComplaintView complaint, String email, String key, Object[] args) {
        if (email == null || email.isBlank()) {
            return;
        }
        Locale locale = SupportedLanguage.fromTag(complaint.language()).orElse(SupportedLanguage.EN).locale();
        java.time.format.DateTimeFormatter local = java.time.format.DateTimeFormatter
                .ofPattern("d MMM yyyy HH:mm 'WIB'", locale).withZone(java.time.ZoneId.of("Asia/Jakarta"));
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Instant at) {
                args[i] = local.format(at);
            }
        }
        outbox.queue(new OutboundMessage(OutboundMessage.Channel.EMAIL, email,
                "[" + complaint.reference() + "] " + messages.getMessage("complaint.mail.subject", null, locale),
                messages.getMessage(key, args, locale), "COMPLAINT"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    static ComplaintView view(ResultSet rs, int row) throws SQLException {
        return new ComplaintView(rs.getLong("id"), rs.getString("reference"), rs.getLong("customer_user_id"),
                rs.getObject("conversation_id", Long.class), rs.getString("category"), rs.getString("description"),
                rs.getString("language"), rs.getString("status"), rs.getString("tier"), instant(rs, "acknowledge_due"),
                instant(rs, "answer_due"), instant(rs, "acknowledged_at"), rs.getBoolean("extended"),
                rs.getString("resolution"), instant(rs, "created_at"));
    }
}
