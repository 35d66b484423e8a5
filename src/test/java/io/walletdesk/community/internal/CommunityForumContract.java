package io.walletdesk.community.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walletdesk.identity.Role;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.TestData;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * C5 end to end below the browser: public reading, the safety pass, approval, moderation, private support, API.
 * Run against PostgreSQL ({@link CommunityForumTest}) and the embedded demo's H2 ({@link CommunityForumH2Test}).
 */
abstract class CommunityForumContract {

    @LocalServerPort
    int port;
    @Autowired
    Registration registration;
    @Autowired
    Forum forum;
    @Autowired
    Moderation moderation;
    @Autowired
    PrivateSupport privateSupport;
    @Autowired
    ForumSearch search;
    @Autowired
    CommunityStore store;
    @Autowired
    CommunityReports reports;
    @Autowired
    Conversations conversations;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    io.walletdesk.shared.outbox.OutboundMessages outbox;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private Member customer(String name, boolean established) {
        String phone = TestData.phone();
        long id = registration.register(new Registration.RegisterCustomer(phone, TestData.email(), name, "id",
                TestData.PASSWORD), ClientInfo.system());
        if (established) {
            jdbc.sql("UPDATE users SET created_at = :at WHERE id = :id")
                    .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(60)))).param("id", id).update();
        }
        return new Member(id, name, false, "CUSTOMER");
    }

    private Member agent() {
        long id = registration.createStaff(Role.AGENT, TestData.email(), "Rina Agen", "meja-bantuan-pagi-77", null,
                ClientInfo.system());
        return new Member(id, "Rina Agen", true, "AGENT");
    }

    private HttpResponse<String> get(String path, String language) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept-Language", language).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anyoneReadsAndSearchesInAllThreeLanguagesWithoutSigningIn() throws Exception {
        Member asker = customer("Dewi Lestari", true);
        forum.startTopic(asker, "top-ups", "id", "Saldo tidak masuk setelah top up", "Sudah bayar lewat ATM tapi saldo belum masuk.",
                ClientInfo.system());
        Map<String, String> headings = Map.of("en", "Community", "zh-CN", "社区", "id", "Komunitas");
        for (var language : headings.entrySet()) {
            HttpResponse<String> home = get("/community", language.getKey());
            assertThat(home.statusCode()).isEqualTo(200);
            assertThat(home.body()).contains("<h1>" + language.getValue() + "</h1>");
            assertThat(get("/community?lang=" + language.getKey(), "en").statusCode()).isEqualTo(200);
            HttpResponse<String> found = get("/community/search?q=saldo+belum+masuk&lang=" + language.getKey(), language.getKey());
            assertThat(found.statusCode()).isEqualTo(200);
        }
        // The same analysis and typo tolerance as the help centre: "sldo" and "masukk" still find the topic.
        assertThat(get("/community/search?q=saldo+tidak+masukk&lang=id", "id").body()).contains("Saldo tidak masuk setelah top up");
        assertThat(search.search("top up saldo tdak masuk", io.walletdesk.shared.i18n.SupportedLanguage.ID, 5))
                .extracting(ForumSearch.Hit::title).contains("Saldo tidak masuk setelah top up");
        assertThat(get("/community?lang=all", "en").body()).contains("Saldo tidak masuk setelah top up");
    }

    @Test
    void postingWithoutSigningInLeadsToTheSignInPage() throws Exception {
        HttpResponse<String> form = get("/community/new", "en");
        assertThat(form.statusCode()).isEqualTo(302);
        assertThat(form.headers().firstValue("Location").orElse("")).endsWith("/login");
        // The page's forms carry the CSRF token, as a browser would send it.
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                .matcher(get("/community", "en").body());
        assertThat(token.find()).isTrue();
        String csrf = token.group(1);
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/community/topics"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&category=top-ups&language=en&title=Hello+there&body=Hi"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(302);
        assertThat(post.headers().firstValue("Location").orElse("")).endsWith("/login");
    }

    @Test
    void aNewAccountsFirstPostWaitsForApprovalThenPublishes() {
        Member newcomer = customer("Agus Salim", false);
        Forum.Posted posted = forum.startTopic(newcomer, "app-problems", "en", "App closes when I open history",
                "Every time I open history the app closes.", ClientInfo.system());
        assertThat(posted.held()).isTrue();
        assertThat(store.topic(posted.topicId()).orElseThrow().state()).isEqualTo(TopicState.PENDING);
        assertThat(moderation.queue()).anySatisfy(f -> {
            assertThat(f.post().id()).isEqualTo(posted.postId());
            assertThat(f.reason()).isEqualTo(FlagReason.NEW_ACCOUNT);
        });
        moderation.approve(agent(), posted.postId(), ClientInfo.system());
        assertThat(store.topic(posted.topicId()).orElseThrow().state()).isEqualTo(TopicState.OPEN);
        assertThat(moderation.queue()).noneSatisfy(f -> assertThat(f.post().id()).isEqualTo(posted.postId()));
        // Approved once, trusted afterwards.
        assertThat(forum.reply(newcomer, posted.topicId(), "It also happens on wifi.", ClientInfo.system()).held()).isFalse();
    }

    @Test
    void personalDataIsMaskedAndALookAlikeOfOurNumberWarnsAndGoesToTheQueue() throws Exception {
        Member asker = customer("Budi Santoso", true);
        Forum.Posted posted = forum.startTopic(asker, "payments-transfers", "id", "Transfer gagal tapi saldo terpotong",
                "Nomor saya 0812-3456-7890, OTP 456123 sudah saya kirim ke CS di WA 0811-1000-1235.", ClientInfo.system());
        assertThat(posted.held()).isFalse();
        assertThat(posted.lookAlike()).isTrue();
        assertThat(posted.masked()).contains(PersonalData.PHONE, PersonalData.SECRET_CODE);
        Post question = store.post(posted.postId()).orElseThrow();
        assertThat(question.body()).doesNotContain("3456-7890").doesNotContain("456123").doesNotContain("1000-1235")
                .contains("0812-••••-••90");
        assertThat(moderation.queue()).anySatisfy(f -> {
            assertThat(f.post().id()).isEqualTo(posted.postId());
            assertThat(f.reason()).isEqualTo(FlagReason.LOOK_ALIKE);
            assertThat(f.detail()).contains("+6281110001235");
        });
        String page = get("/community/topics/" + posted.topicId(), "id").body();
        assertThat(page).contains("lookalike-warning").doesNotContain("3456-7890");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'COMMUNITY_TOPIC_STARTED' AND actor_user_id = :u")
                .param("u", asker.userId()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void staffAnswersOfficiallyTheAskerAcceptsAndStaffMovesTheTopicToPrivateSupport() throws Exception {
        Member asker = customer("Sari Wulandari", true);
        Member other = customer("Joko Widodo", true);
        Member agent = agent();
        long topic = forum.startTopic(asker, "top-ups", "id", "Top up via BCA belum masuk 2 jam",
                "Sudah 2 jam saldo belum masuk.", ClientInfo.system()).topicId();
        long answer = forum.reply(other, topic, "Biasanya masuk dalam 1 jam, coba tunggu.", ClientInfo.system()).postId();
        long official = forum.reply(agent, topic, "Kami cek transaksinya secara pribadi.", ClientInfo.system()).postId();
        assertThat(store.post(official).orElseThrow().official()).isTrue();
        assertThat(store.topic(topic).orElseThrow().firstOfficialAt()).isNotNull();
        assertThatThrownBy(() -> forum.accept(other, topic, answer, ClientInfo.system())).isInstanceOf(ProblemException.class);
        forum.accept(asker, topic, answer, ClientInfo.system());
        assertThat(store.topic(topic).orElseThrow().acceptedPostId()).isEqualTo(answer);
        assertThat(forum.vote(other, official)).isTrue();
        assertThat(forum.vote(other, official)).isFalse();
        assertThat(forum.vote(other, answer)).isFalse(); // not for one's own post

        long conversation = privateSupport.moveToPrivate(agent, topic, ClientInfo.system());
        ConversationView view = conversations.get(conversation, new Participant.Customer(asker.userId(), "Sari"));
        assertThat(view.subject()).isEqualTo("Top up via BCA belum masuk 2 jam");
        assertThat(conversations.messagesAfter(conversation, new Participant.Customer(asker.userId(), "Sari"), 0, 50))
                .anySatisfy(m -> assertThat(m.body()).contains("Sudah 2 jam saldo belum masuk."));
        Topic moved = store.topic(topic).orElseThrow();
        assertThat(moved.state()).isEqualTo(TopicState.PRIVATE);
        String page = get("/community/topics/" + topic, "id").body();
        assertThat(page).contains("topic-private").doesNotContain("Sudah 2 jam saldo belum masuk.")
                .doesNotContain("/support/conversations/");
    }

    @Test
    void theMobileAppReadsPubliclyAndPostsWithABearerToken() {
        String phone = TestData.phone();
        long id = registration.register(new Registration.RegisterCustomer(phone, TestData.email(), "Putri Ayu", "en",
                TestData.PASSWORD), ClientInfo.system());
        jdbc.sql("UPDATE users SET created_at = :at WHERE id = :id")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(60)))).param("id", id).update();
        ApiClient anonymous = new ApiClient(port);
        ApiClient.Response refused = anonymous.post("/api/v1/community/topics",
                Map.of("category", "app-problems", "language", "en", "title", "Cannot scan QR codes", "body", "Camera is black."));
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");

        ApiClient app = new ApiClient(port).signIn(phone, TestData.PASSWORD);
        ApiClient.Response created = app.post("/api/v1/community/topics",
                Map.of("category", "app-problems", "language", "en", "title", "Cannot scan merchant QR codes",
                        "body", "Camera is black. Mail me at putri.ayu@gmail.com"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("masked").toString()).contains("EMAIL");
        long topic = created.json().get("topicId").asLong();
        ApiClient.Response bad = app.post("/api/v1/community/topics/" + topic + "/replies", Map.of("body", "x\u0000"));
        assertThat(bad.status()).isEqualTo(400);

        ApiClient.Response list = anonymous.get("/api/v1/community/topics?lang=en&q=merchant+qr+code");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json().get("topics").toString()).contains("Cannot scan merchant QR codes");
        ApiClient.Response detail = anonymous.get("/api/v1/community/topics/" + topic);
        assertThat(detail.json().get("question").get("body").asString()).contains("p•••@gmail.com").doesNotContain("putri.ayu");
        assertThat(anonymous.get("/api/v1/community/topics?lang=xx").status()).isEqualTo(400);
    }

    @Test
    void moderatorsLockMoveAndMergeAndTheReportCountsIt() {
        Member asker = customer("Wati Susanti", true);
        Member agent = agent();
        long first = forum.startTopic(asker, "app-problems", "en", "Login loop on Android", "It keeps asking me to sign in.",
                ClientInfo.system()).topicId();
        long second = forum.startTopic(asker, "app-problems", "en", "Android asks me to sign in again",
                "Same as before, again and again.", ClientInfo.system()).topicId();
        moderation.lock(agent, first, true, ClientInfo.system());
        assertThatThrownBy(() -> forum.reply(asker, first, "Any news?", ClientInfo.system()))
                .isInstanceOf(ProblemException.class).hasMessage("community-locked");
        moderation.move(agent, first, "account-security", ClientInfo.system());
        assertThat(store.topic(first).orElseThrow().category()).isEqualTo(TopicCategory.ACCOUNT_SECURITY);
        moderation.merge(agent, second, first, ClientInfo.system());
        assertThat(store.topic(second).orElseThrow().state()).isEqualTo(TopicState.MERGED);
        assertThat(store.posts(first)).hasSize(2);
        jdbc.sql("UPDATE community_topic SET created_at = :at WHERE id = :id")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofHours(30)))).param("id", first).update();
        CommunityReports.Report report = reports.report(30);
        assertThat(report.byCategory().get(TopicCategory.ACCOUNT_SECURITY)).isPositive();
        assertThat(report.unanswered()).extracting(Topic::id).contains(first);
        assertThat(List.of("COMMUNITY_TOPIC_LOCKED", "COMMUNITY_TOPIC_MOVED", "COMMUNITY_TOPIC_MERGED")).allSatisfy(action ->
                assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = :a AND actor_user_id = :u")
                        .param("a", action).param("u", agent.userId()).query(Long.class).single()).isEqualTo(1));
    }

    @Test
    void theStatusPagesMentionOfTheForumLinksToIt() throws Exception {
        assertThat(get("/status", "en").body()).contains("id=\"status-community-link\"").contains("href=\"/community\"");
    }

    @Test
    void followersGetALinkNotTheTextAndUnsubscribeInOneClick() throws Exception {
        String email = TestData.email();
        long askerId = registration.register(new Registration.RegisterCustomer(TestData.phone(), email, "Rudi Hartono",
                "en", TestData.PASSWORD), ClientInfo.system());
        jdbc.sql("UPDATE users SET created_at = :at WHERE id = :id")
                .param("at", Timestamp.from(Instant.now().minus(Duration.ofDays(60)))).param("id", askerId).update();
        Member asker = new Member(askerId, "Rudi Hartono", false, "CUSTOMER");
        long topic = forum.startTopic(asker, "payments-transfers", "en", "QRIS payment pending for an hour",
                "The merchant says it did not arrive.", ClientInfo.system()).topicId();
        forum.reply(agent(), topic, "SECRET-REPLY-TEXT: we are checking with the merchant's bank.", ClientInfo.system());
        io.walletdesk.shared.outbox.OutboundMessage mail = null;
        for (int i = 0; i < 100 && mail == null; i++) {
            mail = outbox.to(email).stream().filter(m -> m.purpose().equals(Follows.PURPOSE)).findFirst().orElse(null);
            Thread.sleep(100);
        }
        assertThat(mail).as("a mail to the follower").isNotNull();
        assertThat(mail.subject()).contains("QRIS payment pending for an hour");
        assertThat(mail.body()).contains("/community/topics/" + topic).doesNotContain("SECRET-REPLY-TEXT");
        String token = mail.body().replaceAll("(?s).*/community/unsubscribe\\?token=(\\S+).*", "$1");
        // RFC 8058: the mail client posts without our CSRF token or a session.
        HttpResponse<String> oneClick = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/community/unsubscribe?token=" + token))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(oneClick.statusCode()).isEqualTo(200);
        assertThat(oneClick.body()).contains("id=\"unsubscribed\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM community_follow WHERE user_id = :u").param("u", askerId)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aHelpArticleOpenedFromTheSuggestionsCountsAsDeflection() throws Exception {
        long before = reports.report(1).deflections();
        HttpResponse<String> opened = get("/community/deflect/topup-not-received?lang=id", "id");
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(opened.headers().firstValue("Location").orElse("")).endsWith("/help/topup-not-received?lang=id");
        assertThat(get("/community/deflect/no-such-article?lang=id", "id").statusCode()).isEqualTo(404);
        assertThat(reports.report(1).deflections()).isEqualTo(before + 1);
    }
}
