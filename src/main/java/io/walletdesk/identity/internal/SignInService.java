package io.walletdesk.identity.internal;

import io.walletdesk.identity.Role;
import io.walletdesk.identity.SignedInFromNewDevice;
import io.walletdesk.identity.internal.SignInHistory.Channel;
import io.walletdesk.identity.internal.SignInHistory.Result;
import io.walletdesk.identity.internal.SignInOutcome.Refusal;
import io.walletdesk.identity.internal.SignInOutcome.Rejected;
import io.walletdesk.identity.internal.SignInOutcome.SecondFactorRequired;
import io.walletdesk.identity.internal.SignInOutcome.SignedIn;
import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.ratelimit.RateLimiter;
import io.walletdesk.shared.web.ClientInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs users in with password and, when enabled, a second factor. Five wrong answers block sign-in to the
 * account for 15 minutes (counted under a row lock, see {@link SignInCounters}); each client address has its
 * own rate limit. Every attempt is recorded.
 */
@Service
class SignInService {

    private final UserAccountRepository users;
    private final PasswordHashing passwords;
    private final SignInCounters counters;
    private final TransactionTemplate transactions;
    private final TwoFactor twoFactor;
    private final SignInHistory history;
    private final Notifications notifications;
    private final RateLimiter rateLimiter;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final IdentityProperties properties;
    private final IdentityMetrics metrics;
    private final Clock clock;
    private final String dummyHash;

    SignInService(UserAccountRepository users, PasswordEncoder encoder, PasswordHashing passwords,
            SignInCounters counters, TransactionTemplate transactions, TwoFactor twoFactor, SignInHistory history,
            Notifications notifications, RateLimiter rateLimiter, AuditTrail audit, ApplicationEventPublisher events,
            IdentityProperties properties, Clock clock, IdentityMetrics metrics) {
        this.metrics = metrics;
        this.users = users;
        this.passwords = passwords;
        this.counters = counters;
        this.transactions = transactions;
        this.twoFactor = twoFactor;
        this.history = history;
        this.notifications = notifications;
        this.rateLimiter = rateLimiter;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
        this.dummyHash = encoder.encode("timing-equaliser-not-a-password");
    }

    /**
     * No transaction around the whole: Argon2 runs while no database connection is held, and the reads
     * and writes around it are short transactions of their own.
     */
    public SignInOutcome withPassword(String identifier, String password, ClientInfo client, Channel channel) {
        Optional<Rejected> limited = addressLimit(client);
        if (limited.isPresent()) {
            history.record(null, identifier, channel, Result.RATE_LIMITED, client, false);
            return limited.get();
        }
        Optional<UserAccount> found = findByIdentifier(identifier);
        if (found.isEmpty()) {
            passwords.matches(password == null ? "" : password, dummyHash);
            history.record(null, identifier, channel, Result.UNKNOWN_ACCOUNT, client, false);
            return new Rejected(Refusal.INVALID_CREDENTIALS, 0);
        }
        UserAccount user = found.get();
        Instant now = clock.instant();
        if (user.signInBlocked(now)) {
            history.record(user.id(), identifier, channel, Result.BLOCKED, client, false);
            return new Rejected(Refusal.SIGN_IN_BLOCKED, secondsUntil(user.signInBlockedUntil(), now));
        }
        if (!passwords.matches(password, user.passwordHash())) {
            return failed(user, identifier, channel, Result.WRONG_PASSWORD, client, Refusal.INVALID_CREDENTIALS);
        }
        if (user.totpEnabled()) {
            return new SecondFactorRequired(user.id());
        }
        return complete(user, identifier, channel, client);
    }

    /** Second step: a TOTP code or one of the recovery codes. */
    public SignInOutcome withSecondFactor(long userId, String code, ClientInfo client, Channel channel) {
        Optional<Rejected> limited = addressLimit(client);
        if (limited.isPresent()) {
            history.record(userId, null, channel, Result.RATE_LIMITED, client, false);
            return limited.get();
        }
        UserAccount user = users.findById(userId).orElseThrow();
        Instant now = clock.instant();
        if (user.signInBlocked(now)) {
            history.record(user.id(), null, channel, Result.BLOCKED, client, false);
            return new Rejected(Refusal.SIGN_IN_BLOCKED, secondsUntil(user.signInBlockedUntil(), now));
        }
        if (!twoFactor.verify(user, code, now)) {
            return failed(user, null, channel, Result.WRONG_SECOND_FACTOR, client, Refusal.INVALID_SECOND_FACTOR);
        }
        return complete(user, null, channel, client);
    }

