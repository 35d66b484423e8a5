package io.walletdesk.chat.internal;

import io.walletdesk.support.ConversationChanged;
import io.walletdesk.support.MessagePosted;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Tells every node about a stored message once its transaction has committed. Best effort by design:
 * a client that misses a signal catches up from its last sequence number on the next signal or reconnect.
 */
@Component
class MessageFanout {

    private final ChatBus bus;

    MessageFanout(ChatBus bus) {
        this.bus = bus;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(MessagePosted posted) {
        bus.publish(new ChatSignal(posted.conversationId(), ChatSignal.Kind.MESSAGE, posted.seq(), null, false));
    }

    /** Staff changed a conversation: open workspaces refresh its row. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ConversationChanged changed) {
        bus.publish(new ChatSignal(changed.conversationId(), ChatSignal.Kind.CHANGED, 0, null, true));
    }
}
