package io.walletdesk.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.support.sla.ServiceLevels;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.WalletDeskTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Service-level clocks on real conversations: start, answer, pause while pending, breach and escalate. */
@WalletDeskTest
class ServiceLevelsTest {

    @Autowired
    Conversations conversations;
    @Autowired
    ServiceLevels serviceLevels;
    @Autowired
    AuditTrail audit;
    @Autowired
    MutableClock clock;

    private static final Participant.Staff AGENT = new Participant.Staff(880_001L, "Agent Sari");

    private ConversationView newChat() {
        return conversations.startOrContinue(new StartConversation(
                new Participant.Visitor("v-" + UUID.randomUUID(), "Joko"), Channel.CHAT, null, "Joko", null, null, "id"));
    }

    @Test
    void clocksStartPauseResumeAndEscalate() {
        ConversationView chat = newChat();
        var clocks = serviceLevels.clocks(chat.id()).orElseThrow();
        Instant firstDue = clocks.firstResponseDue();
        assertThat(firstDue).isAfter(chat.createdAt());
        assertThat(conversations.expectedReply(chat.id(), AGENT)).contains(firstDue);

        conversations.post(new PostMessage(chat.id(), AGENT, null, "Halo, ada yang bisa dibantu?", Channel.CHAT, false,
                null, null));
        assertThat(serviceLevels.clocks(chat.id()).orElseThrow().firstRespondedAt()).isNotNull();

        conversations.changeStatus(chat.id(), AGENT, ConversationStatus.PENDING);
        assertThat(conversations.expectedReply(chat.id(), AGENT)).as("paused while waiting for the customer").isEmpty();
        Instant resolutionBefore = serviceLevels.clocks(chat.id()).orElseThrow().resolutionDue();
        clock.advance(Duration.ofDays(3));
        conversations.post(new PostMessage(chat.id(), new Participant.Visitor(chat.visitorId(), "Joko"), null,
                "Masih belum masuk", Channel.CHAT, false, null, null));
        var resumed = serviceLevels.clocks(chat.id()).orElseThrow();
        assertThat(conversations.get(chat.id(), AGENT).status()).isEqualTo(ConversationStatus.OPEN);
        assertThat(resumed.pausedSince()).isNull();
        assertThat(resumed.resolutionDue()).as("the pause moved the resolution target").isAfter(resolutionBefore);
        assertThat(resumed.nextResponseDue()).isNotNull();

        // Nobody answers for a week: the next-response target is missed and the chat escalates to HIGH.
        assertThat(serviceLevels.checkAt(clock.instant().plus(Duration.ofDays(7)))).isGreaterThanOrEqualTo(1);
        assertThat(conversations.get(chat.id(), AGENT).priority()).isEqualTo(Priority.HIGH);
        assertThat(serviceLevels.atRisk()).contains(chat.id());
        assertThat(audit.recent(null, 50)).anySatisfy(e -> assertThat(e.details()).contains("conversation " + chat.id()));
    }

    @Test
    void holidaysCanBeImportedFromICalendar() {
        String ical = """
                BEGIN:VCALENDAR
                VERSION:2.0
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20271225
                SUMMARY:Christmas Day
                END:VEVENT
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20270817
                SUMMARY:Hari Kemerdekaan
                END:VEVENT
                END:VCALENDAR
                """;
        assertThat(serviceLevels.importHolidays(1, ical)).isEqualTo(2);
        assertThat(serviceLevels.importHolidays(1, ical)).as("importing again updates, no duplicates").isEqualTo(2);
    }
}
