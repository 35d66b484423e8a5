package io.walletdesk.chat.internal;

import io.walletdesk.shared.crypto.Digests;
import io.walletdesk.support.Participant;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionException;

/**
 * Random bearer tokens for the chat widget, bound to a customer, a visitor or a staff member. Visitors keep
 * theirs (and so their conversation) for 30 days; the e-mailed link carries it to another device (A6).
 */
@Service
class ChatTokens {

    static final Duration VISITOR_TTL = Duration.ofDays(30);
    static final Duration SIGNED_IN_TTL = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;

    ChatTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Who a token speaks for; stored by name in {@code chat_tokens.kind}. */
    private enum Kind { CUSTOMER, STAFF, VISITOR }

    public String forCustomer(long userId, String name) {
        return issue(Kind.CUSTOMER, userId, null, name, SIGNED_IN_TTL);
    }

    public String forStaff(long userId, String name) {
        return issue(Kind.STAFF, userId, null, name, SIGNED_IN_TTL);
    }

    /** A new anonymous visitor. */
    public String forVisitor(String name) {
        return issue(Kind.VISITOR, null, "v-" + UUID.randomUUID(), name, VISITOR_TTL);
    }

    /** Another token for the same visitor, e.g. for the e-mailed link that continues on another device (A6). */
    public String forSameVisitor(String visitorId, String name) {
        return issue(Kind.VISITOR, null, visitorId, name, VISITOR_TTL);
    }

    /**
     * Recently resolved tokens, so a customer keeps writing (into the intake journal) while the database is
     * briefly away. Entries expire after ten minutes; {@link #revokeUser} removes a user's entries at once.
     */
    private final Map<String, CachedParticipant> recent = new ConcurrentHashMap<>();

    private record CachedParticipant(Participant participant, Instant until) {
    }

    public Optional<Participant> resolve(String token) {
        if (token == null || !token.startsWith("wdc_") || token.length() > 100) {
            return Optional.empty();
        }
        String hash = Digests.sha256(token);
        try {
            Optional<Participant> found = lookup(hash);
            found.ifPresentOrElse(p -> remember(hash, p), () -> recent.remove(hash));
            return found;
        } catch (DataAccessException | TransactionException away) {
            CachedParticipant cached = recent.get(hash);
            if (cached != null && cached.until().isAfter(clock.instant())) {
                return Optional.of(cached.participant());
            }
            throw away;
        }
    }

    private void remember(String hash, Participant participant) {
        if (recent.size() > 50_000) {
            recent.clear();
        }
        recent.put(hash, new CachedParticipant(participant, clock.instant().plus(Duration.ofMinutes(10))));
    }

    private Optional<Participant> lookup(String hash) {
        return jdbc.sql("""
                SELECT kind, user_id, visitor_id, display_name FROM chat_tokens
                WHERE token_hash = :hash AND expires_at > :now""")
                .param("hash", hash).param("now", Timestamp.from(clock.instant()))
                .query((rs, n) -> {
                    Kind kind = Kind.valueOf(rs.getString("kind"));
                    String name = rs.getString("display_name");
                    return switch (kind) {
                        case CUSTOMER -> (Participant) new Participant.Customer(rs.getLong("user_id"), name);
                        case STAFF -> new Participant.Staff(rs.getLong("user_id"), name);
                        case VISITOR -> new Participant.Visitor(rs.getString("visitor_id"), name);
                    };
                })
                .optional();
    }

    private String issue(Kind kind, Long userId, String visitorId, String name, Duration ttl) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = "wdc_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        jdbc.sql("""
                INSERT INTO chat_tokens (token_hash, kind, user_id, visitor_id, display_name, created_at, expires_at)
                VALUES (:hash, :kind, :user, :visitor, :name, :now, :expires)""")
                .param("hash", Digests.sha256(token)).param("kind", kind.name()).param("user", userId, Types.BIGINT)
                .param("visitor", visitorId).param("name", name == null || name.isBlank() ? "-" : name.strip())
                .param("now", Timestamp.from(now)).param("expires", Timestamp.from(now.plus(ttl)))
                .update();
        return token;
    }

    /**
     * Ends every chat token of a signed-in user (customer or staff), e.g. at sign-out, password change or
     * account lock; also from the outage cache, so a revoked token is not honoured while the database is away.
     */
    public int revokeUser(long userId) {
        recent.values().removeIf(cached -> userIdOf(cached.participant()) == userId);
        return jdbc.sql("DELETE FROM chat_tokens WHERE user_id = :user AND kind IN (:customer, :staff)")
                .param("user", userId).param("customer", Kind.CUSTOMER.name()).param("staff", Kind.STAFF.name())
                .update();
    }

    /** Ends every token of an anonymous visitor, e.g. once their conversations belong to an account. */
    public int revokeVisitor(String visitorId) {
        recent.values().removeIf(cached -> cached.participant() instanceof Participant.Visitor v
                && v.visitorId().equals(visitorId));
        return jdbc.sql("DELETE FROM chat_tokens WHERE visitor_id = :v AND kind = :visitor")
                .param("v", visitorId).param("visitor", Kind.VISITOR.name()).update();
    }

    static long userIdOf(Participant participant) {
        if (participant instanceof Participant.Customer customer) {
            return customer.userId();
        }
        if (participant instanceof Participant.Staff staff) {
            return staff.userId();
        }
        return -1;
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT7M")
    @SchedulerLock(name = "chat-token-cleanup", lockAtMostFor = "PT10M")
    public void forgetExpired() {
        jdbc.sql("DELETE FROM chat_tokens WHERE expires_at < :now").param("now", Timestamp.from(clock.instant())).update();
    }
}
