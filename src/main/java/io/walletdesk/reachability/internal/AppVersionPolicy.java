package io.walletdesk.reachability.internal;

import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Minimum and latest client version per platform, set by admins. Read on every API call, so kept in memory
 * for a short while; while the database is unreachable the last known policy stays in force, and with none
 * known nobody is blocked.
 */
@Service
class AppVersionPolicy {

    static final Set<String> PLATFORMS = Set.of("android", "ios", "web");
    private static final Logger log = LoggerFactory.getLogger(AppVersionPolicy.class);
    private static final Duration CACHE_FOR = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;
    private final AtomicReference<Cached> cache = new AtomicReference<>();

    AppVersionPolicy(JdbcClient jdbc, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** One platform's policy. */
    record PlatformPolicy(String platform, String minimumVersion, String latestVersion, String storeUrl,
            Instant updatedAt) {
    }

    enum Verdict {
        /** At or above the latest version. */
        CURRENT,
        /** At or above the minimum, below the latest. */
        UPDATE_AVAILABLE,
        /** Below the minimum: the API refuses. */
        UPDATE_REQUIRED,
        /** Unknown platform, unreadable version or no policy known. */
        UNKNOWN
    }

    /** What a client's platform and version mean under the current policy. */
    record Evaluation(Verdict verdict, String platform, String clientVersion, PlatformPolicy policy) {
    }

    List<PlatformPolicy> all() {
        Cached cached = cache.get();
        Instant now = clock.instant();
        if (cached != null && cached.loadedAt().plus(CACHE_FOR).isAfter(now) && !cached.loadedAt().isAfter(now)) {
            return cached.policies();
        }
        try {
            List<PlatformPolicy> fresh = load();
            cache.set(new Cached(fresh, now));
            return fresh;
        } catch (RuntimeException databaseDown) {
            log.warn("App version policy unavailable, keeping the last known one: {}", databaseDown.toString());
            return cached == null ? List.of() : cached.policies();
        }
    }

    Optional<PlatformPolicy> forPlatform(String platform) {
        String key = normalisePlatform(platform);
        return all().stream().filter(p -> p.platform().equals(key)).findFirst();
    }

    Evaluation evaluate(String platform, String version) {
        String key = normalisePlatform(platform);
        Optional<PlatformPolicy> policy = forPlatform(key);
        Optional<ClientVersion> client = ClientVersion.parse(version);
        if (policy.isEmpty() || client.isEmpty()) {
            return new Evaluation(Verdict.UNKNOWN, key, version, policy.orElse(null));
        }
        PlatformPolicy p = policy.get();
        Optional<ClientVersion> minimum = ClientVersion.parse(p.minimumVersion());
        Optional<ClientVersion> latest = ClientVersion.parse(p.latestVersion());
        Verdict verdict = Verdict.CURRENT;
        if (minimum.isPresent() && client.get().isBelow(minimum.get())) {
            verdict = Verdict.UPDATE_REQUIRED;
        } else if (latest.isPresent() && client.get().isBelow(latest.get())) {
            verdict = Verdict.UPDATE_AVAILABLE;
        }
        return new Evaluation(verdict, key, client.get().toString(), p);
    }

    @Transactional
    PlatformPolicy update(String platform, String minimum, String latest, String storeUrl, Long actorUserId,
            String actorRole, ClientInfo client) {
        String key = normalisePlatform(platform);
        if (!PLATFORMS.contains(key)) {
            throw new ProblemException("not-found", FailureKind.NOT_FOUND);
        }
        ClientVersion min = ClientVersion.parse(minimum)
                .orElseThrow(() -> ProblemException.forField("reach-version-invalid", FailureKind.INVALID, "minimumVersion"));
        ClientVersion max = ClientVersion.parse(latest)
                .orElseThrow(() -> ProblemException.forField("reach-version-invalid", FailureKind.INVALID, "latestVersion"));
        if (max.isBelow(min)) {
            throw ProblemException.forField("reach-version-order", FailureKind.INVALID, "latestVersion");
        }
        String url = storeUrl == null ? "" : storeUrl.trim();
        if (!url.matches("https://[^\\s\"'<>]{3,490}")) {
            throw ProblemException.forField("reach-store-url-invalid", FailureKind.INVALID, "storeUrl");
        }
        PlatformPolicy before = forPlatform(key).orElse(null);
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                UPDATE reach_app_version SET minimum_version = :min, latest_version = :latest, store_url = :url,
                updated_at = :at, updated_by = :by WHERE platform = :platform""")
                .param("min", min.toString()).param("latest", max.toString()).param("url", url)
                .param("at", Timestamp.from(now)).param("by", actorUserId, Types.BIGINT)
                .param("platform", key).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO reach_app_version (platform, minimum_version, latest_version, store_url, updated_at, updated_by)
                    VALUES (:platform, :min, :latest, :url, :at, :by)""")
                    .param("min", min.toString()).param("latest", max.toString()).param("url", url)
                    .param("at", Timestamp.from(now)).param("by", actorUserId, Types.BIGINT)
                    .param("platform", key).update();
        }
        audit.record(AuditEntry.of("APP_VERSION_POLICY_CHANGED", actorUserId, actorRole, null,
                key + ": minimum " + (before == null ? "-" : before.minimumVersion()) + " -> " + min
                        + ", latest " + (before == null ? "-" : before.latestVersion()) + " -> " + max + ", store " + url,
                client));
        cache.set(null);
        return new PlatformPolicy(key, min.toString(), max.toString(), url, now);
    }

    static String normalisePlatform(String platform) {
        return platform == null ? "" : platform.trim().toLowerCase(Locale.ROOT);
    }

    private List<PlatformPolicy> load() {
        return jdbc.sql("SELECT platform, minimum_version, latest_version, store_url, updated_at FROM reach_app_version ORDER BY platform")
                .query((rs, n) -> new PlatformPolicy(rs.getString("platform"), rs.getString("minimum_version"),
                        rs.getString("latest_version"), rs.getString("store_url"),
                        rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    private record Cached(List<PlatformPolicy> policies, Instant loadedAt) {
    }
}
