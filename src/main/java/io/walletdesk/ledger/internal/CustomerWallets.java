package io.walletdesk.ledger.internal;

import io.walletdesk.ledger.WalletOpened;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Customer wallets: one CUSTOMER ledger account (floor 0) per customer, with tier, status and PIN. */
@Component
class CustomerWallets {

    /** A wallet's own standing; a locked wallet neither pays nor sends. */
    enum WalletStatus { ACTIVE, LOCKED }


    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate newTransaction;

    CustomerWallets(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, PlatformTransactionManager tm) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.newTransaction = new TransactionTemplate(tm);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A wallet as stored. */
    public record Wallet(long userId, long accountId, WalletTier tier, boolean locked, boolean pinSet,
            int pinFailures, Instant pinBlockedUntil, Instant lastNewDeviceAt, String pinHash, String pinSalt) {

        @Override
        public String toString() {
            return "Wallet[userId=" + userId + ", accountId=" + accountId + ", tier=" + tier + ", locked=" + locked + "]";
        }
    }

    public Optional<Wallet> find(long userId) {
        return jdbc.sql("""
                SELECT user_id, account_id, tier, status, pin_hash, pin_salt, pin_failures, pin_blocked_until, last_new_device_at
                FROM wallet WHERE user_id = :user""").param("user", userId)
                .query((rs, n) -> wallet(rs)).optional();
    }

    /**
     * What a payment or transfer checks before its money transaction, in one read: the sender's wallet, the
     * recipient's (when {@code recipientUserId} is not null), the request an idempotency key already produced,
     * whether the recipient is a known payee and how many new payees the sender has had since {@code since}.
     * Wallets not opened yet are opened first.
     */
    public Sending forSending(long senderUserId, Long recipientUserId, String idempotencyKey, Instant since) {
        Sending sending = readSending(senderUserId, recipientUserId, idempotencyKey, since);
        if (sending.sender() == null || (recipientUserId != null && sending.recipient() == null)) {
            open(senderUserId);
            if (recipientUserId != null) {
                open(recipientUserId);
            }
            sending = readSending(senderUserId, recipientUserId, idempotencyKey, since);
        }
        return sending;
    }

    /** See {@link #forSending}. */
    public record Sending(Wallet sender, Wallet recipient, String earlierHash, Long earlierTransactionId,
            boolean knownPayee, long recentPayees) {

        /**
         * The transaction an earlier request with this key produced.
         *
         * @throws io.walletdesk.shared.failure.ProblemException (conflict) when the key was used for another request
         */
        public Optional<Long> earlier(String requestHash) {
            return Idempotency.earlier(earlierHash, earlierTransactionId, requestHash);
        }
    }

    private Sending readSending(long senderUserId, Long recipientUserId, String key, Instant since) {
        long other = recipientUserId == null ? senderUserId : recipientUserId;
        Wallet[] found = new Wallet[2];
        Object[] facts = new Object[4];
        jdbc.sql("""
                SELECT w.user_id, w.account_id, w.tier, w.status, w.pin_hash, w.pin_salt, w.pin_failures,
                    w.pin_blocked_until, w.last_new_device_at, k.request_hash, k.transaction_id,
                    CASE WHEN w.user_id = :sender AND :other <> :sender THEN (SELECT COUNT(*) FROM wallet_payee p
                        WHERE p.user_id = w.user_id AND p.payee_user_id = :other) ELSE 0 END AS known_payee,
                    CASE WHEN w.user_id = :sender AND :other <> :sender THEN (SELECT COUNT(*) FROM wallet_payee p
                        WHERE p.user_id = w.user_id AND p.first_paid_at > :since) ELSE 0 END AS recent_payees
                FROM wallet w LEFT JOIN wallet_idempotency_key k ON k.user_id = w.user_id AND k.idem_key = :key
                    AND w.user_id = :sender
                WHERE w.user_id IN (:sender, :other)""")
                .param("sender", senderUserId).param("other", other).param("key", key)
                .param("since", Timestamp.from(since))
                .query((rs, n) -> {
                    Wallet wallet = wallet(rs);
                    if (wallet.userId() == senderUserId) {
                        found[0] = wallet;
                        facts[0] = rs.getString("request_hash");
                        facts[1] = rs.getObject("transaction_id", Long.class);
                        facts[2] = rs.getLong("known_payee") > 0;
                        facts[3] = rs.getLong("recent_payees");
                    }
                    if (recipientUserId != null && wallet.userId() == recipientUserId) {
                        found[1] = wallet;
                    }
                    return wallet;
                }).list();
        return new Sending(found[0], found[1], (String) facts[0], (Long) facts[1],
                facts[2] != null && (Boolean) facts[2], facts[3] == null ? 0 : (Long) facts[3]);
    }

    private static Wallet wallet(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Wallet(rs.getLong("user_id"), rs.getLong("account_id"), WalletTier.valueOf(rs.getString("tier")),
                WalletStatus.valueOf(rs.getString("status")) == WalletStatus.LOCKED, rs.getString("pin_hash") != null, rs.getInt("pin_failures"),
                instant(rs.getTimestamp("pin_blocked_until")), instant(rs.getTimestamp("last_new_device_at")),
                rs.getString("pin_hash"), rs.getString("pin_salt"));
    }

    /**
     * The customer's wallet, opened now if the {@code CustomerRegistered} reaction has not run yet. Opening
     * runs in its own transaction and tolerates a concurrent opening of the same wallet.
     */
    public Wallet open(long userId) {
        Optional<Wallet> existing = find(userId);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            newTransaction.executeWithoutResult(status -> {
                Timestamp now = Timestamp.from(clock.instant());
                var key = new org.springframework.jdbc.support.GeneratedKeyHolder();
                jdbc.sql("INSERT INTO ledger_account (kind, code, floor_amount, created_at) VALUES ('CUSTOMER', ?, 0, ?)")
                        .params("customer:" + userId, now).update(key, "id");
                long accountId = key.getKey().longValue();
                jdbc.sql("INSERT INTO wallet (user_id, account_id, tier, status, created_at) VALUES (?, ?, 'UNVERIFIED', 'ACTIVE', ?)")
                        .params(userId, accountId, now).update();
                events.publishEvent(new WalletOpened(userId, accountId));
            });
        } catch (DuplicateKeyException openedConcurrently) {
            // Someone else opened it between our look-up and insert.
        }
        return find(userId).orElseThrow();
    }

    /** Mirrors identity's lock state (no wallet for staff users: then nothing changes). */
    public void setLocked(long userId, boolean locked) {
        jdbc.sql("UPDATE wallet SET status = :status WHERE user_id = :user")
                .param("status", (locked ? WalletStatus.LOCKED : WalletStatus.ACTIVE).name()).param("user", userId).update();
    }

    public void setTier(long userId, WalletTier tier) {
        open(userId);
        jdbc.sql("UPDATE wallet SET tier = :tier WHERE user_id = :user")
                .param("tier", tier.name()).param("user", userId).update();
    }

    public void newDeviceSignIn(long userId, Instant at) {
        jdbc.sql("UPDATE wallet SET last_new_device_at = :at WHERE user_id = :user")
                .param("at", Timestamp.from(at)).param("user", userId).update();
    }

    public long userIdOfAccount(long accountId) {
        return jdbc.sql("SELECT user_id FROM wallet WHERE account_id = :account").param("account", accountId)
                .query(Long.class).single();
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
