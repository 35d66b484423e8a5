package io.walletdesk.identity.internal;

import io.walletdesk.identity.AccountStatus;
import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.LockAccount;
import io.walletdesk.identity.UnlockAccount;
import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Locking and unlocking accounts (by rules or staff), and look-ups for staff and other modules. */
@Service
class AccountStatusService {

    private final UserAccountRepository users;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final Clock clock;

    private final SignInCounters counters;

    AccountStatusService(UserAccountRepository users, AuditTrail audit, Notifications notifications,
            SignInCounters counters, Clock clock) {
        this.counters = counters;
        this.users = users;
        this.audit = audit;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Transactional
    public AccountView lock(LockAccount command, String actorRole, ClientInfo client) {
        UserAccount user = find(command.userId());
        user.lock(command.reason(), trimNote(command.note()), command.byStaffUserId(), clock.instant());
        users.save(user);
        audit.record(AuditEntry.of(user.status() == AccountStatus.DISABLED ? "ACCOUNT_DISABLED" : "ACCOUNT_LOCKED",
                command.byStaffUserId(), actorRole, user.id(),
                command.reason() + (command.note() == null ? "" : ": " + trimNote(command.note())), client));
        notifications.notify(user.id(), Notifications.Kind.ACCOUNT_LOCKED, command.reason().name());
        return user.view();
    }

    @Transactional
    public AccountView unlock(UnlockAccount command, String actorRole, ClientInfo client) {
        UserAccount user = find(command.userId());
        user.unlock(command.byStaffUserId());
        users.save(user);
        counters.clear(user.id());
        audit.record(AuditEntry.of("ACCOUNT_UNLOCKED", command.byStaffUserId(), actorRole, user.id(),
                trimNote(command.note()), client));
        notifications.notify(user.id(), Notifications.Kind.ACCOUNT_UNLOCKED, null);
        return user.view();
    }


    public Optional<AccountView> view(long userId) {
        return users.findById(userId).map(UserAccount::view);
    }

    /**
     * An account as a staff member may see it: agents and supervisors see customers; staff accounts are
     * visible to admins only (to others they do not exist).
     */
    public AccountView visibleTo(io.walletdesk.identity.SignedInUser staff, long userId) {
        AccountView account = view(userId).orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        if (account.role().isStaff() && staff.role() != io.walletdesk.identity.Role.ADMIN) {
            throw new ProblemException("not-found", FailureKind.NOT_FOUND);
        }
        return account;
    }

    /** A search as a staff member may see it: staff accounts appear for admins only (as in the API). */
    public List<AccountView> searchVisibleTo(io.walletdesk.identity.SignedInUser staff, String query) {
        return search(query).stream()
                .filter(a -> !a.role().isStaff() || staff.role() == io.walletdesk.identity.Role.ADMIN).toList();
    }

    public List<AccountView> staffMembers() {
        return users.findByRoleNotOrderById(io.walletdesk.identity.Role.CUSTOMER).stream().map(UserAccount::view).toList();
    }

    public Optional<AccountView> customerByEmail(String email) {
        return ContactFormats.normaliseEmail(email).flatMap(users::findByEmail)
                .filter(u -> u.role() == io.walletdesk.identity.Role.CUSTOMER).map(UserAccount::view);
    }

    public Optional<AccountView> customerByPhone(String phone) {
        return ContactFormats.normalisePhone(phone).flatMap(users::findByPhone)
                .filter(u -> u.role() == io.walletdesk.identity.Role.CUSTOMER).map(UserAccount::view);
    }

    public List<AccountView> search(String query) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        String phoneDigits = ContactFormats.normalisePhone(q).orElse(q);
        return users.search("%" + (phoneDigits.startsWith("+") ? phoneDigits : q) + "%", q).stream()
                .map(UserAccount::view).toList();
    }

    private UserAccount find(long userId) {
        return users.findById(userId).orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
    }

    private static String trimNote(String note) {
        if (note == null || note.isBlank()) {
            return null;
        }
        String trimmed = note.trim();
        return trimmed.length() > 500 ? trimmed.substring(0, 500) : trimmed;
    }
}
