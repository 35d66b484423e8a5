package io.walletdesk.disputes;

import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.outbox.OutboundMessage;
import io.walletdesk.shared.outbox.OutboundMessages;
import io.walletdesk.shared.time.UserTime;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.BusinessHours;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private final ComplaintRepository repository;
    private final JdbcClient jdbc;
    private final BusinessHours businessHours;
    private final OutboundMessages outbox;
    private final MessageSource messages;
    private final AuditTrail audit;
        private final Clock clock;
    private final int acknowledgeDays;
    private final int answerDays;
    private final int extensionDays;

    Complaints(ComplaintRepository repository, JdbcClient jdbc, BusinessHours businessHours, OutboundMessages outbox, MessageSource messages,
            AuditTrail audit, Clock clock,
            @Value("${walletdesk.complaints.acknowledge-working-days:2}") int acknowledgeDays,
            @Value("${walletdesk.complaints.answer-working-days:10}") int answerDays,
            @Value("${walletdesk.complaints.extension-working-days:10}") int extensionDays) {
        this.repository = repository;
        this.jdbc = jdbc;
        this.businessHours = businessHours;
        this.outbox = outbox;
        this.messages = messages;
        this.audit = audit;
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
            throw ProblemException.forField("validation", FailureKind.INVALID, "category");
        }
        String description = command.description() == null ? "" : command.description().strip();
        if (description.length() < 10 || description.length() > 5000) {
            throw ProblemException.forField("complaint-description", FailureKind.INVALID, "description");
        }
        Instant now = clock.instant();
        Complaint complaint = repository.save(Complaint.file(command.customerUserId(), command.conversationId(),
                command.category(), description,
                SupportedLanguage.fromTag(command.language()).orElse(SupportedLanguage.EN).tag(),
                businessHours.endOfBusinessDays(now, acknowledgeDays), businessHours.endOfBusinessDays(now, answerDays),
                "tmp-" + UUID.randomUUID().toString().substring(0, 15), now));
        complaint.assignReference(Year.now(clock.withZone(ZoneOffset.UTC)).getValue());
        ComplaintView filed = repository.save(complaint).view();
        step(filed.id(), command.customerUserId(), "CUSTOMER", "FILED", null);
        notifyCustomer(filed, command.email(), "complaint.mail.filed",
                new Object[] {filed.reference(), filed.acknowledgeDue(), filed.answerDue()});
        audit.record(AuditEntry.of("COMPLAINT_FILED", command.customerUserId(), "CUSTOMER", command.customerUserId(),
                filed.reference(), null));
        return filed;
    }

    public Optional<ComplaintView> find(long id) {
        return repository.findById(id).map(Complaint::view);
    }

    /** The customer's own complaint by reference; anyone else gets nothing. */
    public Optional<ComplaintView> ofCustomer(long customerUserId, String reference) {
        return repository.findByReferenceAndCustomerUserId(reference, customerUserId).map(Complaint::view);
    }

    public List<ComplaintView> ofCustomer(long customerUserId) {
        return repository.findByCustomerUserIdOrderByIdDesc(customerUserId).stream().map(Complaint::view).toList();
    }

    /** Open complaints for staff, the nearest deadline first. */
    public List<ComplaintView> open() {
        return repository.findByStatuses(ComplaintStatus.WORKED_ON.stream().map(Enum::name).toList()).stream()
                .map(Complaint::view).toList();
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
        Complaint complaint = load(id);
        if (!complaint.acknowledge(clock.instant())) {
            return;
        }
        ComplaintView acknowledged = repository.save(complaint).view();
        step(id, staffUserId, role, "ACKNOWLEDGED", null);
        notifyCustomer(acknowledged, email, "complaint.mail.acknowledged",
                new Object[] {acknowledged.reference(), acknowledged.answerDue()});
    }

    /** Moves the complaint one tier up, with the reason. */
    @Transactional
    public void escalate(long id, Long staffUserId, String role, String reason) {
        escalate(load(id), staffUserId, role, reason);
    }

    private void escalate(Complaint complaint, Long staffUserId, String role, String reason) {
        ComplaintTier tier = complaint.escalate(clock.instant());
        repository.save(complaint);
        step(complaint.id(), staffUserId, role, ComplaintStep.ESCALATED_TO + tier, reason);
        audit.record(AuditEntry.of("COMPLAINT_ESCALATED", staffUserId, role, complaint.customerUserId(),
                complaint.reference() + " -> " + tier + ": " + reason, null));
    }

    /** The one extension the rules allow, with notice to the customer. */
    @Transactional
    public void extend(long id, long staffUserId, String role, String reason, String email) {
        Complaint complaint = load(id);
        Instant newDue = complaint.extend(due -> businessHours.endOfBusinessDays(due, extensionDays), clock.instant());
        ComplaintView extended = repository.save(complaint).view();
        step(id, staffUserId, role, "EXTENDED", reason);
        notifyCustomer(extended, email, "complaint.mail.extended", new Object[] {extended.reference(), newDue, reason});
    }

    /** The written answer; the customer then accepts it or says they are not satisfied. */
    @Transactional
    public void answer(long id, long staffUserId, String role, String resolution, String email) {
        Complaint complaint = load(id);
        String answer = complaint.answer(resolution, clock.instant());
        ComplaintView answered = repository.save(complaint).view();
        step(id, staffUserId, role, "ANSWERED", answer);
        notifyCustomer(answered, email, "complaint.mail.answered", new Object[] {answered.reference(), answer});
    }

    /** The customer accepts the answer, or is not satisfied (which opens the way to the regulator). */
    @Transactional
    public void respond(long customerUserId, String reference, boolean accepted, String comment) {
        Complaint complaint = repository.findByReferenceAndCustomerUserId(reference, customerUserId)
                .orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        ComplaintStatus status = complaint.respond(accepted, clock.instant());
        repository.save(complaint);
        step(complaint.id(), customerUserId, "CUSTOMER", status.name(), comment);
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
        for (ComplaintView open : open()) {
            boolean late = open.answerDue().isBefore(now);
            boolean near = businessHours.endOfBusinessDays(now, 2).isAfter(open.answerDue());
            if (late && !open.tier().top()) {
                Complaint complaint = load(open.id());
                while (!complaint.view().tier().top()) {
                    escalate(complaint, null, "SYSTEM", ComplaintStep.AUTOMATIC_NOTE + "deadline-passed");
                }
                escalated++;
            } else if (near && open.tier() == ComplaintTier.AGENT) {
                escalate(load(open.id()), null, "SYSTEM", ComplaintStep.AUTOMATIC_NOTE + "deadline-near");
                escalated++;
            }
        }
        return escalated;
    }

    private Complaint load(long id) {
        return repository.findById(id).orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
    }

    private void step(long complaintId, Long actor, String role, String action, String note) {
        jdbc.sql("""
                INSERT INTO complaint_steps (complaint_id, occurred_at, actor_user_id, actor_role, action, note)
                VALUES (:c, :at, :actor, :role, :action, :note)""")
                .param("c", complaintId).param("at", Timestamp.from(clock.instant()))
                .param("actor", actor, Types.BIGINT).param("role", role).param("action", action)
                .param("note", note == null ? null : note.substring(0, Math.min(note.length(), 2000))).update();
    }

    private void notifyCustomer(ComplaintView complaint, String email, String key, Object[] args) {
        if (email == null || email.isBlank()) {
            return;
        }
        Locale locale = SupportedLanguage.fromTag(complaint.language()).orElse(SupportedLanguage.EN).locale();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof Instant at) {
                args[i] = UserTime.format(at, locale, UserTime.DEFAULT_ZONE);
            }
        }
        outbox.queue(new OutboundMessage(OutboundMessage.Channel.EMAIL, email,
                "[" + complaint.reference() + "] " + messages.getMessage("complaint.mail.subject", null, locale),
                messages.getMessage(key, args, locale), "COMPLAINT"));
    }
}
