package io.walletdesk.ledger;

import io.walletdesk.ledger.internal.CustomerWallets;
import io.walletdesk.ledger.internal.Limits;
import io.walletdesk.ledger.internal.WalletProperties;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * A customer's tier, balance and limits as other modules (the assistant, support) may show them to that
 * customer. Read-only; amounts are whole rupiah.
 */
@Service
public class WalletStanding {

    private final CustomerWallets wallets;
    private final Limits limits;
    private final WalletProperties properties;
    private final JdbcClient jdbc;

    WalletStanding(CustomerWallets wallets, Limits limits, WalletProperties properties, JdbcClient jdbc) {
        this.wallets = wallets;
        this.limits = limits;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /** {@code tier} is UNVERIFIED or VERIFIED. */
    public record Standing(String tier, long balance, long maxBalance, long maxMonthlyIncoming, long receivedThisMonth,
            boolean canSendPeerToPeer, long minTopUp, long maxTopUp, long maxTransfer, long maxPayment, boolean locked) {
    }

    /** Empty when the customer has no wallet yet. */
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
