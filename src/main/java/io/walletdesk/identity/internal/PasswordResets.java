package io.walletdesk.identity.internal;

import io.walletdesk.identity.PasswordChanged;
import io.walletdesk.identity.Role;
import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.shared.outbox.OutboundMessage;
import io.walletdesk.shared.outbox.OutboundMessages;
import io.walletdesk.shared.ratelimit.RateLimiter;
import io.walletdesk.shared.web.ClientInfo;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Self-service password reset (issue 17, ADR 0019): a one-time code goes through the outbox to the phone or
 * e-mail on file that the customer typed; the code (and the second factor where it is on) sets a new password,
 * and every session and token of the account ends. The first step gives the same answer, with the same
 * database work, whether or not an account matches; only then is a code actually sent.
 */
@Service
class PasswordResets {

    static final int MAX_ATTEMPTS = 5;
    static final String CODE_PURPOSE = "PASSWORD_RESET_CODE";
    static final String NOTICE_PURPOSE = "PASSWORD_RESET_NOTICE";

    private final UserAccountRepository users;
    private final PasswordPolicy policy;
    private final PasswordHashing passwords;
    private final TwoFactor twoFactor;
    private final ApiTokens tokens;
    private final OtherSessions sessions;
    private final Notifications notifications;
    private final OutboundMessages outbox;
    private final RateLimiter rateLimiter;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final IdentityProperties properties;
    private final Clock clock;

