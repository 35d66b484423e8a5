package io.walletdesk.reachability.internal;

import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.db.DatabaseOutage;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The registry of official channels, kept by admins. Every change is audited. */
@Service
class ChannelRegistry {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    ChannelRegistry(JdbcClient jdbc, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * One official channel: {@code normalized} is E.164, a lower-case domain, address or handle; {@code label}
     * says what it is for in English, {@code labelId} and {@code labelZh} in Indonesian and Chinese (null on
     * channels added before those existed).
     */
    record OfficialChannel(long id, OfficialKind kind, String normalized, String displayValue, String network, String label,
            String labelId, String labelZh, boolean active, Instant createdAt) {

        /** What the channel is for, in the reader's language; English where no translation was given. */
        public String label(Locale locale) {
            String translated = translation(locale);
            return translated == null ? label : translated;
        }

        /** Whether {@link #label(Locale)} is in the reader's language (else it is English, marked on pages). */
        public boolean labelIn(Locale locale) {
            return "en".equals(locale.getLanguage()) || translation(locale) != null;
        }

        private String translation(Locale locale) {
            return switch (SupportedLanguage.of(locale).orElse(SupportedLanguage.EN)) {
                case ID -> labelId;
                case ZH_CN -> labelZh;
                case EN -> label;
            };
        }
    }

    /** What a channel is for, in the three languages; an admin gives all three. */
    record Labels(String en, String id, String zh) {
    }

    /** The last list read, so that customers can still check a contact while the database is away. */
    private final AtomicReference<List<OfficialChannel>> lastActive = new AtomicReference<>(List.of());

    List<OfficialChannel> active() {
        try {
            List<OfficialChannel> active = jdbc.sql(
                    "SELECT * FROM reach_official_channel WHERE active = TRUE ORDER BY kind, network, normalized")
                    .query(ChannelRegistry::row).list();
            lastActive.set(List.copyOf(active));
            return active;
        } catch (DataAccessException failure) {
            if (!DatabaseOutage.isUnreachable(failure)) {
                throw failure;
            }
            return lastActive.get();
        }
    }

    List<OfficialChannel> all() {
        return jdbc.sql("SELECT * FROM reach_official_channel ORDER BY active DESC, kind, network, normalized")
                .query(ChannelRegistry::row).list();
    }

    @Transactional
    OfficialChannel add(String kind, String value, String network, Labels labels, Long actorUserId, String actorRole,
            ClientInfo client) {
        OfficialKind k = OfficialKind.parse(kind)
                .orElseThrow(() -> ProblemException.forField("validation", FailureKind.INVALID, "kind"));
        String normalized = normalise(k, value);
        String net = k.network(network);
        if (!net.matches("[a-z0-9_-]{1,32}")) {
            throw ProblemException.forField("validation", FailureKind.INVALID, "network");
        }
        String text = label(labels.en(), "label", SupportedLanguage.EN);
        String textId = label(labels.id(), "label_id", SupportedLanguage.ID);
        String textZh = label(labels.zh(), "label_zh", SupportedLanguage.ZH_CN);
        Instant now = clock.instant();
        try {
            jdbc.sql("""
                    INSERT INTO reach_official_channel (kind, normalized, display_value, network, label, label_id, label_zh,
                        active, created_at)
                    VALUES (:kind, :normalized, :display, :network, :label, :labelId, :labelZh, TRUE, :at)""")
                    .param("kind", k.name()).param("normalized", normalized).param("display", value.strip())
                    .param("network", net).param("label", text).param("labelId", textId).param("labelZh", textZh)
                    .param("at", Timestamp.from(now)).update();
        } catch (DuplicateKeyException exists) {
            jdbc.sql("""
                    UPDATE reach_official_channel SET active = TRUE, label = :label, label_id = :labelId, label_zh = :labelZh
                    WHERE kind = :kind AND network = :network AND normalized = :normalized""")
                    .param("kind", k.name()).param("normalized", normalized).param("network", net).param("label", text)
                    .param("labelId", textId).param("labelZh", textZh).update();
        }
        audit.record(AuditEntry.of("OFFICIAL_CHANNEL_ADDED", actorUserId, actorRole, null,
                k + " " + net + " " + normalized + " (" + text + ")", client));
        return jdbc.sql("SELECT * FROM reach_official_channel WHERE kind = :kind AND network = :network AND normalized = :normalized")
                .param("kind", k.name()).param("network", net).param("normalized", normalized).query(ChannelRegistry::row).single();
    }

    @Transactional
    void deactivate(long id, Long actorUserId, String actorRole, ClientInfo client) {
        OfficialChannel channel = jdbc.sql("SELECT * FROM reach_official_channel WHERE id = :id").param("id", id)
                .query(ChannelRegistry::row).optional()
                .orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        jdbc.sql("UPDATE reach_official_channel SET active = FALSE WHERE id = :id").param("id", id).update();
        audit.record(AuditEntry.of("OFFICIAL_CHANNEL_REMOVED", actorUserId, actorRole, null,
                channel.kind() + " " + channel.network() + " " + channel.normalized(), client));
    }

    /** A label in one language, required: the problem names the field and the language that is missing. */
    private static String label(String value, String field, SupportedLanguage language) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty() || text.length() > 200) {
            throw ProblemException.forField("reach-channel-label", FailureKind.INVALID, field,
                    new DefaultMessageSourceResolvable(new String[] {"languageName." + language.tag()}, language.tag()));
        }
        return text;
    }

    private static String normalise(OfficialKind kind, String value) {
        ChannelInput input = ChannelInput.parse(value);
        String result = switch (kind) {
            case PHONE -> input.kind() == ChannelInput.Kind.PHONE && !input.disguised() ? input.normalized() : null;
            case EMAIL -> input.kind() == ChannelInput.Kind.EMAIL ? input.normalized() : null;
            case HANDLE -> input.kind() == ChannelInput.Kind.HANDLE ? input.normalized()
                    : value != null && value.strip().matches("[\\p{L}\\p{N}_.]{2,64}") ? value.strip().toLowerCase(Locale.ROOT) : null;
            case EMAIL_DOMAIN, WEB_DOMAIN -> input.kind() == ChannelInput.Kind.WEB ? input.normalized()
                    : value == null ? null : ChannelInput.host(value.strip().replaceFirst("^@", ""));
        };
        if (result == null) {
            throw ProblemException.forField("reach-channel-invalid", FailureKind.INVALID, "value");
        }
        return result;
    }

    private static OfficialChannel row(ResultSet rs, int n) throws SQLException {
        return new OfficialChannel(rs.getLong("id"), OfficialKind.valueOf(rs.getString("kind")), rs.getString("normalized"),
                rs.getString("display_value"), rs.getString("network"), rs.getString("label"), rs.getString("label_id"),
                rs.getString("label_zh"), rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant());
    }
}
