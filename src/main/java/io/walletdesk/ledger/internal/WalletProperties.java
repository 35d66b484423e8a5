package io.walletdesk.ledger.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Every limit and rule of the wallet ({@code walletdesk.wallet.*}); the defaults are the product's
 * published limits. All limits are checked inside the same database transaction as the posting.
 */
@ConfigurationProperties("walletdesk.wallet")
record WalletProperties(
        @DefaultValue Tiers tiers,
        @DefaultValue Amounts amounts,
        @DefaultValue Pin pin,
        @DefaultValue TopUp topUp,
        @DefaultValue Rules rules,
        @DefaultValue Bank bank,
        @DefaultValue Kyc kyc,
        @DefaultValue RecipientLookups recipientLookups) {

    /** Limits per tier ({@code walletdesk.wallet.tiers.unverified-max-balance} etc.). */
    public record Tiers(
            @DefaultValue("2000000") long unverifiedMaxBalance,
            @DefaultValue("20000000") long unverifiedMaxMonthlyIncoming,
            @DefaultValue("false") boolean unverifiedCanSendPeerToPeer,
            @DefaultValue("20000000") long verifiedMaxBalance,
            @DefaultValue("40000000") long verifiedMaxMonthlyIncoming,
            @DefaultValue("true") boolean verifiedCanSendPeerToPeer) {

        public Tier unverified() {
            return new Tier(unverifiedMaxBalance, unverifiedMaxMonthlyIncoming, unverifiedCanSendPeerToPeer);
        }

        public Tier verified() {
            return new Tier(verifiedMaxBalance, verifiedMaxMonthlyIncoming, verifiedCanSendPeerToPeer);
        }
    }

    /** {@code maxBalance}: the most the wallet may hold; {@code maxMonthlyIncoming}: received per calendar month. */
    public record Tier(long maxBalance, long maxMonthlyIncoming, boolean canSendPeerToPeer) {
    }

    /** Per-transaction bounds. */
    public record Amounts(
            @DefaultValue("10000") long minTopUp,
            @DefaultValue("10000000") long maxTopUp,
            @DefaultValue("1") long minPayment,
            @DefaultValue("10000000") long maxPayment,
            @DefaultValue("10000") long minTransfer,
            @DefaultValue("10000000") long maxTransfer) {
    }

    /**
     * Wrong PINs in a row before payments are blocked, and for how long; the pepper is a secret without a
     * default ({@code WALLETDESK_PIN_PEPPER}, see {@code io.walletdesk.shared.secrets}).
     */
    public record Pin(@DefaultValue("3") int maxFailures, @DefaultValue("PT60M") Duration block, String pepper) {
    }

    /** How long a top-up waits for the bank's confirmation before it expires (GoPay promises 2x24 hours). */
    public record TopUp(@DefaultValue("PT48H") Duration expiry) {
    }

    /** Suspicious-activity rules; each one locks the account with a reason code when it fires. */
    public record Rules(
            @DefaultValue("5") int maxNewRecipients,
            @DefaultValue("PT10M") Duration newRecipientsWindow,
            @DefaultValue("9") int maxPinFailures,
            @DefaultValue("PT24H") Duration pinFailuresWindow,
            @DefaultValue("5000000") long newDeviceLargeAmount,
            @DefaultValue("PT1H") Duration newDeviceWindow) {
    }

    /**
     * The bank gateway: the shared HMAC secret of callbacks (no default: {@code WALLETDESK_BANK_CALLBACK_SECRET})
     * and the simulated bank's behaviour.
     */
    public record Bank(
            String callbackSecret,
            @DefaultValue("PT5M") Duration callbackMaxAge,
            @DefaultValue("PT2S") Duration simulatedCallbackDelay,
            @DefaultValue("PT3S") Duration simulatedTimeout) {
    }

    /** Identity verification uploads. */
    public record Kyc(@DefaultValue("5242880") int maxFileBytes) {
    }

    /**
     * Look-ups of who a phone number belongs to, per user and fixed window: each answer reveals a masked name,
     * so without a limit the look-up enumerates customers.
     */
    public record RecipientLookups(@DefaultValue("20") int limit, @DefaultValue("PT10M") Duration window) {
    }

    public Tier tier(WalletTier tier) {
        return tier == WalletTier.VERIFIED ? tiers.verified() : tiers.unverified();
    }
}
