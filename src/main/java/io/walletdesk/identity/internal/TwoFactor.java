package io.walletdesk.identity.internal;

import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.crypto.SecretBox;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** TOTP enrolment (with QR code), ten one-time recovery codes, and verification of either at sign-in. */
@Service
class TwoFactor {

    static final String ISSUER = "WalletDesk";
    static final int RECOVERY_CODES = 10;

    private final UserAccountRepository users;
    private final SecretBox secrets;
    private final JdbcClient jdbc;
    private final PasswordHashing passwords;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final Clock clock;

    TwoFactor(UserAccountRepository users, SecretBox secrets, JdbcClient jdbc, PasswordHashing passwords,
            TransactionTemplate transactions, AuditTrail audit, Notifications notifications, Clock clock) {
        this.transactions = transactions;
        this.users = users;
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
    }

    /**
     * Starts enrolment, or continues the one in progress so a QR code already scanned stays valid: the
     * secret the user puts into their authenticator app.
     */
    @Transactional
    public Enrolment start(long userId) {
        UserAccount user = users.findById(userId).orElseThrow();
        String secret;
        if (user.totpSecret() != null && !user.totpEnabled()) {
            secret = secrets.open(user.totpSecret());
        } else {
            secret = Totp.newSecret();
            user.startTotpEnrolment(secrets.seal(secret));
            users.save(user);
        }
        String account = user.email() != null ? user.email() : user.phone();
        String uri = Totp.otpauthUri(ISSUER, account, secret);
        return new Enrolment(secret, uri, QrCodes.of(uri));
    }

    /** Confirms enrolment with a first code; returns the recovery codes, shown once. */
    @Transactional
    public List<String> enable(long userId, String code, ClientInfo client) {
        UserAccount user = users.findById(userId).orElseThrow();
        if (user.totpEnabled()) {
            throw new ProblemException("totp-already-enabled", FailureKind.CONFLICT);
        }
        if (user.totpSecret() == null) {
            throw new ProblemException("totp-not-started", FailureKind.CONFLICT);
        }
        OptionalLong step = Totp.matchingStep(secrets.open(user.totpSecret()), code, clock.instant());
        if (step.isEmpty()) {
            throw ProblemException.forField("invalid-second-factor", FailureKind.INVALID, "code");
        }
        user.enableTotp(step.getAsLong());
        users.save(user);
        List<String> codes = replaceRecoveryCodes(userId);
        audit.record(AuditEntry.of("TWO_FACTOR_ENABLED", userId, user.role().name(), userId, null, client));
        notifications.notify(userId, Notifications.Kind.TWO_FACTOR_ENABLED, null);
        return codes;
    }

    /**
     * Turning the second factor off needs the password and a current code (or recovery code). The password
     * is checked before the transaction starts (Argon2 must not hold a connection).
     */
    public void disable(long userId, String password, String code, ClientInfo client) {
        UserAccount checked = users.findById(userId).orElseThrow();
        if (!passwords.matches(password, checked.passwordHash())) {
            throw ProblemException.forField("wrong-password", FailureKind.INVALID, "password");
        }
        transactions.executeWithoutResult(status -> disableChecked(userId, checked.passwordHash(), code, client));
    }

    private void disableChecked(long userId, String checkedHash, String code, ClientInfo client) {
        UserAccount user = users.findById(userId).orElseThrow();
        if (!user.totpEnabled()) {
            throw new ProblemException("totp-not-enabled", FailureKind.CONFLICT);
        }
        if (!user.passwordHash().equals(checkedHash)) {
            throw ProblemException.forField("wrong-password", FailureKind.INVALID, "password");
        }
        if (!verify(user, code, clock.instant())) {
            throw ProblemException.forField("invalid-second-factor", FailureKind.INVALID, "code");
        }
        user.disableTotp();
        users.save(user);
        jdbc.sql("DELETE FROM recovery_codes WHERE user_id = :user").param("user", userId).update();
        audit.record(AuditEntry.of("TWO_FACTOR_DISABLED", userId, user.role().name(), userId, null, client));
        notifications.notify(userId, Notifications.Kind.TWO_FACTOR_DISABLED, null);
    }

    /** Checks a TOTP code (not replayable) or consumes a recovery code; either is used up when accepted. */
    boolean verify(UserAccount user, String code, Instant now) {
        if (code == null || code.isBlank() || user.totpSecret() == null) {
            return false;
        }
        String trimmed = code.trim();
        if (trimmed.matches("\\d{3}\\s?\\d{3}")) {
            OptionalLong step = Totp.matchingStep(secrets.open(user.totpSecret()), trimmed.replace(" ", ""), now);
            // Atomic, so that parallel requests with one observed code cannot both use it. The version moves
            // on, so a stale save of the account cannot put an older step back.
            return step.isPresent() && jdbc.sql("""
                    UPDATE users SET totp_last_step = :step, version = version + 1
                    WHERE id = :user AND totp_enabled AND (totp_last_step IS NULL OR totp_last_step < :step)""")
                    .param("step", step.getAsLong()).param("user", user.id()).update() == 1;
        }
        return jdbc.sql("""
                UPDATE recovery_codes SET used_at = :at
                WHERE user_id = :user AND code_hash = :hash AND used_at IS NULL""")
                .param("at", Timestamp.from(now)).param("user", user.id())
                .param("hash", Hashes.sha256(trimmed.toLowerCase(java.util.Locale.ROOT)))
                .update() == 1;
    }

    public int remainingRecoveryCodes(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM recovery_codes WHERE user_id = :user AND used_at IS NULL")
                .param("user", userId).query(Integer.class).single();
    }

    private List<String> replaceRecoveryCodes(long userId) {
        jdbc.sql("DELETE FROM recovery_codes WHERE user_id = :user").param("user", userId).update();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            String code = Hashes.recoveryCode();
            codes.add(code);
            jdbc.sql("INSERT INTO recovery_codes (user_id, code_hash) VALUES (:user, :hash)")
                    .param("user", userId).param("hash", Hashes.sha256(code)).update();
        }
        return codes;
    }

    /** A started enrolment: the secret for manual entry, the otpauth URI and its QR code as SVG. */
    public record Enrolment(String secret, String otpauthUri, QrCodes.QrCode qr) {

        /** The secret in groups of four, to read and type on a phone (authenticator apps ignore the spaces). */
        public String groupedSecret() {
            return secret.replaceAll("(.{4})(?!$)", "$1 ");
        }
    }
}
