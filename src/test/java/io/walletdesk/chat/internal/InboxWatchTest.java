package io.walletdesk.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.support.Channel;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.StartConversation;
import io.walletdesk.testing.WalletDeskTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 13: a workspace's inbox is told each message once and in sequence, whatever order the nodes' signals
 * arrive in (a late signal from another node, a resend announced again, one that skips sequences), and only of
 * conversations its staff member may see.
 */
@WalletDeskTest
class InboxWatchTest {

    @Autowired
    Conversations conversations;

    private final List<ServerFrame.Inbox> told = new ArrayList<>();

    private long conversationWithMessages(Participant.Visitor visitor, int count) {
        long id = conversations.startOrContinue(new StartConversation(visitor, Channel.CHAT, null, visitor.name(), null,
                null, "en")).id();
        for (int i = 1; i <= count; i++) {
            conversations.post(new PostMessage(id, visitor, "m-" + i, "message " + i, Channel.CHAT, false, null, null));
        }
        return id;
    }

    private static Participant.Visitor visitor() {
        return new Participant.Visitor("v-" + UUID.randomUUID(), "Sari");
    }

    private InboxWatch watchedBy(Participant watcher) {
        return new InboxWatch(watcher, conversations, new ConversationSnapshots(conversations), Runnable::run, frame -> told.add((ServerFrame.Inbox) frame));
    }

    private List<Long> toldSequences(long conversationId) {
        return told.stream().filter(f -> f.conversationId() == conversationId && f.kind().equals("message"))
                .map(ServerFrame.Inbox::seq).toList();
    }

    private static ChatSignal message(long conversationId, long seq) {
        return new ChatSignal(conversationId, ChatSignal.Kind.MESSAGE, seq, null, false);
    }

    @Test
    void eachMessageIsToldOnceAndInSequenceWhateverOrderSignalsArriveIn() {
        long id = conversationWithMessages(visitor(), 5);
        InboxWatch inbox = watchedBy(new Participant.Staff(9001, "Agent"));

        inbox.accept(message(id, 1));
        inbox.accept(message(id, 3)); // from the other node, before 2's signal
        inbox.accept(message(id, 2)); // late: told already
        inbox.accept(message(id, 3)); // a resend announced again
        inbox.accept(message(id, 5));
        inbox.accept(new ChatSignal(id, ChatSignal.Kind.TYPING, 0, "Sari", false)); // not the inbox's business

        assertThat(toldSequences(id)).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aConversationTheWatcherMayNotSeeIsNeverMentioned() {
        long id = conversationWithMessages(visitor(), 2);
        InboxWatch inbox = watchedBy(visitor()); // someone else entirely

        inbox.accept(message(id, 1));
        inbox.accept(message(id, 2));
        inbox.accept(new ChatSignal(id, ChatSignal.Kind.CHANGED, 0, null, true));

        assertThat(told).isEmpty();
    }

    @Test
    void aChangeIsToldAndDoesNotRepeatMessages() {
        long id = conversationWithMessages(visitor(), 2);
        InboxWatch inbox = watchedBy(new Participant.Staff(9002, "Agent"));

        inbox.accept(message(id, 1));
        inbox.accept(new ChatSignal(id, ChatSignal.Kind.CHANGED, 0, null, true));
        inbox.accept(message(id, 2));
        inbox.accept(message(id, 1));

        assertThat(told).extracting(ServerFrame.Inbox::kind).containsExactly("message", "changed", "message");
        assertThat(toldSequences(id)).containsExactly(1L, 2L);
    }
}
