package io.walletdesk.ledger.internal;

import io.walletdesk.identity.AccountStatus;
import io.walletdesk.identity.Accounts;
import io.walletdesk.identity.LockAccount;
import io.walletdesk.identity.LockReason;
import io.walletdesk.ledger.SuspiciousActivityDetected;
import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Suspicious-activity rules (thresholds in {@code walletdesk.wallet.rules.*}). A rule that fires locks the
 * account through identity (so the customer keeps a support-only session and is told why) and refuses the
 * operation that tripped it.
 */
@Component
class RiskRules {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final WalletProperties properties;
    private final Accounts accounts;
    private final CustomerWallets wallets;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate newTransaction;

    RiskRules(JdbcClient jdbc, Clock clock, WalletProperties properties, Accounts accounts, CustomerWallets wallets,
            AuditTrail audit, ApplicationEventPublisher events, PlatformTransactionManager tm) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.accounts = accounts;
        this.wallets = wallets;
        this.audit = audit;
        this.events = events;
        this.newTransaction = new TransactionTemplate(tm);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Many wrong PINs within the window: brute force. */
    void afterPinFailure(long userId) {
        Instant since = clock.instant().minus(properties.rules().pinFailuresWindow());
        long failures = jdbc.sql("SELECT COUNT(*) FROM wallet_pin_failure WHERE user_id = :user AND occurred_at > :since")
                .param("user", userId).param("since", Timestamp.from(since)).query(Long.class).single();
        if (failures >= properties.rules().maxPinFailures()) {
            lock(userId, "MANY_WRONG_PINS", LockReason.CREDENTIAL_BRUTE_FORCE);
        }
    }

    /** Before money leaves a wallet: a large amount right after a sign-in from a new device. */
    public void beforeOutgoing(CustomerWallets.Wallet wallet, long amount) {
        Instant newDevice = wallet.lastNewDeviceAt();
        if (newDevice != null && amount >= properties.rules().newDeviceLargeAmount()
                && newDevice.isAfter(clock.instant().minus(properties.rules().newDeviceWindow()))) {
            lock(wallet.userId(), "NEW_DEVICE_LARGE_AMOUNT", LockReason.NEW_DEVICE_LARGE_TRANSACTION);
            throw new ProblemException("wallet-locked-suspicious", FailureKind.FORBIDDEN);
        }
    }

    /**
     * Before a transfer: too many new recipients in a short time.
     *
     * @return whether the recipient is a known payee (then {@link #rememberPayee} has nothing to do)
     */
    public boolean beforeTransfer(long userId, long recipientUserId) {
        boolean known = jdbc.sql("SELECT COUNT(*) FROM wallet_payee WHERE user_id = :user AND payee_user_id = :payee")
                .param("user", userId).param("payee", recipientUserId).query(Long.class).single() > 0;
        long recent = known ? 0 : jdbc.sql("SELECT COUNT(*) FROM wallet_payee WHERE user_id = :user AND first_paid_at > :since")
                .param("user", userId).param("since", Timestamp.from(newRecipientsSince())).query(Long.class).single();
        return beforeTransfer(userId, known, recent);
    }

    /** Where the new-recipients window starts now. */
    Instant newRecipientsSince() {
        return clock.instant().minus(properties.rules().newRecipientsWindow());
    }

    /**
     * As {@link #beforeTransfer(long, long)} with the payee facts already read ({@link CustomerWallets#forSending}):
     * whether the recipient is a known payee, and how many new payees since {@link #newRecipientsSince()}.
     */
    boolean beforeTransfer(long userId, boolean known, long recent) {
        if (known) {
            return true;
        }
        if (recent >= properties.rules().maxNewRecipients()) {
            lock(userId, "MANY_NEW_RECIPIENTS", LockReason.UNUSUAL_VELOCITY);
            throw new ProblemException("wallet-locked-suspicious", FailureKind.FORBIDDEN);
        }
        return false;
    }

    /**
     * Inside the transfer's transaction (the sender's account is locked, so no other transfer of this
     * sender races us): remember a first-time payee.
     */
    void rememberPayee(long userId, long recipientUserId) {
        // One statement; inserts nothing when a parallel transfer (committed before we took the lock) did.
        jdbc.sql("""
                MERGE INTO wallet_payee p USING (VALUES (CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS TIMESTAMP WITH TIME ZONE))) AS s (u, payee, at)
                ON p.user_id = s.u AND p.payee_user_id = s.payee
                WHEN NOT MATCHED THEN INSERT (user_id, payee_user_id, first_paid_at) VALUES (s.u, s.payee, s.at)""")
                .params(userId, recipientUserId, Timestamp.from(clock.instant())).update();
    }

    private void lock(long userId, String rule, LockReason reason) {
        try {
            accounts.lock(new LockAccount(userId, reason, "wallet rule " + rule, null));
        } catch (OptimisticLockingFailureException concurrent) {
            // Parallel requests can trip the same rule at once; one lock is enough, a failure here is not the customer's.
            if (accounts.find(userId).map(a -> a.status() == AccountStatus.ACTIVE).orElse(true)) {
                throw concurrent;
            }
            return;
        }
        newTransaction.executeWithoutResult(status -> {
            wallets.setLocked(userId, true);
            audit.record(AuditEntry.of("WALLET_RULE_LOCKED", null, "SYSTEM", userId, "rule=" + rule + " reason=" + reason,
                    ClientInfo.system()));
            events.publishEvent(new SuspiciousActivityDetected(userId, rule, reason.name()));
        });
    }
}
