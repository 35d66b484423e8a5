package io.walletdesk.identity.internal;

import io.walletdesk.identity.CustomerRegistered;
import io.walletdesk.identity.Role;
import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.outbox.OutboundMessage;
import io.walletdesk.shared.outbox.OutboundMessages;
import io.walletdesk.shared.ratelimit.RateLimiter;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates customers (self-service) and staff users (by an admin or the demo data). Passwords are hashed
 * before the short transaction that stores the account, never inside it.
 */
@Service
class NewAccounts {

    private final UserAccountRepository users;
    private final PasswordPolicy policy;
    private final PasswordHashing passwords;
    private final SignInHistory history;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final RateLimiter rateLimiter;
    private final OutboundMessages outbox;
    private final MessageSource messages;
    private final IdentityProperties properties;
    private final Clock clock;

    NewAccounts(UserAccountRepository users, PasswordPolicy policy, PasswordHashing passwords, SignInHistory history,
            AuditTrail audit, ApplicationEventPublisher events, TransactionTemplate transactions,
            RateLimiter rateLimiter, OutboundMessages outbox, MessageSource messages, IdentityProperties properties,
            Clock clock) {
        this.users = users;
        this.policy = policy;
        this.passwords = passwords;
        this.history = history;
        this.audit = audit;
        this.events = events;
        this.transactions = transactions;
        this.rateLimiter = rateLimiter;
        this.outbox = outbox;
        this.messages = messages;
        this.properties = properties;
        this.clock = clock;
    }

    /** Command: a customer registers. Phone is required; e-mail optional. */
    public record RegisterCustomer(String phone, String email, String name, String language, String password) {
    }

    /**
     * Self-service registration from the public pages and the API (ADR 0012). Limited per client address.
     * Whether the phone or e-mail already has an account is not revealed: in that case no account is created,
     * the existing owner gets a message, and the caller sees the same answer as for a new account. Returns
     * the new account's id only for the caller's own next step (signing in); never show it.
     */
    public Optional<Long> attempt(RegisterCustomer command, ClientInfo client) {
        var limit = rateLimiter.hit("register:" + client.ip(), properties.registrationsPerAddress(),
                properties.registrationAddressWindow());
        if (!limit.allowed()) {
            throw new ProblemException("too-many-registrations", FailureKind.RATE_LIMITED, null,
                    new Object[] {Math.max(1, (limit.retryAfterSeconds() + 59) / 60)},
                    Map.of("retryAfterSeconds", limit.retryAfterSeconds()));
        }
        Valid valid = validate(command);
        String hash = passwords.encode(command.password());
        return transactions.execute(status -> {
            Optional<UserAccount> byPhone = users.findByPhone(valid.phone());
            Optional<UserAccount> byEmail = valid.email() == null ? Optional.empty() : users.findByEmail(valid.email());
            if (byPhone.isPresent() || byEmail.isPresent()) {
                byPhone.ifPresent(owner -> tellOwner(owner, OutboundMessage.Channel.SMS, owner.phone(), client));
                byEmail.ifPresent(owner -> tellOwner(owner, OutboundMessage.Channel.EMAIL, owner.email(), client));
                return Optional.<Long>empty();
            }
            return Optional.of(store(valid, hash, client));
        });
    }

    /** Registration with explicit refusals (phone-taken, email-taken): for staff tools and tests, not public. */
    public long register(RegisterCustomer command, ClientInfo client) {
        Valid valid = validate(command);
        String hash = passwords.encode(command.password());
        return transactions.execute(status -> {
            if (users.existsByPhone(valid.phone())) {
                throw ProblemException.forField("phone-taken", FailureKind.CONFLICT, "phone");
            }
            if (valid.email() != null && users.existsByEmail(valid.email())) {
                throw ProblemException.forField("email-taken", FailureKind.CONFLICT, "email");
            }
            return store(valid, hash, client);
        });
    }

    private record Valid(String phone, String email, String name, SupportedLanguage language) {
    }

    private Valid validate(RegisterCustomer command) {
        String phone = ContactFormats.requirePhone(command.phone(), "phone");
        String email = command.email() == null || command.email().isBlank() ? null
                : ContactFormats.requireEmail(command.email(), "email");
        String name = requireName(command.name());
        SupportedLanguage language = SupportedLanguage.fromTag(command.language()).orElse(SupportedLanguage.EN);
        policy.check(command.password(), phone, email, name, "password");
        return new Valid(phone, email, name, language);
    }

    private long store(Valid valid, String hash, ClientInfo client) {
        UserAccount user = users.save(UserAccount.create(Role.CUSTOMER, valid.phone(), valid.email(), valid.name(),
                valid.language(), hash, clock.instant()));
        history.rememberDevice(user.id(), client);
        audit.record(AuditEntry.of("REGISTERED", user.id(), Role.CUSTOMER.name(), user.id(), null, client));
        events.publishEvent(new CustomerRegistered(user.id()));
        return user.id();
    }

    /** At most one such message per contact and hour, so the notice cannot be used to flood a customer. */
    private void tellOwner(UserAccount owner, OutboundMessage.Channel channel, String to, ClientInfo client) {
        audit.record(AuditEntry.of("REGISTRATION_WITH_EXISTING_CONTACT", null, null, owner.id(), channel.name(),
                client));
        if (!rateLimiter.hit("register-notice:" + to, 1, Duration.ofHours(1)).allowed()) {
            return;
        }
        var locale = owner.language().locale();
        outbox.queue(new OutboundMessage(channel, to, messages.getMessage("register.existing.subject", null, locale),
                messages.getMessage("register.existing.body", null, locale), "REGISTRATION_WITH_EXISTING_CONTACT"));
    }

    /** Creates a staff user; the password policy applies to staff too. */
    public long createStaff(Role role, String email, String name, String password, Long byAdminUserId, ClientInfo client) {
        if (!role.isStaff()) {
            throw ProblemException.forField("validation", FailureKind.INVALID, "role");
        }
        String normalised = ContactFormats.requireEmail(email, "email");
        if (users.existsByEmail(normalised)) {
            throw ProblemException.forField("email-taken", FailureKind.CONFLICT, "email");
        }
        String displayName = requireName(name);
        policy.check(password, null, normalised, displayName, "password");
        String hash = passwords.encode(password);
        return transactions.execute(status -> {
            if (users.existsByEmail(normalised)) {
                throw ProblemException.forField("email-taken", FailureKind.CONFLICT, "email");
            }
            UserAccount user = users.save(UserAccount.create(role, null, normalised, displayName, SupportedLanguage.EN,
                    hash, clock.instant()));
            audit.record(AuditEntry.of("STAFF_CREATED", byAdminUserId, byAdminUserId == null ? null : Role.ADMIN.name(),
                    user.id(), role.name(), client));
            return user.id();
        });
    }

    /** Creates a customer without the interactive checks, for demo data only. */
    public long createDemoCustomer(String phone, String email, String name, SupportedLanguage language, String password) {
        String hash = passwords.encode(password);
        return transactions.execute(status -> {
            UserAccount user = users.save(UserAccount.create(Role.CUSTOMER, ContactFormats.requirePhone(phone, "phone"),
                    email, name, language, hash, clock.instant()));
            events.publishEvent(new CustomerRegistered(user.id()));
            return user.id();
        });
    }

    public long countUsers() {
        return users.count();
    }

    static String requireName(String name) {
        if (name == null || name.isBlank() || name.trim().length() > 100) {
            throw ProblemException.forField("invalid-name", FailureKind.INVALID, "name");
        }
        return name.trim();
    }
}
