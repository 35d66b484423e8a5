package io.walletdesk.chat.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChatExecutorConfig {

    /**
     * Deliveries to clients run here, not on the thread that committed the message. A customer's catch-up waits on
     * a database read; with only two threads (the pool never grows past its core while the queue has room) two
     * such waits held up every workspace's inbox frames, so the pool is twice the cores, at least four.
     */
    @Bean(destroyMethod = "shutdown")
    ExecutorService chatDeliveries() {
        int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000),
                runnable -> {
                    Thread thread = new Thread(runnable, "chat-delivery");
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
    }
}