    PasswordResets(UserAccountRepository users, PasswordPolicy policy, PasswordHashing passwords, TwoFactor twoFactor,
            ApiTokens tokens, OtherSessions sessions, Notifications notifications, OutboundMessages outbox,
            RateLimiter rateLimiter, AuditTrail audit, ApplicationEventPublisher events, MessageSource messages,
            TransactionTemplate transactions, JdbcClient jdbc, IdentityProperties properties, Clock clock) {
        this.users = users;
        this.policy = policy;
        this.passwords = passwords;
        this.twoFactor = twoFactor;
        this.tokens = tokens;
        this.sessions = sessions;
        this.notifications = notifications;
        this.outbox = outbox;
        this.rateLimiter = rateLimiter;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    /** Where the code would go: the kind of contact the customer typed. */
    enum Channel { SMS, EMAIL }

    /**
     * The answer to a request, the same for every identifier: an opaque ticket that names the request in the
     * second step, the channel the code goes to (what the caller typed, so nothing new is told) and its expiry.
     */
    record Requested(String ticket, Channel channel, Instant expiresAt) {
    }

    /**
     * Step one. Limited per client address and per identifier typed (both refuse with 429, for unknown
     * identifiers as for known ones); per account, requests beyond the limit are answered alike but send
     * nothing, so a customer cannot be flooded through their phone and e-mail together.
     */
    public Requested request(String identifier, ClientInfo client) {
        long started = System.nanoTime();
        try {
            return requestTimed(identifier, client);
        } finally {
            answerNoSoonerThan(started);
        }
    }

    /**
     * Both paths do the same reads and writes, except the message queued for a real account; what is left of
     * the difference (and the noise of a busy node, which could otherwise be averaged away) is hidden by a
     * floor under the answer's time ({@code password-reset-answer-floor}).
     */
    private void answerNoSoonerThan(long startedNanos) {
        long left = properties.passwordResetAnswerFloor().toNanos() - (System.nanoTime() - startedNanos);
        if (left > 0) {
            try {
                java.util.concurrent.TimeUnit.NANOSECONDS.sleep(left);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Requested requestTimed(String identifier, ClientInfo client) {
        Channel channel = identifier != null && identifier.contains("@") ? Channel.EMAIL : Channel.SMS;
        limit("password-reset-address:" + client.ip(), properties.passwordResetsPerAddress(), Duration.ofHours(1));
        String normalised = normalise(identifier, channel);
        limit("password-reset-identifier:" + normalised, properties.passwordResetsPerIdentifier(), Duration.ofHours(1));
        Optional<UserAccount> account = (channel == Channel.EMAIL ? users.findByEmail(normalised)
                : users.findByPhone(normalised)).filter(user -> user.role() == Role.CUSTOMER);
        String ticket = Hashes.randomToken("pr_");
        String code = Hashes.randomDigits(6);
        Instant now = clock.instant();
        Instant expires = now.plus(properties.passwordResetCodeTtl());
        // Counted for unknown identifiers too (under the identifier), so both paths cost one more hit.
        boolean send = rateLimiter.hit("password-reset-account:" + account.map(u -> Long.toString(u.id()))
                .orElse("unknown:" + normalised), properties.passwordResetsPerIdentifier(), Duration.ofHours(1))
                .allowed() && account.isPresent();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                    INSERT INTO password_resets (ticket_hash, user_id, channel, code_hash, created_at, expires_at)
                    VALUES (:ticket, :user, :channel, :code, :now, :expires)""")
                    .param("ticket", Hashes.sha256(ticket)).param("user", account.map(UserAccount::id).orElse(null))
                    .param("channel", channel.name()).param("code", Hashes.sha256(code))
                    .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expires)).update();
            // Audited either way: requests for identifiers without an account show probing.
            audit.record(AuditEntry.of(account.isPresent() ? "PASSWORD_RESET_REQUESTED" : "PASSWORD_RESET_UNKNOWN",
                    null, null, account.map(UserAccount::id).orElse(null), channel.name(), client));
            if (send) {
                UserAccount user = account.get();
                var locale = user.language().locale();
                outbox.queue(new OutboundMessage(OutboundMessage.Channel.valueOf(channel.name()), normalised,
                        messages.getMessage("passwordReset.code.subject", null, locale),
                        messages.getMessage("passwordReset.code.body",
                                new Object[] {code, properties.passwordResetCodeTtl().toMinutes()}, locale),
                        CODE_PURPOSE));
            }
        });
        return new Requested(ticket, channel, expires);
    }

    /**
     * Step two: the code, the new password and, where two-step verification is on, a TOTP or recovery code.
     * A wrong code or second factor counts against the request (five tries); an unknown ticket answers as a
     * wrong code does. Argon2 runs between two short transactions, never holding a connection.
     */
    public void complete(String ticket, String code, String newPassword, String otp, ClientInfo client) {
        limit("password-reset-confirm:" + client.ip(), properties.passwordResetsPerAddress() * 3, Duration.ofHours(1));
        Checked checked = transactions.execute(status -> {
            try {
                return check(ticket, code, newPassword, otp, client);
            } catch (ProblemException refused) {
                return new Checked(null, null, refused);
            }
        });
        if (checked.refused() != null) {
            throw checked.refused();
        }
        String hash = passwords.encode(newPassword);
        transactions.executeWithoutResult(status -> store(checked, hash, client));
    }

    private record Checked(Long resetId, UserAccount user, ProblemException refused) {
    }

    private record Pending(long id, Long userId, String codeHash, int attempts, Instant expiresAt, boolean completed) {
    }

    private Checked check(String ticket, String code, String newPassword, String otp, ClientInfo client) {
        Optional<Pending> found = ticket == null || ticket.isBlank() ? Optional.empty() : jdbc.sql("""
                SELECT id, user_id, code_hash, attempts, expires_at, completed_at FROM password_resets
                WHERE ticket_hash = :ticket FOR UPDATE""")
                .param("ticket", Hashes.sha256(ticket.trim()))
                .query((rs, n) -> new Pending(rs.getLong("id"), (Long) rs.getObject("user_id", Long.class),
                        rs.getString("code_hash"), rs.getInt("attempts"), rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("completed_at") != null))
                .optional();
        if (found.isEmpty()) {
            throw ProblemException.forField("reset-code-wrong", FailureKind.INVALID, "code");
        }
        Pending reset = found.get();
        if (reset.completed() || reset.expiresAt().isBefore(clock.instant()) || reset.attempts() >= MAX_ATTEMPTS) {
            throw ProblemException.forField("reset-code-expired", FailureKind.GONE, "code");
        }
        // A request without an account has a code nobody was sent: every guess is wrong, as with a real one.
        if (reset.userId() == null || code == null || !MessageDigest.isEqual(
                Hashes.sha256(code.trim()).getBytes(StandardCharsets.US_ASCII),
                reset.codeHash().getBytes(StandardCharsets.US_ASCII))) {
            countAttempt(reset.id());
            throw ProblemException.forField("reset-code-wrong", FailureKind.INVALID, "code");
        }
        UserAccount user = users.findById(reset.userId()).orElseThrow();
        // The policy names the customer's own data, so it is checked only once the code proved the contact.
        policy.check(newPassword, user.phone(), user.email(), user.displayName(), "newPassword");
        if (user.totpEnabled()) {
            if (otp == null || otp.isBlank()) {
                throw ProblemException.forField("reset-second-factor-required", FailureKind.INVALID, "otp");
            }
            if (!twoFactor.verify(user, otp, clock.instant())) {
                countAttempt(reset.id());
                audit.record(AuditEntry.of("PASSWORD_RESET_SECOND_FACTOR_FAILED", null, null, user.id(), null, client));
                throw ProblemException.forField("invalid-second-factor", FailureKind.INVALID, "otp");
            }
        }
        return new Checked(reset.id(), user, null);
    }

    private void countAttempt(long resetId) {
        jdbc.sql("UPDATE password_resets SET attempts = attempts + 1 WHERE id = :id").param("id", resetId).update();
    }

    private void store(Checked checked, String hash, ClientInfo client) {
        Instant now = clock.instant();
        int claimed = jdbc.sql("UPDATE password_resets SET completed_at = :now WHERE id = :id AND completed_at IS NULL")
                .param("now", Timestamp.from(now)).param("id", checked.resetId()).update();
        if (claimed != 1) {
            // A parallel request with the same code finished first.
            throw ProblemException.forField("reset-code-expired", FailureKind.GONE, "code");
        }
        long userId = checked.user().id();
        UserAccount user = users.findById(userId).orElseThrow();
        user.changePassword(hash);
        users.save(user);
        // Other open requests of this account die with this one.
        jdbc.sql("UPDATE password_resets SET completed_at = :now WHERE user_id = :user AND completed_at IS NULL")
                .param("now", Timestamp.from(now)).param("user", userId).update();
        tokens.revokeAll(userId);
        sessions.endAll(userId);
        // Chat tokens and sockets end with it (synchronous listeners in chat).
        events.publishEvent(new PasswordChanged(userId));
        audit.record(AuditEntry.of("PASSWORD_RESET", userId, user.role().name(), userId, null, client));
        notifications.notify(userId, Notifications.Kind.PASSWORD_RESET, client.device().label());
        var locale = user.language().locale();
        String subject = messages.getMessage("passwordReset.notice.subject", null, locale);
        String body = messages.getMessage("passwordReset.notice.body", null, locale);
        if (user.phone() != null) {
            outbox.queue(new OutboundMessage(OutboundMessage.Channel.SMS, user.phone(), subject, body, NOTICE_PURPOSE));
        }
        if (user.email() != null) {
            outbox.queue(new OutboundMessage(OutboundMessage.Channel.EMAIL, user.email(), subject, body, NOTICE_PURPOSE));
        }
    }

    private void limit(String bucket, int limit, Duration window) {
        var decision = rateLimiter.hit(bucket, limit, window);
        if (!decision.allowed()) {
            throw new ProblemException("rate-limited", FailureKind.RATE_LIMITED, null,
                    new Object[] {Math.max(1, (decision.retryAfterSeconds() + 59) / 60)},
                    Map.of("retryAfterSeconds", decision.retryAfterSeconds()));
        }
    }

    /** The identifier as accounts store it; one that cannot be valid is refused for its form, never for its owner. */
    private static String normalise(String identifier, Channel channel) {
        return channel == Channel.EMAIL ? ContactFormats.requireEmail(identifier, "identifier")
                : ContactFormats.requirePhone(identifier, "identifier");
    }
}
