package io.walletdesk.reachability.internal;

import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Customers set or remove their anti-phishing phrase; changes are audited (without the phrase itself). */
@Service
class AntiPhishingPhrases {

    static final int MIN_LENGTH = 4;
    static final int MAX_LENGTH = 40;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditTrail audit;

    AntiPhishingPhrases(JdbcClient jdbc, Clock clock, AuditTrail audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    void set(long userId, String phrase, String role, ClientInfo client) {
        String p = phrase == null ? "" : phrase.strip().replaceAll("\\s+", " ");
        if (p.length() < MIN_LENGTH || p.length() > MAX_LENGTH || !p.matches("[\\p{L}\\p{N} .,!?'-]+")) {
            throw ProblemException.forField("reach-phrase-invalid", FailureKind.INVALID, "phrase", MIN_LENGTH, MAX_LENGTH);
        }
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("UPDATE reach_anti_phishing_phrase SET phrase = :phrase, updated_at = :at WHERE user_id = :user")
                .param("phrase", p).param("at", now).param("user", userId).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO reach_anti_phishing_phrase (user_id, phrase, updated_at) VALUES (:user, :phrase, :at)")
                    .param("phrase", p).param("at", now).param("user", userId).update();
        }
        audit.record(AuditEntry.of("ANTI_PHISHING_PHRASE_SET", userId, role, userId, null, client));
    }

    @Transactional
    void remove(long userId, String role, ClientInfo client) {
        jdbc.sql("DELETE FROM reach_anti_phishing_phrase WHERE user_id = :user").param("user", userId).update();
        audit.record(AuditEntry.of("ANTI_PHISHING_PHRASE_REMOVED", userId, role, userId, null, client));
    }
}
