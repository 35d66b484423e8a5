package io.walletdesk.ledger.internal;

import io.walletdesk.ledger.TransactionStatus;
import io.walletdesk.ledger.TransactionKind;
import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.Accounts;
import io.walletdesk.ledger.PaymentCompleted;
import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.money.Money;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Payments to merchants. The merchant's share goes to one of its stripes and the fee (merchant discount
 * rate, in basis points) to one of the fee stripes, so a merchant that thousands of customers pay at once
 * does not serialise them.
 */
@Service
class MerchantPayments {

    private final SystemAccounts system;
    private final CustomerWallets wallets;
    private final Accounts accounts;
    private final Ledger ledger;
    private final Pins pins;
    private final RiskRules risk;
    private final TransactionLog log;
    private final MoneyTransactions money;
    private final WalletProperties properties;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final PartyLabels labels;
    private final java.time.Clock clock;
    private final Bookings bookings;
    private final LedgerMetrics metrics;

    MerchantPayments(LedgerMetrics metrics, Bookings bookings, java.time.Clock clock, PartyLabels labels, SystemAccounts system, CustomerWallets wallets, Accounts accounts, Ledger ledger, Pins pins,
            RiskRules risk, TransactionLog log, MoneyTransactions money, WalletProperties properties, AuditTrail audit,
            ApplicationEventPublisher events) {
        this.metrics = metrics;
        this.clock = clock;
        this.bookings = bookings;
        this.labels = labels;
        this.system = system;
        this.wallets = wallets;
        this.accounts = accounts;
        this.ledger = ledger;
        this.pins = pins;
        this.risk = risk;
        this.log = log;
        this.money = money;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
    }

    /** Command: pay {@code amount} to the merchant with this code (as printed on its QR sticker). */
    public record Payment(String merchantCode, long amount, String pin, String note) {
    }

    public SystemAccounts.Striped merchant(String code) {
        return system.merchant(code)
                .orElseThrow(() -> ProblemException.forField("merchant-unknown", FailureKind.NOT_FOUND, "merchantCode"));
    }

    public MoneyTransactions.Outcome pay(long userId, String idempotencyKey, Payment command, ClientInfo client) {
        return metrics.refusalsOf(TransactionKind.PAYMENT, () -> payCounted(userId, idempotencyKey, command, client));
    }

    private MoneyTransactions.Outcome payCounted(long userId, String idempotencyKey, Payment command, ClientInfo client) {
        Idempotency.requireKey(idempotencyKey);
        WalletProperties.Amounts bounds = properties.amounts();
        MoneyRequests.requireAmountWithin(command.amount(), bounds.minPayment(), bounds.maxPayment());
        String note = MoneyRequests.note(command.note());
        SystemAccounts.Striped merchant = merchant(command.merchantCode());
        String hash = Idempotency.hash("PAYMENT", merchant.code(), command.amount(), note);
        CustomerWallets.Sending sending = wallets.forSending(userId, null, idempotencyKey, clock.instant());
        var earlier = sending.earlier(hash);
        if (earlier.isPresent()) {
            return new MoneyTransactions.Outcome(earlier.get(), true);
        }
        CustomerWallets.Wallet payer = sending.sender();
        if (payer.locked()) {
            throw new ProblemException("wallet-locked", FailureKind.FORBIDDEN);
        }
        pins.verify(payer, command.pin(), client);
        risk.beforeOutgoing(payer, command.amount());
        long amount = command.amount();
        long fee = amount * merchant.feeBps() / 10_000;
        long merchantStripe = merchant.pickStripe();
        long feeStripe = system.fees().pickStripe();
        String payerLabel = labels.of(userId);
        List<Ledger.Leg> legs = new ArrayList<>();
        legs.add(new Ledger.Leg(payer.accountId(), -amount));
        legs.add(new Ledger.Leg(merchantStripe, amount - fee));
        if (fee > 0) {
            legs.add(new Ledger.Leg(feeStripe, fee));
        }
        Bookings.Booking booking = new Bookings.Booking(new TransactionLog.NewTransaction(TransactionKind.PAYMENT,
                TransactionStatus.COMPLETED, userId, payerLabel, null, merchant.name(), merchant.id(), null, null,
                amount, fee, note, null, null, null, null), "PAYMENT", legs, null,
                AuditEntry.of("WALLET_PAYMENT", userId, "CUSTOMER", userId,
                        "merchant=" + merchant.code() + " amount=" + amount, client), idempotencyKey, hash);
        MoneyTransactions.Outcome outcome = money.runBooked(userId, idempotencyKey, hash, () -> {
            Ledger.Locked locked = ledger.lock(fee > 0 ? List.of(payer.accountId(), merchantStripe, feeStripe)
                    : List.of(payer.accountId(), merchantStripe));
            TransactionView view;
            try {
                view = bookings.book(locked, booking);
            } catch (Ledger.InsufficientFunds insufficient) {
                throw ProblemException.forField("insufficient-balance", FailureKind.UNPROCESSABLE, "amount",
                        Money.format(insufficient.available()));
            }
            // Inside the transaction: module listeners run after commit.
            events.publishEvent(new PaymentCompleted(view.id(), userId, merchant.code(), amount));
            return view;
        });
        return outcome;
    }
}
