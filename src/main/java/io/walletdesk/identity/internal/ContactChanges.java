package io.walletdesk.identity.internal;

import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.outbox.OutboundMessage;
import io.walletdesk.shared.outbox.OutboundMessages;
import io.walletdesk.shared.ratelimit.RateLimiter;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Changing the phone number or e-mail address: the password (and TOTP when enabled) proves it is the user,
 * and a code sent to the new contact proves they own it. The old contact is told.
 */
@Service
class ContactChanges {

    static final int MAX_ATTEMPTS = 5;

    /** Which contact changes. */
    public enum Kind { PHONE, EMAIL }

    private final UserAccountRepository users;
    private final PasswordHashing passwords;
    private final TransactionTemplate transactions;
    private final TwoFactor twoFactor;
    private final JdbcClient jdbc;
    private final OutboundMessages outbox;
    private final Notifications notifications;
    private final RateLimiter rateLimiter;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final IdentityProperties properties;
    private final Clock clock;

    ContactChanges(UserAccountRepository users, PasswordHashing passwords, TransactionTemplate transactions, TwoFactor twoFactor, JdbcClient jdbc,
            OutboundMessages outbox, Notifications notifications, RateLimiter rateLimiter, AuditTrail audit,
            MessageSource messages, IdentityProperties properties, Clock clock) {
        this.users = users;
        this.transactions = transactions;
        this.passwords = passwords;
        this.twoFactor = twoFactor;
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.notifications = notifications;
        this.rateLimiter = rateLimiter;
        this.audit = audit;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** The password is checked before the transaction (Argon2 must not hold a database connection). */
    public Started start(long userId, Kind kind, String newValue, String password, String totpCode, ClientInfo client) {
        var limit = rateLimiter.hit("contact-change:" + userId, 5, Duration.ofMinutes(15));
        if (!limit.allowed()) {
            throw new ProblemException("rate-limited", FailureKind.RATE_LIMITED, null,
                    new Object[] {Math.max(1, (limit.retryAfterSeconds() + 59) / 60)}, Map.of("retryAfterSeconds", limit.retryAfterSeconds()));
        }
        UserAccount checked = users.findById(userId).orElseThrow();
        if (!passwords.matches(password, checked.passwordHash())) {
            throw ProblemException.forField("wrong-password", FailureKind.INVALID, "password");
        }
        // A refusal inside still commits (a second-factor code it consumed stays used), as before.
        Object outcome = transactions.execute(status -> {
            try {
                return startChecked(userId, kind, newValue, totpCode, client);
            } catch (ProblemException refused) {
                return refused;
            }
        });
        if (outcome instanceof ProblemException refused) {
            throw refused;
        }
        return (Started) outcome;
    }

    private Started startChecked(long userId, Kind kind, String newValue, String totpCode, ClientInfo client) {
        UserAccount user = users.findById(userId).orElseThrow();
        if (user.totpEnabled() && !twoFactor.verify(user, totpCode, clock.instant())) {
            throw ProblemException.forField("invalid-second-factor", FailureKind.INVALID, "code");
        }
        String value = normalise(kind, newValue);
        ensureFree(kind, value, userId);
        String code = Hashes.randomDigits(6);
        Instant now = clock.instant();
        Instant expires = now.plus(properties.contactCodeTtl());
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO contact_changes (user_id, kind, new_value, code_hash, created_at, expires_at)
                VALUES (:user, :kind, :value, :hash, :now, :expires)""")
                .param("user", userId).param("kind", kind.name()).param("value", value)
                .param("hash", Hashes.sha256(code)).param("now", Timestamp.from(now))
                .param("expires", Timestamp.from(expires)).update(keys, "id");
        var locale = user.language().locale();
        String subject = messages.getMessage("contact.code.subject", null, locale);
        String body = messages.getMessage("contact.code.body", new Object[] {code, properties.contactCodeTtl().toMinutes()},
                locale);
        outbox.queue(new OutboundMessage(kind == Kind.EMAIL ? OutboundMessage.Channel.EMAIL : OutboundMessage.Channel.SMS,
                value, subject, body, "CONTACT_VERIFICATION"));
        audit.record(AuditEntry.of("CONTACT_CHANGE_REQUESTED", userId, user.role().name(), userId, kind.name(), client));
        return new Started(keys.getKey().longValue(), kind, mask(kind, value), expires);
    }

    @Transactional(noRollbackFor = ProblemException.class)
    public void confirm(long userId, long changeId, String code, ClientInfo client) {
        var change = jdbc.sql("""
                SELECT kind, new_value, code_hash, attempts, expires_at, completed_at FROM contact_changes
                WHERE id = :id AND user_id = :user""")
                .param("id", changeId).param("user", userId)
                .query((rs, n) -> new Pending(Kind.valueOf(rs.getString("kind")), rs.getString("new_value"),
                        rs.getString("code_hash"), rs.getInt("attempts"), rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("completed_at") != null))
                .optional().orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        if (change.completed() || change.expiresAt().isBefore(clock.instant()) || change.attempts() >= MAX_ATTEMPTS) {
            throw ProblemException.forField("contact-code-expired", FailureKind.GONE, "code");
        }
        if (code == null || !java.security.MessageDigest.isEqual(Hashes.sha256(code.trim()).getBytes(),
                change.codeHash().getBytes())) {
            jdbc.sql("UPDATE contact_changes SET attempts = attempts + 1 WHERE id = :id").param("id", changeId).update();
            throw ProblemException.forField("contact-code-wrong", FailureKind.INVALID, "code");
        }
        ensureFree(change.kind(), change.newValue(), userId);
        UserAccount user = users.findById(userId).orElseThrow();
        String previous = change.kind() == Kind.PHONE ? user.phone() : user.email();
        if (change.kind() == Kind.PHONE) {
            user.changePhone(change.newValue());
        } else {
            user.changeEmail(change.newValue());
        }
        users.save(user);
        jdbc.sql("UPDATE contact_changes SET completed_at = :now WHERE id = :id")
                .param("now", Timestamp.from(clock.instant())).param("id", changeId).update();
        audit.record(AuditEntry.of("CONTACT_CHANGED", userId, user.role().name(), userId,
                change.kind() + " " + mask(change.kind(), previous) + " -> " + mask(change.kind(), change.newValue()),
                client));
        notifications.notify(userId,
                change.kind() == Kind.PHONE ? Notifications.Kind.PHONE_CHANGED : Notifications.Kind.EMAIL_CHANGED,
                mask(change.kind(), change.newValue()));
    }

    private String normalise(Kind kind, String value) {
        return kind == Kind.PHONE ? ContactFormats.requirePhone(value, "newValue")
                : ContactFormats.requireEmail(value, "newValue");
    }

    private void ensureFree(Kind kind, String value, long userId) {
        var owner = kind == Kind.PHONE ? users.findByPhone(value) : users.findByEmail(value);
        if (owner.isPresent()) {
            throw ProblemException.forField(kind == Kind.PHONE ? "phone-taken" : "email-taken", FailureKind.CONFLICT,
                    "newValue");
        }
    }

    static String mask(Kind kind, String value) {
        if (value == null) {
            return "-";
        }
        if (kind == Kind.PHONE) {
            return ContactFormats.maskPhone(value);
        }
        int at = value.indexOf('@');
        return at <= 1 ? value : value.charAt(0) + "***" + value.substring(at);
    }

    /** A started change: where the code went (masked) and until when it is valid. */
    public record Started(long id, Kind kind, String maskedDestination, Instant expiresAt) {
    }

    private record Pending(Kind kind, String newValue, String codeHash, int attempts, Instant expiresAt,
            boolean completed) {
    }
}
