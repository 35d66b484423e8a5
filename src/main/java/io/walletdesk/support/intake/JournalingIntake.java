package io.walletdesk.support.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.db.DatabaseOutage;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.web.DeviceSummary;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.Channel;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Intake;
import io.walletdesk.support.LeaveMessage;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;

/**
 * {@link Intake} with a journal on this node's disk. When the database cannot be reached, a message is written to this
 * node's durable journal instead of being lost, the customer is told it is safe, and it is replayed once and
 * in order when the database is back; duplicates fall away through the client message id. A message the
 * database refuses (a constraint, a bad statement) is not an outage: the customer hears so at once, because
 * journaling it would only postpone the same refusal. An entry that keeps failing on replay is set aside
 * (dead-lettered, with an audit entry and a metric for staff) so that it cannot hold up the others. While a
 * conversation has a message waiting in this node's journal, its later messages join the journal behind it
 * instead of being stored first: a short pool timeout must not store a customer's messages out of order.
 */
@Service
class JournalingIntake implements Intake {

    private static final Logger log = LoggerFactory.getLogger(JournalingIntake.class);

    private final Conversations conversations;
    private final IntakeJournal journal;
    private final Clock clock;
    private final DatabaseOutage outage;
    private final AuditTrail audit;
    private final int maxAttempts;
    private final Counter deadLettered;
    /** Failed replay attempts per entry; in memory, so a restart gives an entry a few more tries. */
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    /** Conversations with messages waiting in this node's journal, and how many. */
    private final Map<Long, Integer> waiting = new ConcurrentHashMap<>();

    JournalingIntake(Conversations conversations, IntakeJournal journal, Clock clock, DatabaseOutage outage, AuditTrail audit,
            MeterRegistry meters, @Value("${walletdesk.intake.max-attempts:3}") int maxAttempts) {
        this.conversations = conversations;
        this.journal = journal;
        this.clock = clock;
        this.outage = outage;
        this.audit = audit;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.deadLettered = Counter.builder("walletdesk.intake.dead.lettered")
                .description("Journaled customer messages set aside because they could not be stored").register(meters);
        Gauge.builder("walletdesk.intake.journal.pending", pendingCount, AtomicInteger::get)
                .description("Customer messages waiting in this node's journal for the database").register(meters);
        journal.pending().forEach(this::nowWaiting);
    }

    @Override
    public Outcome post(PostMessage command) {
        PostMessage.validBody(command.body());
        PostMessage.rejectNul("clientMessageId", command.clientMessageId());
        PostMessage idempotent = command.clientMessageId() == null || command.clientMessageId().isBlank()
                ? new PostMessage(command.conversationId(), command.by(), "j-" + UUID.randomUUID(), command.body(),
                        command.channel(), command.internalNote(), command.client(), command.clientTime())
                : command;
        if (!idempotent.by().isStaff()) {
            Outcome.Journaled behind = journalBehindWaiting(idempotent);
            if (behind != null) {
                return behind;
            }
        }
        try {
            return new Outcome.Stored(conversations.post(idempotent));
        } catch (DataAccessException | TransactionException failure) {
            if (!outage.noteFailure(failure)) {
                throw refused(failure);
            }
            if (idempotent.by().isStaff()) {
                throw failure;
            }
            String id = receipt();
            JournalEntry entry = entry(id, JournalEntry.Kind.MESSAGE, idempotent.conversationId(), idempotent.by(),
                    idempotent.clientMessageId(), idempotent.body(), idempotent.channel(), null, null, null,
                    idempotent.client(), idempotent.clientTime());
            journal.append(entry);
            nowWaiting(entry);
            pendingCount.incrementAndGet();
            log.warn("Database unavailable: message {} kept in the intake journal as {}", idempotent.clientMessageId(), id);
            return new Outcome.Journaled(id, idempotent.clientMessageId());
        }
    }

    /** Journals the message if its conversation already has one waiting here (atomically with the count). */
    private Outcome.Journaled journalBehindWaiting(PostMessage message) {
        String[] id = new String[1];
        waiting.computeIfPresent(message.conversationId(), (conversation, count) -> {
            id[0] = receipt();
            journal.append(entry(id[0], JournalEntry.Kind.MESSAGE, conversation, message.by(), message.clientMessageId(),
                    message.body(), message.channel(), null, null, null, message.client(), message.clientTime()));
            pendingCount.incrementAndGet();
            return count + 1;
        });
        if (id[0] == null) {
            return null;
        }
        log.info("Message {} kept in the intake journal as {} behind a waiting one of the same conversation",
                message.clientMessageId(), id[0]);
        return new Outcome.Journaled(id[0], message.clientMessageId());
    }

