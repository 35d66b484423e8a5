package io.walletdesk.ledger.internal;

import java.time.Clock;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Expires top-ups the bank never confirmed ({@code walletdesk.wallet.top-up.expiry}, default 48 hours). */
@Component
class TopUpExpiry {

    private final TopUps topUps;
    private final Clock clock;

    TopUpExpiry(TopUps topUps, Clock clock) {
        this.topUps = topUps;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${walletdesk.wallet.top-up.expiry-check:PT1M}", initialDelayString = "PT30S")
    @SchedulerLock(name = "ledger-top-up-expiry", lockAtMostFor = "PT10M")
    public void expire() {
        topUps.expireDue(clock.instant());
    }
}
