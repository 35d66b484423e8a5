package io.walletdesk.identity.internal;

import io.walletdesk.identity.AccountStatus;
import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.LockReason;
import io.walletdesk.identity.Role;
import io.walletdesk.shared.i18n.SupportedLanguage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Read-only account views for other modules, read with one plain query: the same {@link AccountView} as
 * {@link UserAccount#view()}, without loading the aggregate through Spring Data JDBC (which cost a quarter of
 * the CPU of a wallet transfer: the recipient is looked up by phone on every transfer).
 */
@Service
class AccountViews {

    private static final String COLUMNS = """
            id, role, display_name, phone, email, preferred_language, status, lock_reason, locked_at, totp_enabled, created_at""";

    private final JdbcClient jdbc;

    AccountViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AccountView> find(long userId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id").param("id", userId)
                .query((rs, n) -> view(rs)).optional();
    }

    /** A customer by phone number in any common Indonesian format (as {@code AccountStatusService}). */
    public Optional<AccountView> customerByPhone(String phone) {
        return ContactFormats.normalisePhone(phone).flatMap(normalised -> jdbc
                .sql("SELECT " + COLUMNS + " FROM users WHERE phone = :phone AND role = :role")
                .param("phone", normalised).param("role", Role.CUSTOMER.name()).query((rs, n) -> view(rs)).optional());
    }

    private static AccountView view(ResultSet rs) throws SQLException {
        String lockReason = rs.getString("lock_reason");
        Timestamp lockedAt = rs.getTimestamp("locked_at");
        Timestamp createdAt = rs.getTimestamp("created_at");
        return new AccountView(rs.getLong("id"), Role.valueOf(rs.getString("role")), rs.getString("display_name"),
                rs.getString("phone"), rs.getString("email"),
                SupportedLanguage.fromTag(rs.getString("preferred_language")).orElse(SupportedLanguage.EN),
                AccountStatus.valueOf(rs.getString("status")), lockReason == null ? null : LockReason.valueOf(lockReason),
                lockedAt == null ? null : lockedAt.toInstant(), rs.getBoolean("totp_enabled"),
                createdAt == null ? null : createdAt.toInstant());
    }
}
