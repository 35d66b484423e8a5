package io.walletdesk.status.internal;

import io.walletdesk.shared.outbox.OutboundMessage;
import io.walletdesk.shared.outbox.OutboundMessages;
import io.walletdesk.shared.ratelimit.RateLimiter;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail subscriptions to the status page (A7): double opt-in (a confirmation link, valid for 7 days),
 * per component or for everything, one-click unsubscribe, and a mail for every update that asks for
 * notifications, including the resolution. Mails go to the shared outbox in the subscriber's language.
 * Subscribing answers the same whether or not the address is known, so it reveals nothing.
 */
@Service
class Subscriptions {

    static final Duration CONFIRMATION_TTL = Duration.ofDays(7);
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OutboundMessages outbox;
    private final MessageSource messages;
    private final StatusProperties properties;
    private final RateLimiter rateLimiter;
    private final byte[] key;

    Subscriptions(JdbcClient jdbc, Clock clock, OutboundMessages outbox, MessageSource messages,
            StatusProperties properties, RateLimiter rateLimiter, @Value("${walletdesk.security.data-key}") String key) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.outbox = outbox;
        this.messages = messages;
        this.properties = properties;
        this.rateLimiter = rateLimiter;
        this.key = ("status-unsubscribe:" + key).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Subscribes an address to the components given (none and no incident: everything) or to one incident
     * ({@code incidentPublicId}, until it is resolved). Nothing is sent before the address confirms.
     */
    @Transactional
    public void subscribe(String email, List<String> componentCodes, String incidentPublicId, Locale language,
            ClientInfo client) {
        String address = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw ProblemException.forField("status-email-invalid", FailureKind.INVALID, "email");
        }
        var decision = rateLimiter.hit("status-subscribe:" + client.ip(), 10, Duration.ofHours(1));
        var perAddress = rateLimiter.hit("status-subscribe:" + address, 3, Duration.ofHours(1));
        if (!decision.allowed() || !perAddress.allowed()) {
            throw new ProblemException("status-too-many-subscriptions", FailureKind.RATE_LIMITED);
        }
        Long incidentId = incidentPublicId == null || incidentPublicId.isBlank() ? null
                : jdbc.sql("SELECT id FROM status_incident WHERE public_id = :p").param("p", incidentPublicId)
                        .query(Long.class).optional()
                        .orElseThrow(() -> new ProblemException("status-not-found", FailureKind.NOT_FOUND));
        boolean everything = componentCodes.isEmpty() && incidentId == null;
        String lang = language == null ? "en" : language.toLanguageTag();
        var existing = jdbc.sql("SELECT id, confirmed FROM status_subscriber WHERE email = :e").param("e", address)
                .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getBoolean("confirmed"))).optional();
        if (existing.isPresent() && existing.get().getValue()) {
            // Already opted in to status mail: following one more incident needs no new confirmation.
            followIncident(existing.get().getKey(), incidentId);
            send(address, language, "status.mail.already.subject", "status.mail.already.body",
                    link("/status/subscriptions/unsubscribe?token=" + unsubscribeToken(address)));
            return;
        }
        String token = randomToken();
        Timestamp now = Timestamp.from(clock.instant());
        long id;
        if (existing.isPresent()) {
            id = existing.get().getKey();
            jdbc.sql("""
                    UPDATE status_subscriber SET confirm_hash = :h, language = :lang, all_components = :all,
                        created_at = :now WHERE id = :id""")
                    .param("h", sha256(token)).param("lang", lang).param("all", everything)
                    .param("now", now).param("id", id).update();
            jdbc.sql("DELETE FROM status_subscriber_component WHERE subscriber_id = :id").param("id", id).update();
            jdbc.sql("DELETE FROM status_subscriber_incident WHERE subscriber_id = :id").param("id", id).update();
        } else {
            jdbc.sql("""
                    INSERT INTO status_subscriber (email, language, confirm_hash, unsubscribe_hash, confirmed,
                        all_components, created_at) VALUES (:e, :lang, :h, :u, FALSE, :all, :now)""")
                    .param("e", address).param("lang", lang).param("h", sha256(token))
                    .param("u", sha256(unsubscribeToken(address))).param("all", everything)
                    .param("now", now).update();
            id = jdbc.sql("SELECT id FROM status_subscriber WHERE email = :e").param("e", address).query(Long.class)
                    .single();
        }
        for (String code : componentCodes) {
            Long componentId = jdbc.sql("SELECT id FROM status_component WHERE code = :c").param("c", code)
                    .query(Long.class).optional().orElseThrow(() -> ProblemException.forField(
                            "status-unknown-component", FailureKind.INVALID, "components", code));
            jdbc.sql("INSERT INTO status_subscriber_component (subscriber_id, component_id) VALUES (:s, :c)")
                    .param("s", id).param("c", componentId).update();
        }
        followIncident(id, incidentId);
        send(address, language, "status.mail.confirm.subject", "status.mail.confirm.body",
                link("/status/subscriptions/confirm?token=" + token));
    }

    private void followIncident(long subscriberId, Long incidentId) {
        if (incidentId == null) {
            return;
        }
        boolean following = jdbc.sql("""
                SELECT COUNT(*) FROM status_subscriber_incident WHERE subscriber_id = :s AND incident_id = :i""")
                .param("s", subscriberId).param("i", incidentId).query(Long.class).single() > 0;
        if (!following) {
            jdbc.sql("INSERT INTO status_subscriber_incident (subscriber_id, incident_id) VALUES (:s, :i)")
                    .param("s", subscriberId).param("i", incidentId).update();
        }
    }

    /** True when the token confirmed a subscription. */
    @Transactional
    public boolean confirm(String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        Instant oldest = clock.instant().minus(CONFIRMATION_TTL);
        return jdbc.sql("""
                UPDATE status_subscriber SET confirmed = TRUE, confirmed_at = :now, confirm_hash = NULL
                WHERE confirm_hash = :h AND created_at >= :oldest""")
                .param("now", Timestamp.from(clock.instant())).param("h", sha256(token))
                .param("oldest", Timestamp.from(oldest)).update() > 0;
    }

    /** True when the token removed a subscription; unknown tokens answer false. */
    @Transactional
    public boolean unsubscribe(String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        return jdbc.sql("DELETE FROM status_subscriber WHERE unsubscribe_hash = :h").param("h", sha256(token))
                .update() > 0;
    }

    /** Queues one mail per confirmed subscriber interested in the incident's components. */
    void notifyUpdate(long incidentId, long updateId) {
        record Recipient(String email, String language) {
        }
        List<Recipient> recipients = jdbc.sql("""
                SELECT s.email, s.language FROM status_subscriber s WHERE s.confirmed = TRUE AND (
                    s.all_components = TRUE
                    OR EXISTS (SELECT 1 FROM status_subscriber_incident si
                        WHERE si.subscriber_id = s.id AND si.incident_id = :i)
                    OR (EXISTS (SELECT 1 FROM status_subscriber_component own WHERE own.subscriber_id = s.id) AND (
                        NOT EXISTS (SELECT 1 FROM status_incident_component ic WHERE ic.incident_id = :i)
                        OR EXISTS (SELECT 1 FROM status_subscriber_component sc JOIN status_incident_component ic
                            ON ic.component_id = sc.component_id WHERE sc.subscriber_id = s.id AND ic.incident_id = :i))))
                ORDER BY s.id""")
                .param("i", incidentId).query((rs, n) -> new Recipient(rs.getString("email"), rs.getString("language")))
                .list();
        if (recipients.isEmpty()) {
            forgetIfClosed(incidentId, updateId);
            return;
        }
        record Content(String publicId, Texts name, Texts body, IncidentStatus status) {
        }
        Content content = jdbc.sql("""
                SELECT i.public_id, i.name_en, i.name_zh, i.name_id, u.body_en, u.body_zh, u.body_id, u.status
                FROM status_incident_update u JOIN status_incident i ON i.id = u.incident_id WHERE u.id = :u""")
                .param("u", updateId)
                .query((rs, n) -> new Content(rs.getString("public_id"), StatusReader.texts(rs, "name"),
                        StatusReader.texts(rs, "body"), IncidentStatus.fromApi(rs.getString("status"))))
                .single();
        for (Recipient recipient : recipients) {
            Locale locale = Locale.forLanguageTag(recipient.language());
            String status = messages.getMessage("status.incidentStatus." + content.status().api(), null, locale);
            String subject = messages.getMessage("status.mail.update.subject",
                    new Object[] {properties.pageName(), content.name().in(locale), status}, locale);
            String body = messages.getMessage("status.mail.update.body", new Object[] {content.name().in(locale),
                    status, content.body().in(locale), link("/status/incidents/" + content.publicId()),
                    link("/status/subscriptions/unsubscribe?token=" + unsubscribeToken(recipient.email()))}, locale);
            outbox.queue(new OutboundMessage(OutboundMessage.Channel.EMAIL, recipient.email(), truncate(subject, 300),
                    truncate(body, 4000), "STATUS_UPDATE"));
        }
        forgetIfClosed(incidentId, updateId);
    }

    /** Following one incident ends with its resolution (or completion). */
    private void forgetIfClosed(long incidentId, long updateId) {
        String status = jdbc.sql("SELECT status FROM status_incident_update WHERE id = :u").param("u", updateId)
                .query(String.class).single();
        if (!IncidentStatus.fromApi(status).open()) {
            jdbc.sql("DELETE FROM status_subscriber_incident WHERE incident_id = :i").param("i", incidentId).update();
        }
    }

    private void send(String address, Locale locale, String subjectKey, String bodyKey, String link) {
        Locale language = locale == null ? Locale.ENGLISH : locale;
        String subject = messages.getMessage(subjectKey, new Object[] {properties.pageName()}, language);
        String body = messages.getMessage(bodyKey, new Object[] {properties.pageName(), link}, language);
        outbox.queue(new OutboundMessage(OutboundMessage.Channel.EMAIL, address, subject, body,
                subjectKey.contains("confirm") ? "STATUS_SUBSCRIPTION_CONFIRM" : "STATUS_SUBSCRIPTION"));
    }

    private String link(String path) {
        String base = properties.pageUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** Derived from the address, so every mail can carry it without storing it. */
    String unsubscribeToken(String email) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal(email.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }
}
