package io.walletdesk.ledger.internal;

import io.walletdesk.ledger.TransactionStatus;
import io.walletdesk.ledger.TransactionKind;
import io.walletdesk.shared.money.Money;
import java.time.Instant;
import java.util.List;

/** A customer-facing transaction with its timeline, as pages, the API and CSV export show it. */
record TransactionView(long id, TransactionKind kind, TransactionStatus status, long userId, String userLabel,
        Long counterpartyUserId, String counterpartyLabel, String bankCode, String bankAccountMasked, long amount,
        long fee, String note, String reasonCode, List<String> reasonArgs, String waitingFor, Instant expectedBy,
        Long originalTransactionId, Instant createdAt, Instant updatedAt, List<Step> timeline) {

    /** One state change: CREATED, PENDING_AT_BANK, COMPLETED, FAILED, EXPIRED, REVERSED, ... */
    public record Step(String step, String reasonCode, Instant at) {
    }

    /** True when the viewer receives the money (recipient of a transfer, top-up, refund). */
    public boolean incomingFor(long viewerUserId) {
        if (kind == TransactionKind.TRANSFER) {
            return counterpartyUserId != null && counterpartyUserId == viewerUserId;
        }
        if (kind == TransactionKind.REVERSAL) {
            return userId == viewerUserId;
        }
        return kind == TransactionKind.TOP_UP || kind == TransactionKind.REFUND;
    }

    /** The amount as the viewer sees it: negative when money left their wallet. */
    public long signedAmountFor(long viewerUserId) {
        return incomingFor(viewerUserId) ? amount : -amount;
    }

    public String signedFormattedFor(long viewerUserId) {
        long signed = signedAmountFor(viewerUserId);
        return (signed > 0 ? "+" : "") + Money.format(signed);
    }

    /**
     * The fee the customer paid. A payment's fee is the merchant's (its discount rate, taken from its share),
     * so the customer who paid the price is never shown it as theirs.
     */
    public long customerFee() {
        return kind == TransactionKind.PAYMENT ? 0 : fee;
    }

    public String customerFeeFormatted() {
        return Money.format(customerFee());
    }

    /** A failed transaction moved no money: shown struck through, never as "+Rp50.000" that arrived. */
    public boolean failed() {
        return status == TransactionStatus.FAILED;
    }

    public String amountFormatted() {
        return Money.format(amount);
    }

    /** The other party as the viewer sees it. */
    public String otherPartyFor(long viewerUserId) {
        return userId == viewerUserId ? counterpartyLabel : userLabel;
    }

    public boolean pending() {
        return status == TransactionStatus.PENDING;
    }

    public Object[] reasonArgsArray() {
        return reasonArgs.toArray();
    }
}
