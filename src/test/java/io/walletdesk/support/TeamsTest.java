package io.walletdesk.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walletdesk.identity.Role;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** An agent sees their teams' conversations, unrouted ones and their own; a supervisor sees all. */
@WalletDeskTest
class TeamsTest {

    @Autowired
    Conversations conversations;
    @Autowired
    Teams teams;
    @Autowired
    Registration registration;

    private Participant.Staff staff(Role role, String name) {
        long id = registration.createStaff(role, TestData.email(), name, "meja-bantuan-pagi-77", null, ClientInfo.system());
        return new Participant.Staff(id, name);
    }

    @Test
    void conversationsOfAnotherTeamAreInvisibleToAgents() {
        long wallet = teams.all().stream().filter(t -> t.name().equals("Wallet support")).findFirst().orElseThrow().id();
        long fraud = teams.all().stream().filter(t -> t.name().equals("Fraud and security")).findFirst().orElseThrow().id();
        Participant.Staff walletAgent = staff(Role.AGENT, "Wati Wallet");
        Participant.Staff fraudAgent = staff(Role.AGENT, "Fajar Fraud");
        Participant.Staff supervisor = staff(Role.SUPERVISOR, "Sinta Supervisor");
        teams.addMember(wallet, walletAgent.userId());
        teams.addMember(fraud, fraudAgent.userId());

        Participant.Visitor customer = new Participant.Visitor("v-" + UUID.randomUUID(), "Korban");
        ConversationView chat = conversations.openNew(new StartConversation(customer, Channel.CHAT, null, "Korban", null, null, "id"));
        conversations.post(new PostMessage(chat.id(), customer, null, "Akun saya dibobol", Channel.CHAT, false, null, null));
        assertThat(conversations.get(chat.id(), walletAgent).id()).as("unrouted: everyone sees it").isEqualTo(chat.id());

        conversations.assignTeam(chat.id(), supervisor, fraud);
        assertThatThrownBy(() -> conversations.get(chat.id(), walletAgent)).isInstanceOf(ProblemException.class);
        assertThat(conversations.inbox(walletAgent, null, null, null)).noneMatch(c -> c.id() == chat.id());
        assertThat(conversations.get(chat.id(), fraudAgent).teamId()).isEqualTo(fraud);
        assertThat(conversations.inbox(fraudAgent, null, null, null, true)).anyMatch(c -> c.id() == chat.id());
        assertThat(conversations.inbox(supervisor, null, null, null)).anyMatch(c -> c.id() == chat.id());
        // The rule for many conversations at once (a workspace's live inbox) agrees with get.
        ConversationView routed = conversations.get(chat.id(), supervisor);
        assertThat(conversations.visibilityFor(walletAgent).test(routed)).isFalse();
        assertThat(conversations.visibilityFor(fraudAgent).test(routed)).isTrue();
        assertThat(conversations.visibilityFor(supervisor).test(routed)).isTrue();
        assertThat(conversations.visibilityFor(customer).test(routed)).isTrue();
        assertThat(conversations.visibilityFor(new Participant.Visitor("v-" + UUID.randomUUID(), "Orang lain")).test(routed))
                .isFalse();

        conversations.assign(chat.id(), supervisor, walletAgent.userId());
        assertThat(conversations.get(chat.id(), walletAgent).id()).as("assigned to them: visible").isEqualTo(chat.id());
        assertThat(conversations.visibilityFor(walletAgent).test(conversations.get(chat.id(), supervisor))).isTrue();
    }

    @Test
    void anAgentOfAnotherTeamCanNeitherTakeNorChangeNorMergeAConversation() {
        long wallet = teams.all().stream().filter(t -> t.name().equals("Wallet support")).findFirst().orElseThrow().id();
        long fraud = teams.all().stream().filter(t -> t.name().equals("Fraud and security")).findFirst().orElseThrow().id();
        Participant.Staff walletAgent = staff(Role.AGENT, "Wira Wallet");
        Participant.Staff supervisor = staff(Role.SUPERVISOR, "Sari Supervisor");
        teams.addMember(wallet, walletAgent.userId());

        Participant.Visitor customer = new Participant.Visitor("v-" + UUID.randomUUID(), "Korban");
        ConversationView first = conversations.openNew(new StartConversation(customer, Channel.CHAT, null, "Korban", null, null, "id"));
        conversations.post(new PostMessage(first.id(), customer, null, "Akun saya dibobol", Channel.CHAT, false, null, null));
        ConversationView second = conversations.openNew(new StartConversation(customer, Channel.CHAT, null, "Korban", null, null, "id"));
        conversations.post(new PostMessage(second.id(), customer, null, "Tolong", Channel.CHAT, false, null, null));
        conversations.assignTeam(first.id(), supervisor, fraud);
        conversations.assignTeam(second.id(), supervisor, fraud);

        assertThatThrownBy(() -> conversations.assign(first.id(), walletAgent, walletAgent.userId()))
                .as("taking it would make it visible").isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> conversations.changeStatus(first.id(), walletAgent, ConversationStatus.PENDING))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> conversations.changePriority(first.id(), walletAgent, Priority.HIGH))
                .isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> conversations.merge(second.id(), first.id(), walletAgent))
                .isInstanceOf(ProblemException.class);

        ConversationView unchanged = conversations.get(first.id(), supervisor);
        assertThat(unchanged.assigneeUserId()).isNotEqualTo((Object) walletAgent.userId());
        assertThat(unchanged.status()).isNotEqualTo(ConversationStatus.PENDING);
        assertThat(unchanged.priority()).isNotEqualTo(Priority.HIGH);
    }
}
