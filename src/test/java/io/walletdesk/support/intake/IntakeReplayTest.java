package io.walletdesk.support.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.walletdesk.support.Channel;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Intake;
import io.walletdesk.support.LeaveMessage;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.db.DatabaseOutage;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * The journal's replay without a database: which failures mean "the database is away" (stop, keep order),
 * which mean "this entry is poison" (skip it, set it aside after a few tries, go on with the rest).
 */
class IntakeReplayTest {

    @TempDir
    Path dir;
    Conversations conversations;
    IntakeJournal journal;
    AuditTrail audit;
    SimpleMeterRegistry meters;
    JournalingIntake intake;
    /** Client message ids that reached the conversations, in order. */
    List<String> stored;
    Set<String> poison;
    Set<String> unreachable;

    @BeforeEach
    void setUp() {
        conversations = mock(Conversations.class);
        journal = new IntakeJournal(dir.toString());
        audit = mock(AuditTrail.class);
        meters = new SimpleMeterRegistry();
        intake = new JournalingIntake(conversations, journal, Clock.systemUTC(), new DatabaseOutage(), audit, meters, 3);
        stored = new ArrayList<>();
        poison = ConcurrentHashMap.newKeySet();
        unreachable = ConcurrentHashMap.newKeySet();
        when(conversations.post(any())).thenAnswer(call -> {
            PostMessage m = call.getArgument(0);
            if (unreachable.contains(m.clientMessageId())) {
                throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available"));
            }
            if (poison.contains(m.clientMessageId())) {
                throw new BadSqlGrammarException("insert", "INSERT ...",
                        new SQLException("ERROR: could not determine data type of parameter $3", "42P18"));
            }
            stored.add(m.clientMessageId());
            return null;
        });
    }

    private static JournalEntry entry(int i, String body) {
        return new JournalEntry("J-" + i, JournalEntry.Kind.MESSAGE, 7L, JournalEntry.ParticipantKind.VISITOR, null, "v-1", "Rani", "m-" + i, body, "CHAT",
                null, null, "en", "203.0.113.9", "", null, null, Instant.parse("2026-12-01T10:00:00Z"));
    }