    private void nowWaiting(JournalEntry entry) {
        if (entry.kind() == JournalEntry.Kind.MESSAGE && entry.conversationId() != null) {
            waiting.merge(entry.conversationId(), 1, Integer::sum);
        }
    }

    private void noLongerWaiting(JournalEntry entry) {
        if (entry.kind() == JournalEntry.Kind.MESSAGE && entry.conversationId() != null) {
            waiting.computeIfPresent(entry.conversationId(), (conversation, count) -> count > 1 ? count - 1 : null);
        }
    }

    @Override
    public LeftOutcome leaveMessage(LeaveMessage command) {
        PostMessage.validBody(command.body());
        PostMessage.rejectNul("name", command.name());
        PostMessage.rejectNul("email", command.email());
        PostMessage.rejectNul("phone", command.phone());
        PostMessage.rejectNul("language", command.language());
        PostMessage.rejectNul("clientMessageId", command.clientMessageId());
        boolean noContact = (command.email() == null || command.email().isBlank())
                && (command.phone() == null || command.phone().isBlank());
        if (!(command.by() instanceof Participant.Customer) && noContact) {
            throw ProblemException.forField("contact-needed", FailureKind.INVALID, "email");
        }
        Participant by = command.by() != null ? command.by()
                : new Participant.Visitor("v-" + UUID.randomUUID(), command.name() == null ? "-" : command.name().strip());
        String clientId = command.clientMessageId() != null ? command.clientMessageId() : "j-" + UUID.randomUUID();
        LeaveMessage fixed = new LeaveMessage(by, command.name(), command.email(), command.phone(), command.language(),
                command.body(), command.client(), clientId);
        try {
            return new LeftOutcome.Stored(conversations.leaveMessage(fixed));
        } catch (DataAccessException | TransactionException failure) {
            if (!outage.noteFailure(failure)) {
                throw refused(failure);
            }
            String id = receipt();
            journal.append(entry(id, JournalEntry.Kind.LEFT_MESSAGE, null, by, clientId, command.body(), Channel.WEB_FORM, command.email(),
                    command.phone(), command.language(), command.client(), null));
            pendingCount.incrementAndGet();
            log.warn("Database unavailable: left message kept in the intake journal as {}", id);
            return new LeftOutcome.Journaled(id);
        }
    }

    /**
     * Replays this node's journal. Deliberately runs on every node (no cluster lock): each node replays
     * only the journal on its own disk.
     */
    @Scheduled(fixedDelayString = "${walletdesk.intake.replay-interval:PT5S}", initialDelayString = "PT5S")
    public void scheduledReplay() {
        try {
            replay();
        } catch (RuntimeException stillAway) {
            log.debug("Intake replay postponed: {}", stillAway.getMessage());
        }
    }

    /**
     * Applies pending entries in order and stops at the first sign that the database is still unreachable,
     * so order is kept. An entry the database refuses is skipped this round (the others go on) and set aside
     * after {@code walletdesk.intake.max-attempts} rounds; one refused as invalid is set aside at once.
     * Returns how many entries were stored.
     */
    @Override
    public synchronized int replay() {
        int applied = 0;
        List<JournalEntry> pending = journal.pending();
        pendingCount.set(pending.size());
        for (JournalEntry entry : pending) {
            try {
                apply(entry);
            } catch (ProblemException rejected) {
                int salvaged = salvage(entry, rejected);
                if (salvaged < 0) {
                    return applied; // the database went away meanwhile: stop, keep the entry
                }
                applied += salvaged;
                continue;
            } catch (RuntimeException failure) {
                if (outage.noteFailure(failure)) {
                    return applied;
                }
                int tries = attempts.merge(entry.id(), 1, Integer::sum);
                log.warn("Journal entry {} failed on replay (attempt {} of {}): {}", entry.id(), tries, maxAttempts,
                        failure.toString());
                if (tries >= maxAttempts) {
                    deadLetter(entry, failure.getClass().getSimpleName() + ": "
                            + NestedExceptionUtils.getMostSpecificCause(failure).getMessage());
                }
                continue;
            }
            outage.noteSuccess();
            journal.markDone(entry.id());
            noLongerWaiting(entry);
            attempts.remove(entry.id());
            pendingCount.decrementAndGet();
            applied++;
        }
        journal.compactIfIdle();
        return applied;
    }

    /** Entries set aside on this node, oldest first: their text is kept in the dead-letter file. */
    List<IntakeJournal.DeadLetter> deadLetters() {
        return journal.deadLetters();
    }

    @Override
    public int deadLetterCount() {
        return deadLetters().size();
    }

