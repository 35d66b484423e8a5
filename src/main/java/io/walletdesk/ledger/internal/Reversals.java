package io.walletdesk.ledger.internal;

import io.walletdesk.ledger.TransactionStatus;
import io.walletdesk.ledger.TransactionKind;
import io.walletdesk.ledger.TransactionReversed;
import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.money.Money;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Refunds of merchant payments and reversals of transfers, by staff. Never an edit: a new journal entry
 * with every posting of the original negated, pointing to it ({@code reverses_entry_id}, unique), and a
 * new customer-facing transaction pointing to the original one (also unique), so it happens at most once.
 */
@Service
class Reversals {

    private final TransactionLog log;
    private final Ledger ledger;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    Reversals(TransactionLog log, Ledger ledger, AuditTrail audit, ApplicationEventPublisher events,
            PlatformTransactionManager tm) {
        this.log = log;
        this.ledger = ledger;
        this.audit = audit;
        this.events = events;
        this.transaction = new TransactionTemplate(tm);
    }

    public long reverse(long originalId, Long staffUserId, String actorRole, String note, ClientInfo client) {
        try {
            return transaction.execute(status -> {
                TransactionLog.Row original = log.lockForUpdate(originalId)
                        .orElseThrow(() -> new ProblemException("transaction-not-found", FailureKind.NOT_FOUND));
                if (original.status() == TransactionStatus.REVERSED) {
                    throw new ProblemException("already-reversed", FailureKind.CONFLICT);
                }
                Long originalEntry = original.kind() == TransactionKind.PAYMENT || original.kind() == TransactionKind.TRANSFER
                        ? log.entryOf(originalId).orElse(null) : null;
                if (original.status() != TransactionStatus.COMPLETED || originalEntry == null) {
                    throw new ProblemException("not-reversible", FailureKind.CONFLICT);
                }
                List<Ledger.Leg> legs = ledger.legsOf(originalEntry).stream()
                        .map(leg -> new Ledger.Leg(leg.accountId(), -leg.amount())).toList();
                Ledger.Locked locked = ledger.lock(legs.stream().map(Ledger.Leg::accountId).toList());
                TransactionView view = log.find(originalId).orElseThrow();
                TransactionKind kind = original.kind() == TransactionKind.PAYMENT ? TransactionKind.REFUND : TransactionKind.REVERSAL;
                long reversalId = log.create(new TransactionLog.NewTransaction(kind, TransactionStatus.COMPLETED,
                        original.userId(), view.userLabel(), original.counterpartyUserId(), view.counterpartyLabel(),
                        original.merchantId(), null, null, original.amount(), 0, note, null, null, originalId, null),
                        "CREATED", "COMPLETED").id();
                long entryId;
                try {
                    entryId = ledger.post(locked, kind.name(), reversalId, originalEntry, legs);
                } catch (Ledger.InsufficientFunds insufficient) {
                    throw new ProblemException("reversal-insufficient-balance", FailureKind.CONFLICT,
                            Money.format(insufficient.available()));
                }
                log.setEntry(reversalId, entryId, null);
                log.change(originalId, TransactionStatus.REVERSED, "REVERSED",
                        kind == TransactionKind.REFUND ? "REFUNDED" : "REVERSED", null, null, null);
                audit.record(AuditEntry.of("WALLET_" + kind.name(), staffUserId, actorRole, original.userId(),
                        "original=" + originalId + " new=" + reversalId + " amount=" + original.amount(), client));
                events.publishEvent(new TransactionReversed(originalId, reversalId, original.userId(), original.amount(),
                        kind.name()));
                return reversalId;
            });
        } catch (DuplicateKeyException reversedConcurrently) {
            throw new ProblemException("already-reversed", FailureKind.CONFLICT);
        }
    }
}
