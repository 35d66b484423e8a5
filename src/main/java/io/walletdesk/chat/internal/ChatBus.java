package io.walletdesk.chat.internal;

import java.util.function.Consumer;

/**
 * Fan-out of chat signals to every node. In-process by default; Redis pub/sub when
 * {@code walletdesk.chat.fanout=redis}, so a customer on one node and an agent on another talk in real time.
 */
interface ChatBus {

    void publish(ChatSignal signal);

    /**
     * Registers a listener for one conversation, or for all with {@link LocalSubscribers#EVERY}; closing the
     * returned handle removes it.
     */
    AutoCloseable subscribe(long conversationId, Consumer<ChatSignal> listener);
}
