package io.walletdesk.support.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.identity.Role;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.StartConversation;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.time.Duration;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The workspace's in-place changes: audited one by one, snooze wakes by itself, labels and search find it. */
@WalletDeskTest
class WorkspaceActionsTest {

    @Autowired
    Conversations conversations;
    @Autowired
    WorkspaceActions actions;
    @Autowired
    WorkspaceSearch search;
    @Autowired
    WorkspaceRows rows;
    @Autowired
    Snoozes snoozes;
    @Autowired
    Registration registration;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    private ConversationView ask(String text) {
        Participant.Visitor visitor = new Participant.Visitor("v-" + UUID.randomUUID(), "Wahyu");
        ConversationView c = conversations.openNew(new StartConversation(visitor, Channel.CHAT, null, "Wahyu",
                TestData.email(), null, "en"));
        conversations.post(new PostMessage(c.id(), visitor, UUID.randomUUID().toString(), text, Channel.CHAT, false,
                ClientInfo.system(), null));
        return c;
    }

    private SignedInUser agent() {
        long id = registration.createStaff(Role.AGENT, TestData.email(), "Nina Agen", "meja-kerja-uji-aksi-19", null,
                ClientInfo.system());
        return new SignedInUser(id, Role.AGENT, "Nina Agen", false, SupportedLanguage.EN, ZoneId.of("Asia/Jakarta"));
    }

    private java.util.List<String> audit(ConversationView c) {
        return jdbc.sql("SELECT action FROM audit_log WHERE details LIKE :ref ORDER BY id")
                .param("ref", c.reference() + " %").query(String.class).list();
    }

    @Test
    void onlyWhatChangesChangesAndEachChangeIsAudited() {
        SignedInUser me = agent();
        ConversationView c = ask("Where is my refund?");
        actions.apply(c.id(), me, new WorkspaceActions.Change("me", "", ConversationStatus.OPEN, c.priority(),
                "refund, Bank-BCA"), ClientInfo.system());
        assertThat(conversations.get(c.id(), new Participant.Staff(me.userId(), "x")).assigneeUserId()).isEqualTo(me.userId());
        assertThat(rows.labels(c.id())).containsExactly("bank-bca", "refund");
        // The same form again changes nothing and writes nothing.
        actions.apply(c.id(), me, new WorkspaceActions.Change("me", "", ConversationStatus.OPEN, c.priority(),
                "refund, bank-bca"), ClientInfo.system());
        assertThat(audit(c)).containsExactly("CONVERSATION_ASSIGNED", "CONVERSATION_LABELS_CHANGED");
    }

    @Test
    void aSnoozedConversationComesBackOpenWhenItsTimeHasCome() {
        SignedInUser me = agent();
        ConversationView c = ask("Please call me tomorrow");
        actions.apply(c.id(), me, new WorkspaceActions.Change(null, null, null, null, null,
                clock.instant().plus(Duration.ofHours(2))), ClientInfo.system());
        Participant.Staff staff = new Participant.Staff(me.userId(), "x");
        assertThat(conversations.get(c.id(), staff).status()).isEqualTo(ConversationStatus.SNOOZED);
        assertThat(audit(c)).containsExactly("CONVERSATION_SNOOZED");

        snoozes.wakeDue();
        assertThat(conversations.get(c.id(), staff).status()).isEqualTo(ConversationStatus.SNOOZED);
        clock.advance(Duration.ofHours(3));
        assertThat(snoozes.wakeDue()).isGreaterThanOrEqualTo(1);
        assertThat(conversations.get(c.id(), staff).status()).isEqualTo(ConversationStatus.OPEN);
    }

    @Test
    void searchFindsByReferenceAndByWordsInTheMessages() {
        SignedInUser me = agent();
        ConversationView c = ask("The QR payment at Warung Sederhana was charged twice " + UUID.randomUUID());
        Participant.Staff staff = new Participant.Staff(me.userId(), "x");
        assertThat(search.search(c.reference().toLowerCase(), staff)).extracting(ConversationView::id).contains(c.id());
        assertThat(search.search("warung sederhana was charged", staff)).extracting(ConversationView::id).contains(c.id());
        assertThat(search.search("no conversation says this 9f1c", staff)).isEmpty();
    }
}
