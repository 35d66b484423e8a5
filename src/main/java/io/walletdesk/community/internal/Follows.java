package io.walletdesk.community.internal;

import io.walletdesk.community.ReplyPublished;
import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.Accounts;
import io.walletdesk.shared.outbox.OutboundMessage;
import io.walletdesk.shared.outbox.OutboundMessages;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Following a topic by e-mail. A new public reply sends each follower (except its author) a short mail through the
 * outbox: the topic's title and a link, never the reply's text, so nobody can make us mail their words. The mailer
 * puts the customer's anti-phishing phrase on top; the last link is the one-click unsubscribe (RFC 8058).
 */
@Service
class Follows {

    static final String PURPOSE = "COMMUNITY_UPDATE";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final CommunityStore store;
    private final Accounts accounts;
    private final OutboundMessages outbox;
    private final MessageSource messages;
    private final Clock clock;
    private final String baseUrl;

    Follows(JdbcClient jdbc, CommunityStore store, Accounts accounts, OutboundMessages outbox, MessageSource messages,
            Clock clock, @Value("${walletdesk.public-base-url:http://localhost:8080}") String baseUrl) {
        this.jdbc = jdbc;
        this.store = store;
        this.accounts = accounts;
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    boolean following(long userId, long topicId) {
        return jdbc.sql("SELECT COUNT(*) FROM community_follow WHERE topic_id = :t AND user_id = :u")
                .param("t", topicId).param("u", userId).query(Long.class).single() > 0;
    }

    /** Starts or stops following a listed topic; false when there is no e-mail address to write to. */
    @Transactional
    boolean follow(Member by, long topicId, boolean follow) {
        store.topic(topicId).filter(t -> t.state().listed() || t.authorUserId() == by.userId())
                .orElseThrow(CommunityPageController::notFound);
        if (!follow) {
            jdbc.sql("DELETE FROM community_follow WHERE topic_id = :t AND user_id = :u")
                    .param("t", topicId).param("u", by.userId()).update();
            return true;
        }
        if (accounts.find(by.userId()).map(AccountView::email).filter(e -> e != null && !e.isBlank()).isEmpty()) {
            return false;
        }
        byte[] token = new byte[24];
        RANDOM.nextBytes(token);
        jdbc.sql("""
                INSERT INTO community_follow (topic_id, user_id, token, created_at)
                SELECT :t, :u, :token, :at WHERE NOT EXISTS
                    (SELECT 1 FROM community_follow WHERE topic_id = :t AND user_id = :u)""")
                .param("t", topicId).param("u", by.userId())
                .param("token", Base64.getUrlEncoder().withoutPadding().encodeToString(token))
                .param("at", Timestamp.from(clock.instant())).update();
        return true;
    }

    /** True when the token ended a follow; unknown tokens answer false (unsubscribing twice is no error). */
    @Transactional
    boolean unsubscribe(String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            return false;
        }
        return jdbc.sql("DELETE FROM community_follow WHERE token = :token").param("token", token).update() > 0;
    }

    @ApplicationModuleListener
    void on(ReplyPublished event) {
        Topic topic = store.topic(event.topicId()).filter(t -> t.state().listed()).orElse(null);
        Post reply = store.post(event.postId()).orElse(null);
        if (topic == null || reply == null) {
            return;
        }
        record Follower(long userId, String token) {
        }
        List<Follower> followers = jdbc.sql("SELECT user_id, token FROM community_follow WHERE topic_id = :t")
                .param("t", topic.id()).query((rs, n) -> new Follower(rs.getLong("user_id"), rs.getString("token"))).list();
        for (Follower follower : followers) {
            if (follower.userId() == reply.authorUserId()) {
                continue;
            }
            accounts.find(follower.userId()).filter(a -> a.email() != null && !a.email().isBlank()).ifPresent(account -> {
                var locale = account.language().locale();
                String key = reply.official() ? "community.mail.official" : "community.mail.reply";
                String subject = messages.getMessage("community.mail.subject", new Object[] {topic.title()}, locale);
                String body = messages.getMessage(key, new Object[] {topic.title(),
                        baseUrl + "/community/topics/" + topic.id() + "#post-" + reply.id(),
                        baseUrl + "/community/unsubscribe?token=" + follower.token()}, locale);
                outbox.queue(new OutboundMessage(OutboundMessage.Channel.EMAIL, account.email(),
                        subject.length() > 300 ? subject.substring(0, 300) : subject, body, PURPOSE));
            });
        }
    }
}
