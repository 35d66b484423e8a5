package io.walletdesk.shared.db;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ErrorHandler;

/**
 * Background jobs that fail because the database is away are expected: one line each, not a stack trace
 * every few seconds that buries what matters. Anything else is still logged in full.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledTasksDuringOutage {

    private static final Logger log = LoggerFactory.getLogger(ScheduledTasksDuringOutage.class);

    static ErrorHandler handler(DatabaseOutage outage) {
        return failure -> {
            if (outage.noteFailure(failure)) {
                log.warn("Scheduled task skipped, the database is unreachable: {}", failure.toString());
            } else {
                log.error("Unexpected error occurred in scheduled task", failure);
            }
        };
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer outageAwareScheduledTasks(DatabaseOutage outage) {
        return scheduler -> scheduler.setErrorHandler(handler(outage));
    }

    @Bean
    SimpleAsyncTaskSchedulerCustomizer outageAwareVirtualScheduledTasks(DatabaseOutage outage) {
        return scheduler -> scheduler.setErrorHandler(handler(outage));
    }
}
