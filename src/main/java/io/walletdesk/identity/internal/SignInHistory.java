package io.walletdesk.identity.internal;

import io.walletdesk.shared.web.ClientInfo;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;

/** Every sign-in attempt with time, address and device, and the devices each user has used. */
@Service
class SignInHistory {

    /** How a sign-in ended. */
    public enum Result { SUCCESS, SUPPORT_ONLY, WRONG_PASSWORD, WRONG_SECOND_FACTOR, UNKNOWN_ACCOUNT, BLOCKED, RATE_LIMITED, STAFF_DISABLED }

    /** Where the sign-in came from. */
    public enum Channel { WEB, API }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final IdentityMetrics metrics;

    SignInHistory(JdbcClient jdbc, Clock clock, IdentityMetrics metrics) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.metrics = metrics;
    }

    long record(Long userId, String identifier, Channel channel, Result result, ClientInfo client, boolean newDevice) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO sign_in_events (user_id, identifier, occurred_at, channel, result, ip, user_agent,
                  device_type, os, browser, app_version, new_device)
                VALUES (:user, :identifier, :at, :channel, :result, :ip, :ua, :type, :os, :browser, :app, :newDevice)""")
                .param("user", userId, java.sql.Types.BIGINT)
                .param("identifier", identifier == null ? null : identifier.substring(0, Math.min(identifier.length(), 254)))
                .param("at", Timestamp.from(clock.instant()))
                .param("channel", channel.name()).param("result", result.name())
                .param("ip", client.ip()).param("ua", client.userAgent())
                .param("type", client.device().deviceType()).param("os", client.device().os())
                .param("browser", client.device().browser()).param("app", client.appVersion())
                .param("newDevice", newDevice)
                .update(keys, "id");
        metrics.attempt(channel, result);
        return keys.getKey().longValue();
    }

    static String deviceKey(ClientInfo client) {
        return client.deviceId() != null ? "id:" + client.deviceId()
                : "ua:" + Hashes.sha256(client.device().fingerprint()).substring(0, 32);
    }

    /** Remembers the device; returns true when the user had never used it before. */
    boolean rememberDevice(long userId, ClientInfo client) {
        String key = deviceKey(client);
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE known_devices SET last_seen_at = :now WHERE user_id = :user AND device_key = :key")
                .param("now", now).param("user", userId).param("key", key).update();
        if (updated > 0) {
            return false;
        }
        jdbc.sql("""
                INSERT INTO known_devices (user_id, device_key, label, first_seen_at, last_seen_at)
                VALUES (:user, :key, :label, :now, :now)""")
                .param("user", userId).param("key", key).param("label", client.device().label()).param("now", now)
                .update();
        return true;
    }

    public List<SignInRecord> recent(long userId, int limit) {
        return jdbc.sql("""
                SELECT occurred_at, channel, result, ip, device_type, os, browser, app_version, new_device
                FROM sign_in_events WHERE user_id = :user ORDER BY id DESC LIMIT :limit""")
                .param("user", userId).param("limit", limit)
                .query((rs, n) -> new SignInRecord(rs.getTimestamp("occurred_at").toInstant(), rs.getString("channel"),
                        rs.getString("result"), rs.getString("ip"), rs.getString("device_type"), rs.getString("os"),
                        rs.getString("browser"), rs.getString("app_version"), rs.getBoolean("new_device")))
                .list();
    }

    public List<KnownDevice> devices(long userId) {
        return jdbc.sql("""
                SELECT label, first_seen_at, last_seen_at FROM known_devices WHERE user_id = :user
                ORDER BY last_seen_at DESC""")
                .param("user", userId)
                .query((rs, n) -> new KnownDevice(rs.getString("label"), rs.getTimestamp("first_seen_at").toInstant(),
                        rs.getTimestamp("last_seen_at").toInstant()))
                .list();
    }

    /** One sign-in attempt as the user sees it. */
    public record SignInRecord(Instant at, String channel, String result, String ip, String deviceType, String os,
            String browser, String appVersion, boolean newDevice) {
    }

    /** A device the user has signed in from. */
    public record KnownDevice(String label, Instant firstSeen, Instant lastSeen) {
    }
}
