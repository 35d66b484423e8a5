package io.walletdesk.chat.internal;

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
}
