package io.walletdesk.chat.internal;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fan-out across app nodes through Redis pub/sub. Every node, the publisher included, hears each signal
 * and serves its own connections from the database, so what travels through Redis is only ids.
 * Signals are handed on one at a time, in the order Redis delivers them, by one thread: the container's
 * default starts a new thread per message, which costs a thread per signal and lets signals overtake each other.
 */
@Component
@ConditionalOnProperty(name = "walletdesk.chat.fanout", havingValue = "redis")
class RedisChatBus implements ChatBus {

    static final String TOPIC = "walletdesk:chat-signals";
    private static final Logger log = LoggerFactory.getLogger(RedisChatBus.class);

    private final LocalSubscribers subscribers = new LocalSubscribers();
    private final StringRedisTemplate redis;
    private final JsonMapper json;
    private final RedisMessageListenerContainer container;
    private final ExecutorService dispatch;

    RedisChatBus(RedisConnectionFactory connections, JsonMapper json) {
        this.redis = new StringRedisTemplate(connections);
        this.json = json;
        this.container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connections);
        this.dispatch = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chat-signals");
            thread.setDaemon(true);
            return thread;
        });
        container.setTaskExecutor(dispatch);
        container.addMessageListener((message, pattern) -> {
            try {
                subscribers.deliver(json.readValue(message.getBody(), ChatSignal.class));
            } catch (RuntimeException unreadable) {
                log.warn("Ignoring an unreadable chat signal", unreadable);
            }
        }, new ChannelTopic(TOPIC));
        container.afterPropertiesSet();
        container.start();
    }

    @Override
    public void publish(ChatSignal signal) {
        redis.convertAndSend(TOPIC, json.writeValueAsString(signal));
    }

    @Override
    public AutoCloseable subscribe(long conversationId, Consumer<ChatSignal> listener) {
        return subscribers.add(conversationId, listener);
    }

    @PreDestroy
    void stop() throws Exception {
        container.stop();
        container.destroy();
        dispatch.shutdown();
    }
}