    private Rejected failed(UserAccount user, String identifier, Channel channel, Result result, ClientInfo client,
            Refusal refusal) {
        return transactions.execute(status -> {
            Instant now = clock.instant();
            var failure = counters.recordFailure(user.id(), now, properties.maxFailedSignIns(), properties.signInBlock());
            if (failure.effect() == SignInCounters.Effect.ALREADY_BLOCKED) {
                // Another guess of the same burst started the block while this one was being checked.
                history.record(user.id(), identifier, channel, Result.BLOCKED, client, false);
                return new Rejected(Refusal.SIGN_IN_BLOCKED, secondsUntil(failure.blockedUntil(), now));
            }
            history.record(user.id(), identifier, channel, result, client, false);
            audit.record(AuditEntry.of("SIGN_IN_FAILED", null, null, user.id(), result.name(), client));
            if (failure.effect() == SignInCounters.Effect.BLOCKED_NOW) {
                metrics.blocked();
                audit.record(AuditEntry.of("SIGN_IN_BLOCKED", null, null, user.id(),
                        "blocked for " + properties.signInBlock(), client));
                notifications.notify(user.id(), Notifications.Kind.SIGN_IN_BLOCKED, client.device().label());
                return new Rejected(Refusal.SIGN_IN_BLOCKED, properties.signInBlock().toSeconds());
            }
            return new Rejected(refusal, 0);
        });
    }

    private SignInOutcome complete(UserAccount user, String identifier, Channel channel, ClientInfo client) {
        var principal = Principals.principalFor(user);
        if (principal.isEmpty()) {
            history.record(user.id(), identifier, channel, Result.STAFF_DISABLED, client, false);
            return new Rejected(Refusal.STAFF_ACCOUNT_DISABLED, 0);
        }
        return transactions.execute(status -> {
            Instant now = clock.instant();
            Optional<Instant> blocked = counters.recordSuccess(user.id(), now);
            if (blocked.isPresent()) {
                // The right answer arrived while a burst of wrong ones blocked the account: the block holds.
                history.record(user.id(), identifier, channel, Result.BLOCKED, client, false);
                return new Rejected(Refusal.SIGN_IN_BLOCKED, secondsUntil(blocked.get(), now));
            }
            boolean newDevice = history.rememberDevice(user.id(), client);
            Result result = principal.get().restricted() ? Result.SUPPORT_ONLY : Result.SUCCESS;
            long eventId = history.record(user.id(), identifier, channel, result, client, newDevice);
            audit.record(AuditEntry.of(result == Result.SUCCESS ? "SIGN_IN" : "SIGN_IN_SUPPORT_ONLY", user.id(),
                    user.role().name(), user.id(), channel.name(), client));
            if (newDevice) {
                notifications.notify(user.id(), Notifications.Kind.NEW_DEVICE_SIGN_IN, client.device().label() + " · " + client.ip());
                events.publishEvent(new SignedInFromNewDevice(user.id(), eventId));
            }
            return new SignedIn(principal.get(), newDevice);
        });
    }

    private Optional<Rejected> addressLimit(ClientInfo client) {
        var decision = rateLimiter.hit("sign-in:" + client.ip(), properties.signInsPerAddress(),
                properties.signInAddressWindow());
        return decision.allowed() ? Optional.empty()
                : Optional.of(new Rejected(Refusal.RATE_LIMITED, decision.retryAfterSeconds()));
    }

    Optional<UserAccount> findByIdentifier(String identifier) {
        if (identifier == null || identifier.isBlank()) {
            return Optional.empty();
        }
        if (identifier.contains("@")) {
            return ContactFormats.normaliseEmail(identifier).flatMap(users::findByEmail);
        }
        return ContactFormats.normalisePhone(identifier).flatMap(users::findByPhone);
    }

    private static long secondsUntil(Instant until, Instant now) {
        return Math.max(1, Duration.between(now, until).toSeconds());
    }

    /** Used by tests and staff tools to see whether an account is currently blocked from signing in. */
    public boolean isBlocked(long userId) {
        return users.findById(userId).map(u -> u.signInBlocked(clock.instant())).orElse(false);
    }

    /** The role of an account, e.g. to show a staff sign-in the staff console. */
    public Optional<Role> roleOf(long userId) {
        return users.findById(userId).map(UserAccount::role);
    }
}
