package io.walletdesk.identity.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Notices shown to a user in the app (new device, contact changed, ...). E-mail copies come with the e-mail channel. */
@Service
class Notifications {

    private final JdbcClient jdbc;
    private final Clock clock;

    Notifications(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What a notice is about; stored by name, which also selects its text {@code notification.{kind}}. */
    enum Kind {
        NEW_DEVICE_SIGN_IN, SIGN_IN_BLOCKED, PASSWORD_CHANGED, TWO_FACTOR_ENABLED, TWO_FACTOR_DISABLED, PHONE_CHANGED,
        EMAIL_CHANGED, ACCOUNT_LOCKED, ACCOUNT_UNLOCKED, PASSWORD_RESET
    }

    void notify(long userId, Kind kind, String detail) {
        jdbc.sql("INSERT INTO notifications (user_id, kind, detail, created_at) VALUES (:user, :kind, :detail, :at)")
                .param("user", userId).param("kind", kind.name()).param("detail", detail)
                .param("at", Timestamp.from(clock.instant())).update();
    }

    public List<Notification> recent(long userId, int limit) {
        return jdbc.sql("""
                SELECT id, kind, detail, created_at, read_at FROM notifications WHERE user_id = :user
                ORDER BY id DESC LIMIT :limit""")
                .param("user", userId).param("limit", limit)
                .query((rs, n) -> new Notification(rs.getLong("id"), rs.getString("kind"), rs.getString("detail"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") == null ? null : rs.getTimestamp("read_at").toInstant()))
                .list();
    }

    public int unreadCount(long userId) {
        return jdbc.sql("SELECT COUNT(*) FROM notifications WHERE user_id = :user AND read_at IS NULL")
                .param("user", userId).query(Integer.class).single();
    }

    /** Marks one of the user's own notifications read; false when it is not theirs or does not exist. */
    public boolean markRead(long userId, long notificationId) {
        return jdbc.sql("UPDATE notifications SET read_at = :at WHERE id = :id AND user_id = :user AND read_at IS NULL")
                .param("at", Timestamp.from(clock.instant())).param("id", notificationId).param("user", userId)
                .update() == 1
                || jdbc.sql("SELECT COUNT(*) FROM notifications WHERE id = :id AND user_id = :user")
                        .param("id", notificationId).param("user", userId).query(Integer.class).single() == 1;
    }

    /** One notification; {@code kind} selects the translated text {@code notification.{kind}}. */
    public record Notification(long id, String kind, String detail, Instant createdAt, Instant readAt) {
    }
}
