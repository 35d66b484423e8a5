package io.walletdesk.ledger.internal;

import io.walletdesk.identity.AccountLocked;
import io.walletdesk.identity.AccountUnlocked;
import io.walletdesk.identity.CustomerRegistered;
import io.walletdesk.identity.SignedInFromNewDevice;
import java.time.Clock;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** The wallet follows identity: open a wallet on registration, mirror lock state, remember new-device sign-ins. */
@Component
class IdentityReactions {

    private final CustomerWallets wallets;
    private final Clock clock;

    IdentityReactions(CustomerWallets wallets, Clock clock) {
        this.wallets = wallets;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(CustomerRegistered event) {
        wallets.open(event.userId());
    }

    @ApplicationModuleListener
    void on(AccountLocked event) {
        wallets.setLocked(event.userId(), true);
    }

    @ApplicationModuleListener
    void on(AccountUnlocked event) {
        wallets.setLocked(event.userId(), false);
    }

    @ApplicationModuleListener
    void on(SignedInFromNewDevice event) {
        wallets.newDeviceSignIn(event.userId(), clock.instant());
    }
}
