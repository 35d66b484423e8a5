package io.walletdesk.disputes;

import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.time.Instant;
import java.util.function.UnaryOperator;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A formal complaint. Guards its own state: the status, the tier, the deadlines and the answer only change
 * through these methods, each checking that the move is allowed, and the moves other modules count register
 * events (published when the complaint is saved).
 */
@Table("complaints")
class Complaint extends AbstractAggregateRoot<Complaint> {

    @Id
    private Long id;
    private String reference;
    private long customerUserId;
    private Long conversationId;
    private String category;
    private String description;
    private String language;
    private ComplaintStatus status;
    private ComplaintTier tier;
    private Instant acknowledgeDue;
    private Instant answerDue;
    private Instant acknowledgedAt;
    private boolean extended;
    private String resolution;
    private Instant createdAt;
    private Instant updatedAt;

    @PersistenceCreator
    Complaint() {
    }

    /** A new complaint; it gets its reference once saved, from its id ({@link #assignReference}). */
    static Complaint file(long customerUserId, Long conversationId, String category, String description,
            String language, Instant acknowledgeDue, Instant answerDue, String provisionalReference, Instant now) {
        Complaint complaint = new Complaint();
        complaint.reference = provisionalReference;
        complaint.customerUserId = customerUserId;
        complaint.conversationId = conversationId;
        complaint.category = category;
        complaint.description = description;
        complaint.language = language;
        complaint.status = ComplaintStatus.RECEIVED;
        complaint.tier = ComplaintTier.AGENT;
        complaint.acknowledgeDue = acknowledgeDue;
        complaint.answerDue = answerDue;
        complaint.createdAt = now;
        complaint.updatedAt = now;
        return complaint;
    }

    void assignReference(int year) {
        reference = "CMP-" + year + "-" + String.format("%06d", id);
        registerEvent(new ComplaintFiled(id, reference));
    }

    /** @return false when it was acknowledged already (answering acknowledges too) */
    boolean acknowledge(Instant now) {
        ensureOpen();
        if (acknowledgedAt != null) {
            return false;
        }
        status = ComplaintStatus.ACKNOWLEDGED;
        acknowledgedAt = now;
        updatedAt = now;
        registerEvent(new ComplaintAcknowledged(id, now));
        return true;
    }

    /** One tier up; the complaints team is the last. */
    ComplaintTier escalate(Instant now) {
        ensureOpen();
        if (tier.top()) {
            throw new ProblemException("complaint-top-tier", FailureKind.CONFLICT);
        }
        tier = tier.next();
        updatedAt = now;
        return tier;
    }

    /** The one extension the rules allow; {@code later} gives the new answer deadline from the current one. */
    Instant extend(UnaryOperator<Instant> later, Instant now) {
        ensureOpen();
        if (extended) {
            throw new ProblemException("complaint-extended", FailureKind.CONFLICT);
        }
        extended = true;
        answerDue = later.apply(answerDue);
        updatedAt = now;
        registerEvent(new ComplaintExtended(id, answerDue));
        return answerDue;
    }

    /** The written answer (again, if the customer was not satisfied); it acknowledges the complaint too. */
    String answer(String text, Instant now) {
        ensureOpen();
        if (text == null || text.strip().length() < 10) {
            throw ProblemException.forField("complaint-resolution", FailureKind.INVALID, "resolution");
        }
        status = ComplaintStatus.ANSWERED;
        resolution = text.strip();
        acknowledgedAt = acknowledgedAt == null ? now : acknowledgedAt;
        updatedAt = now;
        registerEvent(new ComplaintAnswered(id, now));
        return resolution;
    }

    /** The customer accepts the answer, or is not satisfied (which opens the way to the regulator). */
    ComplaintStatus respond(boolean accepted, Instant now) {
        if (status != ComplaintStatus.ANSWERED) {
            throw new ProblemException("complaint-not-answered", FailureKind.CONFLICT);
        }
        status = accepted ? ComplaintStatus.ACCEPTED : ComplaintStatus.NOT_SATISFIED;
        updatedAt = now;
        return status;
    }

    private void ensureOpen() {
        if (status == ComplaintStatus.ACCEPTED) {
            throw new ProblemException("complaint-closed", FailureKind.CONFLICT);
        }
    }

    Long id() {
        return id;
    }

    long customerUserId() {
        return customerUserId;
    }

    String reference() {
        return reference;
    }

    ComplaintView view() {
        return new ComplaintView(id, reference, customerUserId, conversationId, category, description, language,
                status, tier, acknowledgeDue, answerDue, acknowledgedAt, extended, resolution, createdAt);
    }
}
