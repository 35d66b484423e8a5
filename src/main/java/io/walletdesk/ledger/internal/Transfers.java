package io.walletdesk.ledger.internal;

import io.walletdesk.ledger.TransactionStatus;
import io.walletdesk.ledger.TransactionKind;
import io.walletdesk.identity.AccountStatus;
import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.Accounts;
import io.walletdesk.ledger.TransferCompleted;
import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.money.Money;
import io.walletdesk.shared.ratelimit.RateLimiter;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Peer-to-peer transfers by phone number: look up (masked name), then send with the PIN. */
@Service
class Transfers {

    private final Accounts accounts;
    private final CustomerWallets wallets;
    private final Ledger ledger;
    private final Limits limits;
    private final Pins pins;
    private final RiskRules risk;
    private final TransactionLog log;
    private final MoneyTransactions money;
    private final WalletProperties properties;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final PartyLabels labels;
    private final RateLimiter rateLimiter;
    private final Bookings bookings;
    private final LedgerMetrics metrics;

    Transfers(LedgerMetrics metrics, Bookings bookings, RateLimiter rateLimiter, PartyLabels labels, Accounts accounts, CustomerWallets wallets, Ledger ledger, Limits limits, Pins pins, RiskRules risk,
            TransactionLog log, MoneyTransactions money, WalletProperties properties, AuditTrail audit,
            ApplicationEventPublisher events) {
        this.metrics = metrics;
        this.rateLimiter = rateLimiter;
        this.bookings = bookings;
        this.labels = labels;
        this.accounts = accounts;
        this.wallets = wallets;
        this.ledger = ledger;
        this.limits = limits;
        this.pins = pins;
        this.risk = risk;
        this.log = log;
        this.money = money;
        this.properties = properties;
        this.audit = audit;
        this.events = events;
    }

    /** Who a phone number belongs to, as the sender may see it before paying. */
    public record Recipient(long userId, String phone, String maskedName) {
    }

    /**
     * A look-up the customer asked for (to confirm the masked name before sending), limited per user: the
     * answers would otherwise enumerate customers by phone number.
     */
    public Recipient lookUp(long senderUserId, String phone) {
        WalletProperties.RecipientLookups limit = properties.recipientLookups();
        RateLimiter.Decision decision = rateLimiter.hit("recipient-lookup:" + senderUserId, limit.limit(), limit.window());
        if (!decision.allowed()) {
            long minutes = Math.max(1, (decision.retryAfterSeconds() + 59) / 60);
            throw new ProblemException("too-many-lookups", FailureKind.RATE_LIMITED, "phone", new Object[] {minutes},
                    Map.of("retryAfterSeconds", decision.retryAfterSeconds()));
        }
        return recipient(senderUserId, phone);
    }

    public Recipient recipient(long senderUserId, String phone) {
        if (phone == null || phone.isBlank()) {
            throw ProblemException.forField("recipient-unknown", FailureKind.NOT_FOUND, "phone");
        }
        AccountView view = accounts.findCustomerByPhone(phone)
                .filter(v -> v.status() != AccountStatus.DISABLED)
                .orElseThrow(() -> ProblemException.forField("recipient-unknown", FailureKind.NOT_FOUND, "phone"));
        if (view.id() == senderUserId) {
            throw ProblemException.forField("recipient-is-self", FailureKind.UNPROCESSABLE, "phone");
        }
        return new Recipient(view.id(), view.phone(), view.maskedName());
    }

    /** Command: send {@code amount} to the customer with this phone number. */
    public record Transfer(String phone, long amount, String pin, String note) {
    }

    public MoneyTransactions.Outcome send(long userId, String idempotencyKey, Transfer command, ClientInfo client) {
        return metrics.refusalsOf(TransactionKind.TRANSFER, () -> sendCounted(userId, idempotencyKey, command, client));
    }

    private MoneyTransactions.Outcome sendCounted(long userId, String idempotencyKey, Transfer command, ClientInfo client) {
        Idempotency.requireKey(idempotencyKey);
        WalletProperties.Amounts bounds = properties.amounts();
        MoneyRequests.requireAmountWithin(command.amount(), bounds.minTransfer(), bounds.maxTransfer());
        String note = MoneyRequests.note(command.note());
        Recipient recipient = recipient(userId, command.phone());
        String hash = Idempotency.hash("TRANSFER", recipient.userId(), command.amount(), note);
        // One read for everything checked before the money transaction: both wallets, an earlier request
        // with this key, and what the new-recipients rule needs.
        CustomerWallets.Sending sending = wallets.forSending(userId, recipient.userId(), idempotencyKey,
                risk.newRecipientsSince());
        var earlier = sending.earlier(hash);
        if (earlier.isPresent()) {
            return new MoneyTransactions.Outcome(earlier.get(), true);
        }
        CustomerWallets.Wallet sender = sending.sender();
        if (sender.locked()) {
            throw new ProblemException("wallet-locked", FailureKind.FORBIDDEN);
        }
        if (!limits.tier(sender.tier()).canSendPeerToPeer()) {
            throw new ProblemException("transfer-needs-verification", FailureKind.FORBIDDEN);
        }
        pins.verify(sender, command.pin(), client);
        risk.beforeOutgoing(sender, command.amount());
        boolean knownPayee = risk.beforeTransfer(userId, sending.knownPayee(), sending.recentPayees());
        CustomerWallets.Wallet target = sending.recipient();
        String senderLabel = labels.of(userId);
        long amount = command.amount();
        TransactionLog.NewTransaction record = new TransactionLog.NewTransaction(TransactionKind.TRANSFER,
                TransactionStatus.COMPLETED, userId, senderLabel, recipient.userId(), recipient.maskedName(), null, null,
                null, amount, 0, note, null, null, null, null);
        Bookings.Booking booking = new Bookings.Booking(record, "TRANSFER",
                List.of(new Ledger.Leg(sender.accountId(), -amount), new Ledger.Leg(target.accountId(), amount)),
                knownPayee ? null : recipient.userId(),
                AuditEntry.of("WALLET_TRANSFER", userId, "CUSTOMER", userId, "to=" + recipient.userId() + " amount=" + amount,
                        client), idempotencyKey, hash);
        MoneyTransactions.Outcome outcome = money.runBooked(userId, idempotencyKey, hash, () -> {
            // Locks in ascending id order; the limit is checked and counted with the recipient's account locked.
            Ledger.Locked locked = ledger.lock(List.of(sender.accountId(), target.accountId()));
            if (limits.admitIncoming(locked.get(target.accountId()).balance(), target.accountId(), target.tier(), amount) != null) {
                throw ProblemException.forField("recipient-limit", FailureKind.UNPROCESSABLE, "amount");
            }
            TransactionView view;
            try {
                view = bookings.book(locked, booking);
            } catch (Ledger.InsufficientFunds insufficient) {
                throw ProblemException.forField("insufficient-balance", FailureKind.UNPROCESSABLE, "amount",
                        Money.format(insufficient.available()));
            }
            // Inside the transaction: module listeners run after commit.
            events.publishEvent(new TransferCompleted(view.id(), userId, recipient.userId(), amount));
            return view;
        });
        return outcome;
    }
}
