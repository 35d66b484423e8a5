package io.walletdesk.identity.internal;

import io.walletdesk.identity.AccountLocked;
import io.walletdesk.identity.AccountStatus;
import io.walletdesk.identity.AccountUnlocked;
import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.LockReason;
import io.walletdesk.identity.Role;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A customer or staff user. Guards its own state: status changes, the sign-in failure counter and the
 * second factor only change through these methods, and lock changes register events.
 */
@Table("users")
class UserAccount extends AbstractAggregateRoot<UserAccount> {

    @Id
    private Long id;
    private Role role;
    private String phone;
    private String email;
    private String displayName;
    private String preferredLanguage;
    private String timeZone;
    private String passwordHash;
    private AccountStatus status;
    private LockReason lockReason;
    private String lockNote;
    private Instant lockedAt;
    private String totpSecret;
    private boolean totpEnabled;
    private Long totpLastStep;
    // Written only by SignInCounters under a row lock, never by saving the aggregate (see there).
    @ReadOnlyProperty
    private int failedSignIns;
    @ReadOnlyProperty
    private Instant signInBlockedUntil;
    private Instant createdAt;
    @Version
    private Integer version;

    @PersistenceCreator
    UserAccount() {
    }

    static UserAccount create(Role role, String phone, String email, String displayName,
            SupportedLanguage language, String passwordHash, Instant now) {
        UserAccount user = new UserAccount();
        user.role = role;
        user.phone = phone;
        user.email = email;
        user.displayName = displayName;
        user.preferredLanguage = language.tag();
        user.timeZone = "Asia/Jakarta";
        user.passwordHash = passwordHash;
        user.status = AccountStatus.ACTIVE;
        user.createdAt = now;
        return user;
    }

    // --- sign-in protection -------------------------------------------------------------------

    boolean signInBlocked(Instant now) {
        return signInBlockedUntil != null && signInBlockedUntil.isAfter(now);
    }

    // --- status -------------------------------------------------------------------------------

    void lock(LockReason reason, String note, Long byStaffUserId, Instant now) {
        if (status == AccountStatus.DISABLED) {
            throw new ProblemException("account-disabled", FailureKind.CONFLICT);
        }
        status = reason == LockReason.ACCOUNT_CLOSED ? AccountStatus.DISABLED : AccountStatus.LOCKED;
        lockReason = reason;
        lockNote = note;
        lockedAt = now;
        registerEvent(new AccountLocked(id, reason, byStaffUserId));
    }

    void unlock(Long byStaffUserId) {
        if (status == AccountStatus.ACTIVE) {
            throw new ProblemException("account-not-locked", FailureKind.CONFLICT);
        }
        status = AccountStatus.ACTIVE;
        lockReason = null;
        lockNote = null;
        lockedAt = null;
        registerEvent(new AccountUnlocked(id, byStaffUserId));
    }

    boolean restrictedToSupport() {
        return status != AccountStatus.ACTIVE;
    }

    // --- second factor ------------------------------------------------------------------------

    void startTotpEnrolment(String sealedSecret) {
        if (totpEnabled) {
            throw new ProblemException("totp-already-enabled", FailureKind.CONFLICT);
        }
        totpSecret = sealedSecret;
        totpLastStep = null;
    }

    void enableTotp(long acceptedStep) {
        if (totpSecret == null) {
            throw new ProblemException("totp-not-started", FailureKind.CONFLICT);
        }
        totpEnabled = true;
        totpLastStep = acceptedStep;
    }

    void disableTotp() {
        totpEnabled = false;
        totpSecret = null;
        totpLastStep = null;
    }

    // --- profile ------------------------------------------------------------------------------

    void changePassword(String newHash) {
        passwordHash = newHash;
    }

    void updateProfile(String displayName, SupportedLanguage language, String timeZone) {
        this.displayName = displayName;
        this.preferredLanguage = language.tag();
        this.timeZone = timeZone;
    }

    void changeLanguage(SupportedLanguage language) {
        this.preferredLanguage = language.tag();
    }

    void changePhone(String phone) {
        this.phone = phone;
    }

    void changeEmail(String email) {
        this.email = email;
    }

    public AccountView view() {
        return new AccountView(id, role, displayName, phone, email, language(), status, lockReason, lockedAt,
                totpEnabled, createdAt);
    }

    public Long id() {
        return id;
    }

    public Role role() {
        return role;
    }

    public String phone() {
        return phone;
    }

    public String email() {
        return email;
    }

    public String displayName() {
        return displayName;
    }

    public SupportedLanguage language() {
        return SupportedLanguage.fromTag(preferredLanguage).orElse(SupportedLanguage.EN);
    }

    public String timeZone() {
        return timeZone;
    }

    String passwordHash() {
        return passwordHash;
    }

    public AccountStatus status() {
        return status;
    }

    public LockReason lockReason() {
        return lockReason;
    }

    public String lockNote() {
        return lockNote;
    }

    public Instant lockedAt() {
        return lockedAt;
    }

    String totpSecret() {
        return totpSecret;
    }

    public boolean totpEnabled() {
        return totpEnabled;
    }

    public Instant signInBlockedUntil() {
        return signInBlockedUntil;
    }
}
