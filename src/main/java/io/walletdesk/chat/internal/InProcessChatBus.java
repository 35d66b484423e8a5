package io.walletdesk.chat.internal;

import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** The default fan-out for a single node. */
@Component
@ConditionalOnProperty(name = "walletdesk.chat.fanout", havingValue = "local", matchIfMissing = true)
class InProcessChatBus implements ChatBus {

    private final LocalSubscribers subscribers = new LocalSubscribers();

    @Override
    public void publish(ChatSignal signal) {
        subscribers.deliver(signal);
    }

    @Override
    public AutoCloseable subscribe(long conversationId, Consumer<ChatSignal> listener) {
        return subscribers.add(conversationId, listener);
    }
}
