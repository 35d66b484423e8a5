package io.walletdesk.status.internal;

import io.walletdesk.status.internal.StatusAdmin.Actor;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * Starts scheduled maintenances at their start time (components go under maintenance) and completes them
 * at their end time (components back to operational), once per cluster, with an update in three languages
 * that notifies subscribers.
 */
@Service
class MaintenanceScheduler {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceScheduler.class);

    private final StatusAdmin admin;
    private final MessageSource messages;
    private final Clock clock;

    MaintenanceScheduler(StatusAdmin admin, MessageSource messages, Clock clock) {
        this.admin = admin;
        this.messages = messages;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT15S")
    @SchedulerLock(name = "status-maintenance", lockAtMostFor = "PT5M")
    public void scheduled() {
        try {
            run();
        } catch (RuntimeException failure) {
            log.warn("Status page: maintenance transitions failed", failure);
        }
    }

    /** Moves every due maintenance on; returns how many changed. */
    synchronized int run() {
        int changed = 0;
        for (StatusAdmin.Row row : admin.dueMaintenances()) {
            boolean ended = !row.scheduledUntil().isAfter(clock.instant());
            IncidentStatus next = ended ? IncidentStatus.COMPLETED : IncidentStatus.IN_PROGRESS;
            String key = ended ? "status.maintenance.auto.completed" : "status.maintenance.auto.started";
            Map<String, ComponentStatus> components = new LinkedHashMap<>();
            if (!ended) {
                admin.linkedComponents(row.id()).forEach(c -> components.put(c, ComponentStatus.UNDER_MAINTENANCE));
            }
            admin.addUpdate(row.publicId(), new StatusAdmin.NewUpdate(next, new Texts(
                    messages.getMessage(key, null, Locale.ENGLISH),
                    messages.getMessage(key, null, Locale.SIMPLIFIED_CHINESE),
                    messages.getMessage(key, null, Locale.forLanguageTag("id"))), components, true), Actor.system());
            changed++;
        }
        return changed;
    }
}
