package io.walletdesk.ledger;

import java.util.Optional;

/**
 * A customer's tier, balance and limits as other modules (the assistant, support) may show them to that
 * customer. Read-only; amounts are whole rupiah.
 */
public interface WalletStanding {

    /** {@code tier} is UNVERIFIED or VERIFIED. */
    record Standing(String tier, long balance, long maxBalance, long maxMonthlyIncoming, long receivedThisMonth,
            boolean canSendPeerToPeer, long minTopUp, long maxTopUp, long maxTransfer, long maxPayment, boolean locked) {
    }

    /** Empty when the customer has no wallet yet. */
    Optional<Standing> of(long userId);
}
