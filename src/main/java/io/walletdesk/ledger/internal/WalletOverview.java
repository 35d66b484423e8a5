package io.walletdesk.ledger.internal;

import io.walletdesk.shared.money.Money;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Balance, tier and limits of a customer's wallet. */
@Component
class WalletOverview {

    private final CustomerWallets wallets;
    private final Limits limits;
    private final JdbcClient jdbc;

    WalletOverview(CustomerWallets wallets, Limits limits, JdbcClient jdbc) {
        this.wallets = wallets;
        this.limits = limits;
        this.jdbc = jdbc;
    }

    /** What the wallet home page and {@code GET /api/v1/wallet} show. */
    record Overview(long balance, String balanceFormatted, long available, String tier, boolean canSendPeerToPeer,
            long maxBalance, String maxBalanceFormatted, long maxMonthlyIncoming, String maxMonthlyIncomingFormatted,
            long receivedThisMonth, String receivedThisMonthFormatted, boolean pinSet, Instant pinBlockedUntil,
            boolean locked) {
    }

    Overview of(long userId) {
        CustomerWallets.Wallet wallet = wallets.open(userId);
        long[] amounts = jdbc.sql("SELECT balance, held FROM ledger_account WHERE id = :id").param("id", wallet.accountId())
                .query((rs, n) -> new long[] {rs.getLong("balance"), rs.getLong("held")}).single();
        WalletProperties.Tier tier = limits.tier(wallet.tier());
        long received = limits.receivedThisMonth(wallet.accountId());
        Instant blocked = wallet.pinBlockedUntil() != null && wallet.pinBlockedUntil().isAfter(Instant.now())
                ? wallet.pinBlockedUntil() : null;
        return new Overview(amounts[0], Money.format(amounts[0]), amounts[0] - amounts[1], wallet.tier().name(),
                tier.canSendPeerToPeer(), tier.maxBalance(), Money.format(tier.maxBalance()), tier.maxMonthlyIncoming(),
                Money.format(tier.maxMonthlyIncoming()), received, Money.format(received), wallet.pinSet(), blocked,
                wallet.locked());
    }
}
