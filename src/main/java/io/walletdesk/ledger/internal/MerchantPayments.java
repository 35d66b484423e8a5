package io.walletdesk.ledger.internal;

import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.Accounts;
import io.walletdesk.ledger.PaymentCompleted;
import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.money.Money;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.web.ProblemException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Payments to merchants. The merchant's share goes to one of its stripes and the fee (merchant discount
 * rate, in basis points) to one of the fee stripes, so a merchant that thousands of customers pay at once
 * does not serialise them.
 */
@Service
public class MerchantPayments {

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
    private final PostingBatcher batcher;

    MerchantPayments(PostingBatcher batcher, PartyLabels labels, SystemAccounts system, CustomerWallets wallets, Accounts accounts, Ledger ledger, Pins pins,
            RiskRules risk, TransactionLog log, MoneyTransactions money, WalletProperties properties, AuditTrail audit,
            ApplicationEventPublisher events) {
        this.batcher = batcher;
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
                .orElseThrow(() -> ProblemException.forField("merchant-unknown", HttpStatus.NOT_FOUND, "merchantCode"));
    }

    public MoneyTransactions.Outcome pay(long userId, String idempotencyKey, Payment command, ClientInfo client) {
        Idempotency.requireKey(idempotencyKey);
        WalletProperties.Amounts bounds = properties.amounts();
        if (command.amount() < bounds.minPayment() || command.amount() > bounds.maxPayment()) {
            throw ProblemException.forField("amount-out-of-range", HttpStatus.BAD_REQUEST, "amount",
                    Money.format(bounds.minPayment()), Money.format(bounds.maxPayment()));
        }
        String note = command.note() == null || command.note().isBlank() ? null : command.note().strip();
        if (note != null && note.length() > 140) {
            throw ProblemException.forField("note-too-long", HttpStatus.BAD_REQUEST, "note", 140);
        }
        SystemAccounts.Striped merchant = merchant(command.merchantCode());
        String hash = Idempotency.hash("PAYMENT", merchant.code(), command.amount(), note);
        var earlier = money.earlier(userId, idempotencyKey, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        CustomerWallets.Wallet payer = wallets.find(userId).orElseGet(() -> wallets.open(userId));
        if (payer.locked()) {
            throw new ProblemException("wallet-locked", HttpStatus.FORBIDDEN);
        }
        pins.verify(payer, command.pin(), client);
        risk.beforeOutgoing(payer, command.amount());
        long fee = command.amount() * merchant.feeBps() / 10_000;
        long merchantStripe = merchant.pickStripe();
        long feeStripe = system.fees().pickStripe();
        String payerLabel = labels.of(userId);
        java.util.function.Supplier<TransactionView> single = () -> {
            Ledger.Locked locked = ledger.lock(fee > 0 ? List.of(payer.accountId(), merchantStripe, feeStripe)
                    : List.of(payer.accountId(), merchantStripe));
            TransactionView created = log.create(new TransactionLog.NewTransaction(TransactionKind.PAYMENT,
                    TransactionStatus.COMPLETED, userId, payerLabel, null, merchant.name(), merchant.id(), null, null,
                    command.amount(), fee, note, null, null, null, null), "CREATED", "COMPLETED");
            long transactionId = created.id();
            List<Ledger.Leg> legs = new ArrayList<>();
            legs.add(new Ledger.Leg(payer.accountId(), -command.amount()));
            legs.add(new Ledger.Leg(merchantStripe, command.amount() - fee));
            if (fee > 0) {
                legs.add(new Ledger.Leg(feeStripe, fee));
            }
            try {
                ledger.post(locked, "PAYMENT", transactionId, null, legs);
            } catch (Ledger.InsufficientFunds insufficient) {
                throw ProblemException.forField("insufficient-balance", HttpStatus.UNPROCESSABLE_ENTITY, "amount",
                        Money.format(insufficient.available()));
            }
            audit.record(AuditEntry.of("WALLET_PAYMENT", userId, "CUSTOMER", userId,
                    "tx=" + transactionId + " merchant=" + merchant.code() + " amount=" + command.amount(), client));
            events.publishEvent(new PaymentCompleted(transactionId, userId, merchant.code(), command.amount()));
            return created;
        };
        List<Ledger.Leg> legs = new ArrayList<>();
        legs.add(new Ledger.Leg(payer.accountId(), -command.amount()));
        legs.add(new Ledger.Leg(merchantStripe, command.amount() - fee));
        if (fee > 0) {
            legs.add(new Ledger.Leg(feeStripe, fee));
        }
        TransactionLog.NewTransaction newTransaction = new TransactionLog.NewTransaction(TransactionKind.PAYMENT,
                TransactionStatus.COMPLETED, userId, payerLabel, null, merchant.name(), merchant.id(), null, null,
                command.amount(), fee, note, null, null, null, null);
        return batcher.submit(userId, idempotencyKey, hash,
                fee > 0 ? List.of(payer.accountId(), merchantStripe, feeStripe) : List.of(payer.accountId(), merchantStripe),
                legs, "PAYMENT", newTransaction, null, null,
                AuditEntry.of("WALLET_PAYMENT", userId, "CUSTOMER", userId,
                        "merchant=" + merchant.code() + " amount=" + command.amount(), client),
                id -> new PaymentCompleted(id, userId, merchant.code(), command.amount()), single);
    }
}
