package io.walletdesk.support.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.outbox.OutboundMessages;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.StartConversation;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@WalletDeskTest
class UnreadAnswerMailsTest {

    @Autowired
    UnreadAnswerMails mails;
    @Autowired
    Conversations conversations;
    @Autowired
    Registration registration;
    @Autowired
    OutboundMessages outbox;
    @Autowired
    MutableClock clock;

    @Test
    void anAnswerTheCustomerHasNotReadGoesToTheirEmailOnce() {
        String email = TestData.email();
        long userId = registration.register(new Registration.RegisterCustomer(TestData.phone(), email, "Yudi Hartono", "id",
                TestData.PASSWORD), ClientInfo.system());
        Participant.Customer customer = new Participant.Customer(userId, "Yudi Hartono");
        ConversationView chat = conversations.startOrContinue(new StartConversation(customer, Channel.CHAT, null,
                "Yudi Hartono", null, null, "id"));
        conversations.post(new PostMessage(chat.id(), customer, null, "Saldo saya hilang", Channel.CHAT, false, null, null));
        conversations.post(new PostMessage(chat.id(), new Participant.Staff(550_001L, "Agen Lina"), null,
                "Sudah kami kembalikan", Channel.CHAT, false, null, null));

        mails.sendDue();
        assertThat(outbox.to(email)).as("not before the grace period").isEmpty();
        clock.advance(Duration.ofMinutes(6));
        mails.sendDue();
        assertThat(outbox.to(email)).hasSize(1);
        assertThat(outbox.to(email).get(0).subject()).contains(chat.reference()).contains("WalletDesk");
        assertThat(outbox.to(email).get(0).body()).contains("/support/conversations/" + chat.id());
        mails.sendDue();
        assertThat(outbox.to(email)).as("only once").hasSize(1);
    }
}
