package io.walletdesk.ledger.internal;

import io.walletdesk.identity.AccountStatus;
import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.Accounts;
import io.walletdesk.identity.LockReason;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.UnlockAccount;
import io.walletdesk.ledger.IdentityVerificationDecided;
import io.walletdesk.ledger.IdentityVerificationSubmitted;
import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Identity verification (KYC): the customer uploads an ID photo and a selfie (type sniffed from the bytes,
 * size-limited); staff approve (the wallet becomes VERIFIED; a lock that asked for verification is lifted) or reject
 * with a reason. Everything is audited.
 */
@Service
class IdentityVerifications {

    public static final Set<String> REJECTION_REASONS = Set.of("UNREADABLE", "MISMATCH", "EXPIRED_ID", "NOT_AN_ID");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final WalletProperties properties;
    private final CustomerWallets wallets;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    IdentityVerifications(JdbcClient jdbc, Clock clock, WalletProperties properties, CustomerWallets wallets,
            Accounts accounts, AuditTrail audit, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.wallets = wallets;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
    }

    /** Where a verification request is: waiting for staff, or decided once for good. */
    enum Status { PENDING, APPROVED, REJECTED }

    /** A verification request without its photos. */
    public record Verification(long id, long userId, Status status, Instant submittedAt, Instant decidedAt,
            Long decidedBy, String rejectionReason) {
    }

    /** A stored photo. */
    public record Photo(byte[] bytes, String contentType) {
    }

