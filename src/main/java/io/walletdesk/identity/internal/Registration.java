package io.walletdesk.identity.internal;

import io.walletdesk.identity.CustomerRegistered;
import io.walletdesk.identity.Role;
import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.web.ProblemException;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates customers (self-service) and staff users (by an admin or the demo data). */
@Service
public class Registration {

    private final UserAccountRepository users;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final SignInHistory history;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Registration(UserAccountRepository users, PasswordPolicy policy, PasswordEncoder passwords, SignInHistory history,
            AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.policy = policy;
        this.passwords = passwords;
        this.history = history;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Command: a customer registers. Phone is required; e-mail optional. */
    public record RegisterCustomer(String phone, String email, String name, String language, String password) {
    }

    @Transactional
    public long register(RegisterCustomer command, ClientInfo client) {
        String phone = ContactFormats.requirePhone(command.phone(), "phone");
        String email = command.email() == null || command.email().isBlank() ? null
                : ContactFormats.requireEmail(command.email(), "email");
        String name = requireName(command.name());
        SupportedLanguage language = SupportedLanguage.fromTag(command.language()).orElse(SupportedLanguage.EN);
        if (users.existsByPhone(phone)) {
            throw ProblemException.forField("phone-taken", HttpStatus.CONFLICT, "phone");
        }
        if (email != null && users.existsByEmail(email)) {
            throw ProblemException.forField("email-taken", HttpStatus.CONFLICT, "email");
        }
        policy.check(command.password(), phone, email, name, "password");
        UserAccount user = users.save(UserAccount.create(Role.CUSTOMER, phone, email, name, language,
                passwords.encode(command.password()), clock.instant()));
        history.rememberDevice(user.id(), client);
        audit.record(AuditEntry.of("REGISTERED", user.id(), Role.CUSTOMER.name(), user.id(), null, client));
        events.publishEvent(new CustomerRegistered(user.id()));
        return user.id();
    }

    /** Creates a staff user; the password policy applies to staff too. */
    @Transactional
    public long createStaff(Role role, String email, String name, String password, Long byAdminUserId, ClientInfo client) {
        if (!role.isStaff()) {
            throw ProblemException.forField("validation", HttpStatus.BAD_REQUEST, "role");
        }
        String normalised = ContactFormats.requireEmail(email, "email");
        if (users.existsByEmail(normalised)) {
            throw ProblemException.forField("email-taken", HttpStatus.CONFLICT, "email");
        }
        String displayName = requireName(name);
        policy.check(password, null, normalised, displayName, "password");
        UserAccount user = users.save(UserAccount.create(role, null, normalised, displayName, SupportedLanguage.EN,
                passwords.encode(password), clock.instant()));
        audit.record(AuditEntry.of("STAFF_CREATED", byAdminUserId, byAdminUserId == null ? null : Role.ADMIN.name(),
                user.id(), role.name(), client));
        return user.id();
    }

    /** Creates a customer without the interactive checks, for demo data only. */
    @Transactional
    public long createDemoCustomer(String phone, String email, String name, SupportedLanguage language, String password) {
        UserAccount user = users.save(UserAccount.create(Role.CUSTOMER, ContactFormats.requirePhone(phone, "phone"),
                email, name, language, passwords.encode(password), clock.instant()));
        events.publishEvent(new CustomerRegistered(user.id()));
        return user.id();
    }

    public long countUsers() {
        return users.count();
    }

    static String requireName(String name) {
        if (name == null || name.isBlank() || name.trim().length() > 100) {
            throw ProblemException.forField("invalid-name", HttpStatus.BAD_REQUEST, "name");
        }
        return name.trim();
    }
}
