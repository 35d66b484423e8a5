package io.walletdesk.reachability;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The personal anti-phishing phrase a customer chose (requirement P2). Every e-mail the service sends to
 * that customer shows it at the top, so a mail without it, or with a wrong one, is recognisably fake.
 * Customers set it at {@code /account/anti-phishing}.
 */
@Service
public class AntiPhishing {

    private final JdbcClient jdbc;

    AntiPhishing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The phrase of the given user, or empty when they have not set one (the mail then shows nothing, never
     * a placeholder a phisher could copy).
     *
     * @param userId the recipient's user id
     * @return the phrase exactly as the customer typed it
     */
    public Optional<String> phraseFor(long userId) {
        return jdbc.sql("SELECT phrase FROM reach_anti_phishing_phrase WHERE user_id = :user")
                .param("user", userId).query(String.class).optional();
    }
}
