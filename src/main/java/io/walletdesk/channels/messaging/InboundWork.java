package io.walletdesk.channels.messaging;

import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Does the work of stored deliveries after the webhook has answered: at once on this node (one worker, so a
 * chat's messages keep their order), and by a cluster-wide sweep for anything left (a node that stopped, a retry).
 * Each delivery is done in one transaction that starts by claiming its row.
 */
@Component
class InboundWork {

    private static final Logger log = LoggerFactory.getLogger(InboundWork.class);

    private final InboundDeliveries deliveries;
    private final WhatsAppIngest whatsApp;
    private final TelegramIngest telegram;
    private final TransactionTemplate transaction;
    private final Kicks kicks = new Kicks("messaging-inbound", this::processDue);

    InboundWork(InboundDeliveries deliveries, WhatsAppIngest whatsApp, TelegramIngest telegram,
            PlatformTransactionManager transactions) {
        this.deliveries = deliveries;
        this.whatsApp = whatsApp;
        this.telegram = telegram;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Something was stored: work on it soon, on this node's worker (many kicks make one run). */
    void kick() {
        kicks.kick();
    }

    @Scheduled(fixedDelayString = "${walletdesk.messaging.sweep-interval:PT15S}",
            initialDelayString = "${walletdesk.messaging.sweep-interval:PT15S}")
    @SchedulerLock(name = "messaging-inbound", lockAtMostFor = "PT5M")
    public void sweep() {
        processDue();
    }

    /** Works on every due delivery; returns how many were done. */
    int processDue() {
        int done = 0;
        for (long id : deliveries.due(200)) {
            try {
                Boolean worked = transaction.execute(status -> deliveries.claim(id).map(this::handle).orElse(false));
                done += Boolean.TRUE.equals(worked) ? 1 : 0;
            } catch (RuntimeException failure) {
                log.warn("Messaging delivery {} failed: {}", id, failure.toString());
                deliveries.failed(id, failure.toString());
            }
        }
        return done;
    }

    private boolean handle(InboundDeliveries.Pending pending) {
        switch (pending.platform()) {
            case WHATSAPP -> whatsApp.handle(pending);
            case TELEGRAM -> telegram.handle(pending);
        }
        return true;
    }

    @PreDestroy
    void stop() {
        kicks.stop();
    }
}
