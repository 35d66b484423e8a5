package io.walletdesk.ledger.internal;

import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The 6-digit transaction PIN. Stored as HMAC-SHA256 keyed with a server-side pepper over a per-wallet
 * salt: a PIN has only a million values, so a slow hash alone would not protect a leaked table; the
 * pepper (kept outside the database) and the attempt limit do. Three wrong PINs in a row block payments
 * for 60 minutes; many wrong PINs in a day trip a suspicious-activity rule.
 */
@Component
class Pins {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final WalletProperties properties;
    private final CustomerWallets wallets;
    private final AuditTrail audit;
    private final TransactionTemplate newTransaction;
    private final RiskRules risk;

    Pins(JdbcClient jdbc, Clock clock, WalletProperties properties, CustomerWallets wallets, AuditTrail audit,
            PlatformTransactionManager tm, RiskRules risk) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.wallets = wallets;
        this.audit = audit;
        this.risk = risk;
        this.newTransaction = new TransactionTemplate(tm);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Sets or changes the PIN; changing needs the current one. */
    public void set(long userId, String currentPin, String newPin, ClientInfo client) {
        requireFormat(newPin, "pin");
        if (newPin.chars().distinct().count() == 1 || "0123456789".contains(newPin) || "9876543210".contains(newPin)) {
            throw ProblemException.forField("pin-too-simple", FailureKind.INVALID, "pin");
        }
        CustomerWallets.Wallet wallet = wallets.open(userId);
        if (wallet.pinSet()) {
            verify(userId, currentPin, client);
        }
        byte[] saltBytes = new byte[16];
        RANDOM.nextBytes(saltBytes);
        String salt = HexFormat.of().formatHex(saltBytes);
        jdbc.sql("UPDATE wallet SET pin_hash = :hash, pin_salt = :salt, pin_failures = 0, pin_blocked_until = NULL WHERE user_id = :user")
                .param("hash", hash(userId, salt, newPin)).param("salt", salt).param("user", userId).update();
        audit.record(AuditEntry.of(wallet.pinSet() ? "WALLET_PIN_CHANGED" : "WALLET_PIN_SET", userId, "CUSTOMER",
                userId, null, client));
    }

    /**
     * Checks the PIN before a payment. A wrong PIN is counted in its own transaction, so the count survives
     * the failed payment.
     */
    public void verify(long userId, String pin, ClientInfo client) {
        verify(wallets.open(userId), pin, client);
    }