    @Transactional
    public long submit(long userId, byte[] idPhoto, byte[] selfie, ClientInfo client) {
        String idType = sniff(idPhoto, "idPhoto");
        String selfieType = sniff(selfie, "selfie");
        wallets.open(userId);
        jdbc.sql("SELECT user_id FROM wallet WHERE user_id = :user FOR UPDATE").param("user", userId).query(Long.class).single();
        if (latest(userId).filter(v -> v.status() == Status.PENDING).isPresent()) {
            throw new ProblemException("kyc-already-pending", FailureKind.CONFLICT);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO identity_verification (user_id, status, id_photo, id_photo_type, selfie, selfie_type, submitted_at)
                VALUES (?, 'PENDING', ?, ?, ?, ?, ?)""")
                .params(userId, idPhoto, idType, selfie, selfieType, Timestamp.from(clock.instant()))
                .update(key, "id");
        long id = key.getKey().longValue();
        audit.record(AuditEntry.of("KYC_SUBMITTED", userId, "CUSTOMER", userId, "verification=" + id, client));
        events.publishEvent(new IdentityVerificationSubmitted(id, userId));
        return id;
    }

    /**
     * The lock reasons whose next step for the customer is to verify their identity (see {@code lock.todo.*}).
     * Approval lifts only these: any other lock (fraud, compliance, the customer's own request) is lifted by a
     * supervisor (ADR 0004, four eyes), so an agent cannot lock, approve an upload and unlock alone.
     */
    public static final Set<LockReason> LIFTED_BY_VERIFICATION =
            EnumSet.of(LockReason.IDENTITY_VERIFICATION_REQUIRED, LockReason.CREDENTIAL_BRUTE_FORCE);

    /** Approve (verify the wallet; lift a lock that asked for verification) or reject with a reason. */
    @Transactional
    public Verification decide(long verificationId, long staffUserId, Role staffRole, boolean approve,
            String rejectionReason, ClientInfo client) {
        Verification v = jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE").param("id", verificationId)
                .query((rs, n) -> row(rs)).optional()
                .orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        if (v.status() != Status.PENDING) {
            throw new ProblemException("kyc-not-pending", FailureKind.CONFLICT);
        }
        if (!approve && (rejectionReason == null || !REJECTION_REASONS.contains(rejectionReason))) {
            throw ProblemException.forField("validation", FailureKind.INVALID, "reason");
        }
        jdbc.sql("""
                UPDATE identity_verification SET status = ?, decided_at = ?, decided_by = ?, rejection_reason = ?
                WHERE id = ?""")
                .params((approve ? Status.APPROVED : Status.REJECTED).name(), Timestamp.from(clock.instant()), staffUserId,
                        approve ? null : rejectionReason, verificationId)
                .update();
        String lockNote = "";
        if (approve) {
            wallets.setTier(v.userId(), WalletTier.VERIFIED);
            AccountView account = accounts.find(v.userId()).orElse(null);
            if (account != null && account.status() == AccountStatus.LOCKED) {
                if (LIFTED_BY_VERIFICATION.contains(account.lockReason())) {
                    accounts.unlock(new UnlockAccount(v.userId(), "identity verified (verification " + verificationId + ")",
                            staffUserId), staffRole, client);
                    wallets.setLocked(v.userId(), false);
                    lockNote = " lifted lock=" + account.lockReason();
                } else {
                    lockNote = " kept lock=" + account.lockReason();
                }
            }
        }
        audit.record(AuditEntry.of(approve ? "KYC_APPROVED" : "KYC_REJECTED", staffUserId, staffRole.name(), v.userId(),
                "verification=" + verificationId + (approve ? lockNote : " reason=" + rejectionReason), client));
        events.publishEvent(new IdentityVerificationDecided(verificationId, v.userId(), approve,
                approve ? null : rejectionReason, staffUserId));
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", verificationId).query((rs, n) -> row(rs)).single();
    }

    public Optional<Verification> latest(long userId) {
        return jdbc.sql(SELECT + " WHERE user_id = :user ORDER BY id DESC LIMIT 1").param("user", userId)
                .query((rs, n) -> row(rs)).optional();
    }

    public List<Verification> pending(int limit) {
        return jdbc.sql(SELECT + " WHERE status = 'PENDING' ORDER BY id LIMIT :limit").param("limit", limit)
                .query((rs, n) -> row(rs)).list();
    }

    /** {@code which} is <q>id-photo</q> or <q>selfie</q>. */
    public Optional<Photo> photo(long verificationId, String which) {
        if (!"selfie".equals(which) && !"id-photo".equals(which)) {
            return Optional.empty();
        }
        String column = "selfie".equals(which) ? "selfie" : "id_photo";
        return jdbc.sql("SELECT " + column + ", " + column + "_type FROM identity_verification WHERE id = :id")
                .param("id", verificationId)
                .query((rs, n) -> new Photo(rs.getBytes(1), rs.getString(2))).optional();
    }

    private String sniff(byte[] bytes, String field) {
        if (bytes == null || bytes.length == 0) {
            throw ProblemException.forField("kyc-file-missing", FailureKind.INVALID, field);
        }
        if (bytes.length > properties.kyc().maxFileBytes()) {
            throw ProblemException.forField("kyc-file-too-large", FailureKind.TOO_LARGE, field,
                    properties.kyc().maxFileBytes() / (1024 * 1024));
        }
        if (bytes.length > 3 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8 && (bytes[2] & 0xFF) == 0xFF) {
            return "image/jpeg";
        }
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        if (bytes.length > png.length && java.util.Arrays.equals(java.util.Arrays.copyOf(bytes, png.length), png)) {
            return "image/png";
        }
        throw ProblemException.forField("kyc-file-type", FailureKind.UNSUPPORTED_TYPE, field);
    }

    private static final String SELECT = """
            SELECT id, user_id, status, submitted_at, decided_at, decided_by, rejection_reason FROM identity_verification""";

    private static Verification row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new Verification(rs.getLong("id"), rs.getLong("user_id"), Status.valueOf(rs.getString("status")),
                rs.getTimestamp("submitted_at").toInstant(), decided == null ? null : decided.toInstant(),
                rs.getObject("decided_by", Long.class), rs.getString("rejection_reason"));
    }
}
