package io.walletdesk.ledger.internal;

import org.springframework.context.ApplicationContext;

/**
 * What tests of other modules may do to the ledger's internals, which are package-private: deliver the simulated
 * bank's pending callbacks, and open a verified wallet for a customer.
 */
public final class LedgerTestHooks {

    private LedgerTestHooks() {
    }

    /** The simulated bank answers every pending top-up now (as its scheduled delivery would). */
    public static void deliverBankCallbacksNow(ApplicationContext context) {
        context.getBean(SimulatedBank.class).deliverAllNow();
    }

    /** Opens the customer's wallet, if needed, at the verified tier (peer-to-peer transfers allowed). */
    public static void openVerifiedWallet(ApplicationContext context, long userId) {
        CustomerWallets wallets = context.getBean(CustomerWallets.class);
        wallets.open(userId);
        wallets.setTier(userId, WalletTier.VERIFIED);
    }
}
