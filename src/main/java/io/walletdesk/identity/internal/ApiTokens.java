package io.walletdesk.identity.internal;

import io.walletdesk.shared.web.ProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opaque bearer tokens for the mobile API, stored only as SHA-256 hashes in the shared database so any
 * node can check them. Refresh tokens rotate on use; presenting a used one again revokes the whole family
 * (it was probably stolen).
 */
@Service
public class ApiTokens {

    private final JdbcClient jdbc;
    private final IdentityProperties properties;
    private final Clock clock;

    ApiTokens(JdbcClient jdbc, IdentityProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional
    public TokenPair issue(long userId) {
        return issue(userId, UUID.randomUUID().toString());
    }

    private TokenPair issue(long userId, String family) {
        Instant now = clock.instant();
        String access = Hashes.randomToken("wda_");
        String refresh = Hashes.randomToken("wdr_");
        insert(userId, access, "ACCESS", family, now, now.plus(properties.accessTokenTtl()));
        insert(userId, refresh, "REFRESH", family, now, now.plus(properties.refreshTokenTtl()));
        return new TokenPair(access, refresh, properties.accessTokenTtl().toSeconds());
    }

    /** The user behind a valid, unexpired, unrevoked access token. */
    public Optional<Long> userFor(String accessToken) {
        if (accessToken == null || !accessToken.startsWith("wda_")) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT user_id FROM api_tokens WHERE token_hash = :hash AND kind = 'ACCESS'
                AND revoked_at IS NULL AND expires_at > :now""")
                .param("hash", Hashes.sha256(accessToken)).param("now", Timestamp.from(clock.instant()))
                .query(Long.class).optional();
    }

    @Transactional(noRollbackFor = ProblemException.class)
    public TokenPair refresh(String refreshToken) {
        if (refreshToken == null) {
            throw invalidGrant();
        }
        var row = jdbc.sql("SELECT user_id, family, expires_at, revoked_at FROM api_tokens WHERE token_hash = :hash AND kind = 'REFRESH'")
                .param("hash", Hashes.sha256(refreshToken))
                .query((rs, n) -> new Object[] {rs.getLong("user_id"), rs.getString("family"),
                    rs.getTimestamp("expires_at").toInstant(), rs.getTimestamp("revoked_at")})
                .optional().orElseThrow(ApiTokens::invalidGrant);
        long userId = (Long) row[0];
        String family = (String) row[1];
        if (row[3] != null) {
            revokeFamily(family);
            throw invalidGrant();
        }
        if (((Instant) row[2]).isBefore(clock.instant())) {
            throw invalidGrant();
        }
        int revoked = jdbc.sql("UPDATE api_tokens SET revoked_at = :now WHERE token_hash = :hash AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("hash", Hashes.sha256(refreshToken)).update();
        if (revoked == 0) {
            throw invalidGrant();
        }
        return issue(userId, family);
    }

    /** Signs a device out: revokes every token issued with the given one. */
    @Transactional
    public void revoke(String token) {
        if (token == null) {
            return;
        }
        jdbc.sql("SELECT family FROM api_tokens WHERE token_hash = :hash").param("hash", Hashes.sha256(token))
                .query(String.class).optional().ifPresent(this::revokeFamily);
    }

    /** After a password change or by staff: signs the user out of every API client. */
    @Transactional
    public void revokeAll(long userId) {
        jdbc.sql("UPDATE api_tokens SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("user", userId).update();
    }

    private void revokeFamily(String family) {
        jdbc.sql("UPDATE api_tokens SET revoked_at = :now WHERE family = :family AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("family", family).update();
    }

    private void insert(long userId, String token, String kind, String family, Instant now, Instant expires) {
        jdbc.sql("""
                INSERT INTO api_tokens (user_id, token_hash, kind, family, created_at, expires_at)
                VALUES (:user, :hash, :kind, :family, :now, :expires)""")
                .param("user", userId).param("hash", Hashes.sha256(token)).param("kind", kind)
                .param("family", family).param("now", Timestamp.from(now)).param("expires", Timestamp.from(expires))
                .update();
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    @SchedulerLock(name = "api-token-cleanup", lockAtMostFor = "PT10M")
    public void forgetExpired() {
        jdbc.sql("DELETE FROM api_tokens WHERE expires_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(java.time.Duration.ofDays(1)))).update();
    }

    private static ProblemException invalidGrant() {
        return new ProblemException("invalid-grant", HttpStatus.UNAUTHORIZED);
    }

    /** An access token (short-lived) and the refresh token that renews it. */
    public record TokenPair(String accessToken, String refreshToken, long expiresIn) {
    }
}
