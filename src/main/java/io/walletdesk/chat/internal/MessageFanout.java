package io.walletdesk.chat.internal;

import io.walletdesk.support.ConversationChanged;
import io.walletdesk.support.MessagePosted;
import io.walletdesk.support.PostedMessage;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells every node about a stored message once its transaction has committed. Best effort by design:
 * a client that misses a signal catches up from its last sequence number on the next signal or reconnect.
 * <p>
 * Plain listeners that register an after-commit action, not {@code @TransactionalEventListener}: Spring Modulith
 * records every transactional listener's event in its publication registry and marks it processing and completed
 * in two new transactions on the committing thread, while that thread still holds its connection. Under load
 * that took a second pooled connection per message, exhausted the pool (the chat benchmark, issue 13) and cost
 * three writes per message for a signal that is best effort anyway.
 */
@Component
class MessageFanout {

    /** A resend this soon after the message was stored may be answering a node that died before announcing it. */
    static final Duration ANNOUNCE_RESENDS_WITHIN = Duration.ofMinutes(2);

    private final ChatBus bus;
    private final Clock clock;

    MessageFanout(ChatBus bus, Clock clock) {
        this.bus = bus;
        this.clock = clock;
    }

    /**
     * A client resent a message that is already stored: announce it again. The node that stored it may have died
     * between the commit and its signal (its client never got the ack, which is why it resends); without this,
     * a workspace would not hear of that message until the next one. Receivers ignore what they already have.
     * Only recent messages: an old resend cannot be a lost announcement, and must not let a client make noise.
     */
    void resent(PostedMessage posted) {
        if (posted.duplicate()
                && posted.message().createdAt().isAfter(clock.instant().minus(ANNOUNCE_RESENDS_WITHIN))) {
            bus.publish(new ChatSignal(posted.message().conversationId(), ChatSignal.Kind.MESSAGE,
                    posted.message().seq(), null, false));
        }
    }

    @EventListener
    void on(MessagePosted posted) {
        afterCommit(() -> bus.publish(new ChatSignal(posted.conversationId(), ChatSignal.Kind.MESSAGE, posted.seq(),
                null, false)));
    }

    /** Staff changed a conversation: open workspaces refresh its row. */
    @EventListener
    void on(ConversationChanged changed) {
        afterCommit(() -> bus.publish(new ChatSignal(changed.conversationId(), ChatSignal.Kind.CHANGED, 0, null, true)));
    }

    /** Runs the action once the current transaction has committed (never after a rollback); at once without one. */
    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
