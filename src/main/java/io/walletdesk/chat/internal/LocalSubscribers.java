package io.walletdesk.chat.internal;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The listeners connected to this node, by conversation. */
class LocalSubscribers {

    private static final Logger log = LoggerFactory.getLogger(LocalSubscribers.class);

    /** Subscribing to this id hears every conversation's signals: the agent workspace's live list. */
    static final long EVERY = -1;

    private final Map<Long, Set<Consumer<ChatSignal>>> listeners = new ConcurrentHashMap<>();

    AutoCloseable add(long conversationId, Consumer<ChatSignal> listener) {
        listeners.computeIfAbsent(conversationId, id -> ConcurrentHashMap.newKeySet()).add(listener);
        return () -> listeners.computeIfPresent(conversationId, (id, set) -> {
            set.remove(listener);
            return set.isEmpty() ? null : set;
        });
    }

    void deliver(ChatSignal signal) {
        deliver(signal, signal.conversationId());
        deliver(signal, EVERY);
    }

    private void deliver(ChatSignal signal, long key) {
        for (Consumer<ChatSignal> listener : listeners.getOrDefault(key, Set.of())) {
            try {
                listener.accept(signal);
            } catch (RuntimeException failure) {
                log.debug("Chat listener failed; the client will catch up on reconnect", failure);
            }
        }
    }
}
