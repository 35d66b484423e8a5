package io.walletdesk.identity.internal;

import io.walletdesk.identity.PasswordChanged;
import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.time.UserTime;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.time.ZoneId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** A user's own profile: name, language, time zone and password. */
@Service
class ProfileService {

    private final UserAccountRepository users;
    private final PasswordPolicy policy;
    private final PasswordHashing passwords;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final ApiTokens tokens;
    private final Notifications notifications;
    private final AuditTrail audit;

    ProfileService(UserAccountRepository users, PasswordPolicy policy, PasswordHashing passwords, ApiTokens tokens,
            Notifications notifications, AuditTrail audit, TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.transactions = transactions;
        this.events = events;
        this.users = users;
        this.policy = policy;
        this.passwords = passwords;
        this.tokens = tokens;
        this.notifications = notifications;
        this.audit = audit;
    }

    public UserAccount get(long userId) {
        return users.findById(userId).orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
    }

    @Transactional
    public void updateProfile(long userId, String name, String language, String timeZone) {
        UserAccount user = get(userId);
        SupportedLanguage lang = SupportedLanguage.fromTag(language)
                .orElseThrow(() -> ProblemException.forField("invalid-language", FailureKind.INVALID, "language"));
        String zone = timeZone == null || timeZone.isBlank() ? UserTime.DEFAULT_ZONE.getId() : timeZone.trim();
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            throw ProblemException.forField("invalid-time-zone", FailureKind.INVALID, "timeZone");
        }
        user.updateProfile(NewAccounts.requireName(name), lang, zone);
        users.save(user);
    }

    @Transactional
    public void changeLanguage(long userId, SupportedLanguage language) {
        UserAccount user = get(userId);
        user.changeLanguage(language);
        users.save(user);
    }

    /**
     * Needs the current password; signs every API client out afterwards and tells the other modules
     * (chat tokens). Both Argon2 computations run before the short transaction that stores the new hash.
     */
    public void changePassword(long userId, String currentPassword, String newPassword, ClientInfo client) {
        UserAccount checked = get(userId);
        if (!passwords.matches(currentPassword, checked.passwordHash())) {
            throw ProblemException.forField("wrong-password", FailureKind.INVALID, "currentPassword");
        }
        policy.check(newPassword, checked.phone(), checked.email(), checked.displayName(), "newPassword");
        String newHash = passwords.encode(newPassword);
        transactions.executeWithoutResult(status -> {
            UserAccount user = get(userId);
            if (!user.passwordHash().equals(checked.passwordHash())) {
                // Changed by a parallel request since the check: the current password given is no longer current.
                throw ProblemException.forField("wrong-password", FailureKind.INVALID, "currentPassword");
            }
            user.changePassword(newHash);
            users.save(user);
            tokens.revokeAll(userId);
            audit.record(AuditEntry.of("PASSWORD_CHANGED", userId, user.role().name(), userId, null, client));
            notifications.notify(userId, Notifications.Kind.PASSWORD_CHANGED, client.device().label());
            events.publishEvent(new PasswordChanged(userId));
        });
    }
}
