package io.walletdesk.support;

import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.web.DeviceSummary;
import io.walletdesk.shared.web.ProblemException;
import io.walletdesk.support.intake.IntakeJournal;
import io.walletdesk.support.intake.JournalEntry;
import java.time.Clock;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;

/**
 * The front door for customers' words. When the database is away, a message is written to this node's
 * durable journal instead of being lost, the customer is told it is safe, and it is replayed once and in
 * order when the database is back; duplicates fall away through the client message id.
 */
@Service
public class Intake {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);

    private final Conversations conversations;
    private final IntakeJournal journal;
    private final Clock clock;

    Intake(Conversations conversations, IntakeJournal journal, Clock clock) {
        this.conversations = conversations;
        this.journal = journal;
        this.clock = clock;
    }

    /** What happened to a customer's message. */
    public sealed interface Outcome {
        /** Stored in the conversation. */
        record Stored(Posted posted) implements Outcome {
        }

        /** Kept in the journal; {@code receipt} is what the customer can quote. */
        record Journaled(String receipt, String clientMessageId) implements Outcome {
        }
    }

    /** What happened to a left message. */
    public sealed interface LeftOutcome {
        /** Stored; the conversation has a reference. */
        record Stored(ConversationView conversation) implements LeftOutcome {
        }

        /** Kept in the journal until the database is back. */
        record Journaled(String receipt) implements LeftOutcome {
        }
    }

    public Outcome post(PostMessage command) {
        validateBody(command.body());
        PostMessage idempotent = command.clientMessageId() == null || command.clientMessageId().isBlank()
                ? new PostMessage(command.conversationId(), command.by(), "j-" + UUID.randomUUID(), command.body(),
                        command.channel(), command.internalNote(), command.client(), command.clientTime())
                : command;
        try {
            return new Outcome.Stored(conversations.post(idempotent));
        } catch (DataAccessException | TransactionException databaseAway) {
            if (idempotent.by().isStaff()) {
                throw databaseAway;
            }
            String id = receipt();
            journal.append(entry(id, "MESSAGE", idempotent.conversationId(), idempotent.by(), idempotent.clientMessageId(),
                    idempotent.body(), idempotent.channel(), null, null, null, idempotent.client(), idempotent.clientTime()));
            log.warn("Database unavailable: message {} kept in the intake journal as {}", idempotent.clientMessageId(), id);
            return new Outcome.Journaled(id, idempotent.clientMessageId());
        }
    }

    public LeftOutcome leaveMessage(LeaveMessage command) {
        validateBody(command.body());
        boolean noContact = (command.email() == null || command.email().isBlank())
                && (command.phone() == null || command.phone().isBlank());
        if (!(command.by() instanceof Participant.Customer) && noContact) {
            throw ProblemException.forField("contact-needed", org.springframework.http.HttpStatus.BAD_REQUEST, "email");
        }
        Participant by = command.by() != null ? command.by()
                : new Participant.Visitor("v-" + UUID.randomUUID(), command.name() == null ? "-" : command.name().strip());
        String clientId = command.clientMessageId() != null ? command.clientMessageId() : "j-" + UUID.randomUUID();
        LeaveMessage fixed = new LeaveMessage(by, command.name(), command.email(), command.phone(), command.language(),
                command.body(), command.client(), clientId);
        try {
            return new LeftOutcome.Stored(conversations.leaveMessage(fixed));
        } catch (DataAccessException | TransactionException databaseAway) {
            String id = receipt();
            journal.append(entry(id, "LEFT_MESSAGE", null, by, clientId, command.body(), Channel.WEB_FORM, command.email(),
                    command.phone(), command.language(), command.client(), null));
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

    /** Applies pending entries in order; stops at the first database failure. Returns how many were applied. */
    public int replay() {
        int applied = 0;
        for (JournalEntry entry : journal.pending()) {
            try {
                apply(entry);
            } catch (DataAccessException | TransactionException stillAway) {
                return applied;
            } catch (ProblemException rejected) {
                salvage(entry, rejected);
            }
            journal.markDone(entry.id());
            applied++;
        }
        journal.compactIfIdle();
        return applied;
    }

    private void apply(JournalEntry entry) {
        Participant by = participant(entry);
        ClientInfo client = new ClientInfo(entry.ip(), entry.userAgent() == null ? "" : entry.userAgent(),
                DeviceSummary.parse(entry.userAgent()), entry.appVersion(), null);
        if ("LEFT_MESSAGE".equals(entry.kind())) {
            conversations.leaveMessage(new LeaveMessage(by, entry.name(), entry.email(), entry.phone(), entry.language(),
                    entry.body(), client, entry.clientMessageId()));
        } else {
            conversations.post(new PostMessage(entry.conversationId(), by, entry.clientMessageId(), entry.body(),
                    Channel.valueOf(entry.channel()), false, client, entry.clientTime()));
        }
    }

    /** A message for a conversation that closed meanwhile still reaches a person, as a left message. */
    private void salvage(JournalEntry entry, ProblemException rejected) {
        try {
            conversations.leaveMessage(new LeaveMessage(participant(entry), entry.name(), entry.email(), entry.phone(),
                    entry.language(), entry.body(), null, entry.clientMessageId() + ":salvaged"));
        } catch (ProblemException unrecoverable) {
            log.error("Journal entry {} could not be stored ({}, then {}); see the journal file", entry.id(),
                    rejected.code(), unrecoverable.code());
        }
    }

    private static void validateBody(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.forField("message-empty", org.springframework.http.HttpStatus.BAD_REQUEST, "body");
        }
        if (body.strip().length() > 10_000) {
            throw ProblemException.forField("message-too-long", org.springframework.http.HttpStatus.BAD_REQUEST, "body", 10_000);
        }
    }

    private static Participant participant(JournalEntry entry) {
        return "CUSTOMER".equals(entry.participantKind()) ? new Participant.Customer(entry.userId(), entry.name())
                : new Participant.Visitor(entry.visitorId(), entry.name());
    }

    private JournalEntry entry(String id, String kind, Long conversationId, Participant by, String clientMessageId,
            String body, Channel channel, String email, String phone, String language, ClientInfo client,
            java.time.Instant clientTime) {
        Long userId = by instanceof Participant.Customer c ? Long.valueOf(c.userId()) : null;
        String visitorId = by instanceof Participant.Visitor v ? v.visitorId() : null;
        return new JournalEntry(id, kind, conversationId, userId != null ? "CUSTOMER" : "VISITOR", userId, visitorId,
                by.name(), clientMessageId, body, channel.name(), email, phone, language,
                client == null ? null : client.ip(), client == null ? null : client.userAgent(),
                client == null ? null : client.appVersion(), clientTime, clock.instant());
    }

    private static String receipt() {
        return "J-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }
}
