package io.walletdesk.identity.internal;

import io.walletdesk.identity.AccountStatus;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.SignedInUser;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
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
class ApiTokens {

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
        insert(userId, access, TokenKind.ACCESS, family, now, now.plus(properties.accessTokenTtl()));
        insert(userId, refresh, TokenKind.REFRESH, family, now, now.plus(properties.refreshTokenTtl()));
        return new TokenPair(access, refresh, properties.accessTokenTtl().toSeconds());
    }

    /**
     * How long a checked access token's principal is reused on this node. Revocation (sign-out, password
     * change, staff) and account status changes are written to the shared database only, so every node sees
     * them at most this long after they happen: a locked or signed-out account loses API access within one
     * second everywhere, and a burst of requests from one phone costs one database read.
     */
    static final long PRINCIPAL_CACHE_NANOS = java.time.Duration.ofMillis(1000).toNanos();
    private static final int PRINCIPAL_CACHE_MAX = 100_000;

    private record CachedPrincipal(SignedInUser principal, long loadedAt, Instant tokenExpiresAt) {
    }

    private final java.util.concurrent.ConcurrentHashMap<String, CachedPrincipal> principals =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * The principal behind a valid, unexpired, unrevoked access token, built from the account's current
     * state (as {@link Principals#load}): one read of the token joined with its user, reused for at most
     * {@link #PRINCIPAL_CACHE_NANOS}. Unknown tokens are never cached.
     */
    public Optional<SignedInUser> principalFor(String accessToken) {
        if (accessToken == null || !accessToken.startsWith("wda_") || accessToken.length() > 200) {
            return Optional.empty();
        }
        String hash = Hashes.sha256(accessToken);
        long now = System.nanoTime();
        Instant instant = clock.instant();
        CachedPrincipal cached = principals.get(hash);
        if (cached != null && now - cached.loadedAt() < PRINCIPAL_CACHE_NANOS && cached.tokenExpiresAt().isAfter(instant)) {
            return Optional.of(cached.principal());
        }
        Optional<CachedPrincipal> loaded = jdbc.sql("""
                SELECT u.id, u.role, u.display_name, u.status, u.preferred_language, u.time_zone, t.expires_at
                FROM api_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.token_hash = :hash AND t.kind = :kind AND t.revoked_at IS NULL AND t.expires_at > :now""")
                .param("hash", hash).param("kind", TokenKind.ACCESS.name()).param("now", Timestamp.from(instant))
                .query((rs, n) -> {
                    Instant expiresAt = rs.getTimestamp(7).toInstant();
                    return Principals.principalFor(rs.getLong(1), Role.valueOf(rs.getString(2)), rs.getString(3),
                            AccountStatus.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6))
                            .map(p -> new CachedPrincipal(p, now, expiresAt));
                })
                .optional().flatMap(p -> p);
        if (loaded.isEmpty()) {
            principals.remove(hash);
            return Optional.empty();
        }
        if (principals.size() >= PRINCIPAL_CACHE_MAX) {
            principals.clear();
        }
        principals.put(hash, loaded.get());
        return Optional.of(loaded.get().principal());
    }

    /** A lock or unlock applies on this node as soon as it is committed; on other nodes within a second. */
    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void on(io.walletdesk.identity.AccountLocked locked) {
        forget(locked.userId());
    }

    @org.springframework.transaction.event.TransactionalEventListener(fallbackExecution = true)
    void on(io.walletdesk.identity.AccountUnlocked unlocked) {
        forget(unlocked.userId());
    }

    /** Profile, role or status saved on this node: the next request reads the account again. */
    @org.springframework.context.event.EventListener
    void on(org.springframework.data.relational.core.mapping.event.AfterSaveEvent<?> saved) {
        if (saved.getEntity() instanceof UserAccount user && user.id() != null) {
            forget(user.id());
        }
    }

    private void forget(long userId) {
        principals.values().removeIf(cached -> cached.principal().userId() == userId);
    }

    /** The user behind a valid, unexpired, unrevoked access token. */
    public Optional<Long> userFor(String accessToken) {
        if (accessToken == null || !accessToken.startsWith("wda_")) {
            return Optional.empty();
        }
        return jdbc.sql("""
                SELECT user_id FROM api_tokens WHERE token_hash = :hash AND kind = :kind
                AND revoked_at IS NULL AND expires_at > :now""")
                .param("hash", Hashes.sha256(accessToken)).param("kind", TokenKind.ACCESS.name())
                .param("now", Timestamp.from(clock.instant()))
                .query(Long.class).optional();
    }

    @Transactional(noRollbackFor = ProblemException.class)
    public TokenPair refresh(String refreshToken) {
        if (refreshToken == null) {
            throw invalidGrant();
        }
        var row = jdbc.sql("SELECT user_id, family, expires_at, revoked_at FROM api_tokens WHERE token_hash = :hash AND kind = :kind")
                .param("hash", Hashes.sha256(refreshToken)).param("kind", TokenKind.REFRESH.name())
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
        forget(userId);
        jdbc.sql("UPDATE api_tokens SET revoked_at = :now WHERE user_id = :user AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("user", userId).update();
    }

    private void revokeFamily(String family) {
        principals.clear(); // this node at once; other nodes within PRINCIPAL_CACHE_NANOS
        jdbc.sql("UPDATE api_tokens SET revoked_at = :now WHERE family = :family AND revoked_at IS NULL")
                .param("now", Timestamp.from(clock.instant())).param("family", family).update();
    }

    private void insert(long userId, String token, TokenKind kind, String family, Instant now, Instant expires) {
        jdbc.sql("""
                INSERT INTO api_tokens (user_id, token_hash, kind, family, created_at, expires_at)
                VALUES (:user, :hash, :kind, :family, :now, :expires)""")
                .param("user", userId).param("hash", Hashes.sha256(token)).param("kind", kind.name())
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
        return new ProblemException("invalid-grant", FailureKind.UNAUTHENTICATED);
    }

    /** Which of the pair a stored token is; stored by name. */
    private enum TokenKind { ACCESS, REFRESH }

    /** An access token (short-lived) and the refresh token that renews it. */
    public record TokenPair(String accessToken, String refreshToken, long expiresIn) {
    }
}
