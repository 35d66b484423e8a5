package io.walletdesk.ledger.internal;

import io.walletdesk.ledger.WalletStanding;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** {@link WalletStanding} from the customer's wallet, its account and the configured limits. */
@Service
class WalletStandings implements WalletStanding {

    private final CustomerWallets wallets;
    private final Limits limits;
    private final WalletProperties properties;
    private final JdbcClient jdbc;

    WalletStandings(CustomerWallets wallets, Limits limits, WalletProperties properties, JdbcClient jdbc) {
        this.wallets = wallets;
        this.limits = limits;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Standing> of(long userId) {
        return wallets.find(userId).map(wallet -> {
            long balance = jdbc.sql("SELECT balance FROM ledger_account WHERE id = :id").param("id", wallet.accountId())
                    .query(Long.class).single();
            WalletProperties.Tier tier = limits.tier(wallet.tier());
            WalletProperties.Amounts amounts = properties.amounts();
            return new Standing(wallet.tier().name(), balance, tier.maxBalance(), tier.maxMonthlyIncoming(),
                    limits.receivedThisMonth(wallet.accountId()), tier.canSendPeerToPeer(), amounts.minTopUp(),
                    amounts.maxTopUp(), amounts.maxTransfer(), amounts.maxPayment(), wallet.locked());
        });
    }
}