    private void deadLetter(JournalEntry entry, String reason) {
        journal.deadLetter(entry, reason);
        noLongerWaiting(entry);
        attempts.remove(entry.id());
        pendingCount.decrementAndGet();
        deadLettered.increment();
        log.error("Journal entry {} ({} from {} {}) could not be stored and was set aside in the dead-letter file: {}",
                entry.id(), entry.kind(), entry.participantKind(), entry.userId() != null ? entry.userId() : entry.visitorId(),
                reason);
        try {
            audit.record(AuditEntry.of("INTAKE_DEAD_LETTERED", null, "SYSTEM", entry.userId(),
                    "Journal entry " + entry.id() + " (" + entry.kind() + ", client message " + entry.clientMessageId()
                            + ") set aside: " + reason, null));
        } catch (RuntimeException auditFailed) {
            log.error("Could not record the dead-lettered journal entry {} in the audit log", entry.id(), auditFailed);
        }
    }

    private void apply(JournalEntry entry) {
        Participant by = participant(entry);
        ClientInfo client = new ClientInfo(entry.ip(), entry.userAgent() == null ? "" : entry.userAgent(),
                DeviceSummary.parse(entry.userAgent()), entry.appVersion(), null);
        if (entry.kind() == JournalEntry.Kind.LEFT_MESSAGE) {
            conversations.leaveMessage(new LeaveMessage(by, entry.name(), entry.email(), entry.phone(), entry.language(),
                    entry.body(), client, entry.clientMessageId()));
        } else {
            conversations.post(new PostMessage(entry.conversationId(), by, entry.clientMessageId(), entry.body(),
                    Channel.valueOf(entry.channel()), false, client, entry.clientTime()));
        }
    }

    /**
     * A message for a conversation that closed meanwhile still reaches a person, as a left message; what
     * cannot be stored at all is set aside. Returns 1 when stored, 0 when set aside, -1 when the database
     * went away meanwhile.
     */
    private int salvage(JournalEntry entry, ProblemException rejected) {
        if (!"conversation-closed".equals(rejected.code()) && !"not-found".equals(rejected.code())) {
            deadLetter(entry, "rejected: " + rejected.code() + (rejected.field() == null ? "" : " (" + rejected.field() + ")"));
            return 0;
        }
        try {
            conversations.leaveMessage(new LeaveMessage(participant(entry), entry.name(), entry.email(), entry.phone(),
                    entry.language(), entry.body(), null, entry.clientMessageId() + ":salvaged"));
            outage.noteSuccess();
            journal.markDone(entry.id());
            noLongerWaiting(entry);
            attempts.remove(entry.id());
            pendingCount.decrementAndGet();
            return 1;
        } catch (ProblemException unrecoverable) {
            deadLetter(entry, "rejected: " + rejected.code() + ", then " + unrecoverable.code());
            return 0;
        } catch (RuntimeException failure) {
            if (outage.noteFailure(failure)) {
                return -1;
            }
            deadLetter(entry, "rejected: " + rejected.code() + ", then " + failure);
            return 0;
        }
    }

    /**
     * The database refused the statement although it is reachable. A broken constraint is the customer's input
     * (400); anything else is our bug (500) and is said as such: nothing claims the message was kept.
     */
    private static RuntimeException refused(RuntimeException failure) {
        if (failure instanceof DataIntegrityViolationException) {
            log.warn("Database refused a customer message: {}", failure.getMessage());
            return ProblemException.forField("message-refused", FailureKind.INVALID, "body");
        }
        return failure;
    }

    private static Participant participant(JournalEntry entry) {
        return entry.participantKind() == JournalEntry.ParticipantKind.CUSTOMER ? new Participant.Customer(entry.userId(), entry.name())
                : new Participant.Visitor(entry.visitorId(), entry.name());
    }

    private JournalEntry entry(String id, JournalEntry.Kind kind, Long conversationId, Participant by, String clientMessageId,
            String body, Channel channel, String email, String phone, String language, ClientInfo client,
            Instant clientTime) {
        Long userId = by instanceof Participant.Customer c ? Long.valueOf(c.userId()) : null;
        String visitorId = by instanceof Participant.Visitor v ? v.visitorId() : null;
        return new JournalEntry(id, kind, conversationId, userId != null ? JournalEntry.ParticipantKind.CUSTOMER : JournalEntry.ParticipantKind.VISITOR, userId, visitorId,
                by.name(), clientMessageId, body, channel.name(), email, phone, language,
                client == null ? null : client.ip(), client == null ? null : client.userAgent(),
                client == null ? null : client.appVersion(), clientTime, clock.instant());
    }

    private static String receipt() {
        return "J-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }
}