    @Test
    void aPoisonEntryInTheMiddleIsSetAsideAfterThreeTriesAndEveryOtherArrivesExactlyOnce() {
        for (int i = 1; i <= 20; i++) {
            journal.append(entry(i, "Message " + i));
        }
        poison.add("m-10");

        assertThat(intake.replay()).as("all but the poison, in the first round").isEqualTo(19);
        assertThat(intake.replay()).isZero();
        assertThat(journal.pending()).extracting(JournalEntry::id).containsExactly("J-10");
        assertThat(intake.deadLetters()).isEmpty();
        assertThat(intake.replay()).isZero();

        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            if (i != 10) {
                expected.add("m-" + i);
            }
        }
        assertThat(stored).containsExactlyElementsOf(expected);
        assertThat(journal.pending()).isEmpty();
        assertThat(intake.deadLetters()).singleElement().satisfies(dead -> {
            assertThat(dead.entry().id()).isEqualTo("J-10");
            assertThat(dead.entry().body()).isEqualTo("Message 10");
            assertThat(dead.reason()).contains("could not determine data type");
        });
        assertThat(Files.exists(dir.resolve("dead-letter.log"))).isTrue();
        verify(audit).record(argThat(e -> e.action().equals("INTAKE_DEAD_LETTERED") && e.details().contains("J-10")));
        assertThat(meters.get("walletdesk.intake.dead.lettered").counter().count()).isEqualTo(1.0);
        assertThat(intake.replay()).as("nothing is replayed twice").isZero();
        assertThat(stored).hasSize(19);
    }

    @Test
    void anUnreachableDatabaseStopsReplayInOrderAndNeverSetsAnEntryAside() {
        for (int i = 1; i <= 5; i++) {
            journal.append(entry(i, "Message " + i));
        }
        unreachable.add("m-2");
        for (int round = 0; round < 6; round++) {
            intake.replay();
        }
        assertThat(stored).containsExactly("m-1");
        assertThat(journal.pending()).extracting(JournalEntry::id).containsExactly("J-2", "J-3", "J-4", "J-5");
        assertThat(intake.deadLetters()).isEmpty();

        unreachable.clear();
        assertThat(intake.replay()).isEqualTo(4);
        assertThat(stored).containsExactly("m-1", "m-2", "m-3", "m-4", "m-5");
        verify(audit, never()).record(any());
    }

    @Test
    void anEntryTheDeskRejectsIsSetAsideAtOnce() {
        journal.append(entry(1, "First"));
        journal.append(entry(2, "Second"));
        org.mockito.Mockito.doThrow(ProblemException.forField("validation", io.walletdesk.shared.failure.FailureKind.INVALID,
                "clientMessageId")).when(conversations).post(argThat(m -> m != null && "m-1".equals(m.clientMessageId())));
        assertThat(intake.replay()).isEqualTo(1);
        assertThat(intake.deadLetters()).extracting(d -> d.entry().id()).containsExactly("J-1");
        assertThat(journal.pending()).isEmpty();
    }

    @Test
    void onlyAnUnreachableDatabaseIsJournaled() {
        Participant.Visitor visitor = new Participant.Visitor("v-1", "Rani");
        unreachable.add("away");
        assertThat(intake.post(new PostMessage(7L, visitor, "away", "Hello", Channel.CHAT, false, null, null)))
                .isInstanceOf(Intake.Outcome.Journaled.class);

        // Another conversation: conversation 7's later messages would wait behind "away" (see below).
        poison.add("bug");
        assertThatThrownBy(() -> intake.post(new PostMessage(8L, visitor, "bug", "Hello", Channel.CHAT, false, null, null)))
                .as("our bug is a failure, not a kept message").isInstanceOf(BadSqlGrammarException.class);

        org.mockito.Mockito.doThrow(new DataIntegrityViolationException("value too long"))
                .when(conversations).post(argThat(m -> m != null && "constraint".equals(m.clientMessageId())));
        assertThatThrownBy(() -> intake.post(new PostMessage(8L, visitor, "constraint", "Hello", Channel.CHAT, false, null, null)))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.kind()).isEqualTo(io.walletdesk.shared.failure.FailureKind.INVALID);
                    assertThat(p.code()).isEqualTo("message-refused");
                });
        assertThat(journal.pending()).extracting(JournalEntry::clientMessageId).containsExactly("away");
    }

    @Test
    void aLaterMessageWaitsBehindAJournaledOneOfItsConversation() {
        Participant.Visitor visitor = new Participant.Visitor("v-1", "Rani");
        unreachable.add("first"); // a pool timeout for this one only: the database is back for the next
        assertThat(intake.post(new PostMessage(7L, visitor, "first", "Saldo saya", Channel.CHAT, false, null, null)))
                .isInstanceOf(Intake.Outcome.Journaled.class);
        unreachable.clear();
        assertThat(intake.post(new PostMessage(7L, visitor, "second", "belum masuk", Channel.CHAT, false, null, null)))
                .as("not stored before the first").isInstanceOf(Intake.Outcome.Journaled.class);
        assertThat(intake.post(new PostMessage(8L, visitor, "elsewhere", "Halo", Channel.CHAT, false, null, null)))
                .as("another conversation is not held up").isInstanceOf(Intake.Outcome.Stored.class);

        assertThat(intake.replay()).isEqualTo(2);
        assertThat(stored).containsExactly("elsewhere", "first", "second");
        assertThat(intake.post(new PostMessage(7L, visitor, "third", "sudah?", Channel.CHAT, false, null, null)))
                .as("nothing waiting any more").isInstanceOf(Intake.Outcome.Stored.class);
        assertThat(stored).containsExactly("elsewhere", "first", "second", "third");
    }

    @Test
    void nulIsRejectedNamingTheField() {
        Participant.Visitor visitor = new Participant.Visitor("v-1", "Rani");
        assertThatThrownBy(() -> intake.post(new PostMessage(7L, visitor, "x", "Hel\u0000lo", Channel.CHAT, false, null, null)))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.code()).isEqualTo("text-nul");
                    assertThat(p.field()).isEqualTo("body");
                });
        assertThatThrownBy(() -> intake.leaveMessage(new LeaveMessage(null, "Ra\u0000ni", "rani@example.org", null, "en",
                "Hello", null))).isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.field()).isEqualTo("name"));
        verify(conversations, times(0)).post(any());
        assertThat(journal.pending()).isEmpty();
    }
}