    /**
     * As {@link #verify(long, String, ClientInfo)}. The wallet may have been read before a parallel request
     * set the block, so the PIN state is read again under the wallet's row lock: parallel guesses are
     * counted one after another and none is decided on an earlier look.
     */
    public void verify(CustomerWallets.Wallet wallet, String pin, ClientInfo client) {
        long userId = wallet.userId();
        int max = properties.pin().maxFailures();
        Instant now = clock.instant();
        if (correctAndUnblocked(wallet, pin, now)) {
            return;
        }
        Check check = newTransaction.execute(status -> {
            PinState state = jdbc.sql("""
                    SELECT pin_hash, pin_salt, pin_failures, pin_blocked_until FROM wallet WHERE user_id = :user FOR UPDATE""")
                    .param("user", userId)
                    .query((rs, n) -> new PinState(rs.getString(1), rs.getString(2), rs.getInt(3),
                            rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant()))
                    .single();
            if (state.hash() == null) {
                throw ProblemException.forField("pin-not-set", FailureKind.CONFLICT, "pin");
            }
            if (state.blockedUntil() != null && state.blockedUntil().isAfter(now)) {
                throw blocked(state.blockedUntil(), now);
            }
            requireFormat(pin, "pin");
            boolean matches = MessageDigest.isEqual(state.hash().getBytes(StandardCharsets.US_ASCII),
                    hash(userId, state.salt(), pin).getBytes(StandardCharsets.US_ASCII));
            if (matches) {
                if (state.failures() > 0) {
                    jdbc.sql("UPDATE wallet SET pin_failures = 0 WHERE user_id = :user").param("user", userId).update();
                }
                return null;
            }
            jdbc.sql("INSERT INTO wallet_pin_failure (user_id, occurred_at) VALUES (?, ?)").params(userId, Timestamp.from(now)).update();
            int failures = state.failures() + 1;
            Instant until = null;
            if (failures >= max) {
                until = now.plus(properties.pin().block());
                jdbc.sql("UPDATE wallet SET pin_failures = 0, pin_blocked_until = :until WHERE user_id = :user")
                        .param("until", Timestamp.from(until)).param("user", userId).update();
            } else {
                jdbc.sql("UPDATE wallet SET pin_failures = :failures WHERE user_id = :user")
                        .param("failures", failures).param("user", userId).update();
            }
            return new Check(failures, until);
        });
        if (check == null) {
            return;
        }
        audit.record(AuditEntry.of("WALLET_PIN_WRONG", userId, "CUSTOMER", userId,
                check.blockedUntil() == null ? null : "payments blocked until " + check.blockedUntil(), client));
        risk.afterPinFailure(userId);
        if (check.blockedUntil() != null) {
            throw blocked(check.blockedUntil(), now);
        }
        throw ProblemException.forField("pin-wrong", FailureKind.FORBIDDEN, "pin", max - check.failures());
    }

    /**
     * The common case in one statement: the PIN matches the wallet as read, no failures are pending and no
     * block is set. Confirmed with the row lock taken and released by one autocommit statement, which waits
     * for a parallel wrong-PIN transaction and re-checks the row as it committed, so a guess racing the block
     * is never decided on an earlier look. Anything else takes the transactional path below.
     */
    private boolean correctAndUnblocked(CustomerWallets.Wallet wallet, String pin, Instant now) {
        if (wallet.pinHash() == null || wallet.pinFailures() != 0 || pin == null || !PIN_FORMAT.matcher(pin).matches()
                || (wallet.pinBlockedUntil() != null && wallet.pinBlockedUntil().isAfter(now))
                || TransactionSynchronizationManager.isActualTransactionActive()) {
            return false;
        }
        String expected = hash(wallet.userId(), wallet.pinSalt(), pin);
        if (!MessageDigest.isEqual(wallet.pinHash().getBytes(StandardCharsets.US_ASCII),
                expected.getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        return jdbc.sql("""
                SELECT user_id FROM wallet WHERE user_id = ? AND pin_hash = ? AND pin_failures = 0
                AND (pin_blocked_until IS NULL OR pin_blocked_until <= ?) FOR UPDATE""")
                .params(wallet.userId(), expected, Timestamp.from(now)).query(Long.class).optional().isPresent();
    }

    private static final java.util.regex.Pattern PIN_FORMAT = java.util.regex.Pattern.compile("\\d{6}");

    private record PinState(String hash, String salt, int failures, Instant blockedUntil) {
    }

    /** A wrong PIN: the failures in a row so far, and the end of the block it set (or null). */
    private record Check(int failures, Instant blockedUntil) {
    }

    private static ProblemException blocked(Instant until, Instant now) {
        long seconds = Math.max(1, Duration.between(now, until).toSeconds());
        return new ProblemException("pin-blocked", FailureKind.FORBIDDEN, "pin", new Object[] {(seconds + 59) / 60},
                Map.of("retryAfterSeconds", seconds, "blockedUntil", until.toString()));
    }

    private static void requireFormat(String pin, String field) {
        if (pin == null || !pin.matches("\\d{6}")) {
            throw ProblemException.forField("pin-format", FailureKind.INVALID, field);
        }
    }

    private String hash(long userId, String salt, String pin) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(properties.pin().pepper().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((salt + ":" + userId + ":" + pin).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
