package io.walletdesk.support.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.StartConversation;
import io.walletdesk.testing.WalletDeskTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Prepared answers come in the conversation's language with the customer, the agent and the reference filled in. */
@WalletDeskTest
class CannedResponsesTest {

    @Autowired
    Conversations conversations;
    @Autowired
    CannedResponses canned;

    @Test
    void aGreetingNamesTheCustomerTheAgentAndTheCase() {
        Participant.Visitor visitor = new Participant.Visitor("v-" + UUID.randomUUID(), "Andi");
        ConversationView chat = conversations.openNew(new StartConversation(visitor, Channel.CHAT, null, "Andi", null, null, "en"));

        var greeting = canned.forLanguage("id").stream().filter(c -> c.shortcut().equals("greet")).findFirst().orElseThrow();
        assertThat(canned.render(greeting.id(), chat, "Tono")).isEqualTo(
                "Halo Andi, saya Tono dari WalletDesk. Saya sedang memeriksa kasus Anda " + chat.reference() + ".");
    }
}
