package io.walletdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.support.Intake;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.FreshPostgresDatabase;
import io.walletdesk.testing.PostgresAvailable;
import io.walletdesk.testing.TestClockConfig;
import io.walletdesk.testing.TestData;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * PostgreSQL goes away for real: the application talks to it through a TCP proxy that this test closes, so
 * every pooled connection is reset and every new one is refused. Every anonymous customer page still answers,
 * in every language, with content or a translated notice; what customers write meanwhile arrives exactly once
 * after recovery. This test has a context (and database) of its own, because it needs the proxy's address.
 */
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClockConfig.class)
@ContextConfiguration(initializers = DatabaseOutageTest.ThroughProxy.class)
class DatabaseOutageTest {

    static TcpProxy proxy;

    /** A fresh database, reached only through the proxy. */
    static class ThroughProxy implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String url = FreshPostgresDatabase.create();
            Matcher m = Pattern.compile("jdbc:postgresql://([^/:]+)(?::(\\d+))?/(\\w+)").matcher(url);
            if (!m.matches()) {
                throw new IllegalStateException("Unexpected test database URL " + url);
            }
            try {
                proxy = new TcpProxy(m.group(1), m.group(2) == null ? 5432 : Integer.parseInt(m.group(2)));
                proxy.accept();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            String user = System.getenv("WALLETDESK_TEST_DB_USER");
            String password = System.getenv("WALLETDESK_TEST_DB_PASSWORD");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("through-proxy", Map.of(
                    "spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + m.group(3),
                    "spring.datasource.username", user == null ? "postgres" : user,
                    "spring.datasource.password", password == null ? "" : password)));
        }
    }

    @AfterAll
    static void closeProxy() throws IOException {
        if (proxy != null) {
            proxy.accept(); // leave the database reachable for the context's shutdown
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    Intake intake;
    @Autowired
    JdbcClient jdbc;

    static final List<String> PAGES = List.of("/", "/help", "/help/search?q=top+up+failed", "/help/topup-failed",
            "/help/account-locked", "/status", "/diagnose", "/verify", "/support/verify", "/support", "/support/message",
            "/api/v1/public/help/search?q=top+up&lang=en", "/api/v1/public/help/articles/topup-failed?lang=en");

    @Autowired
    org.springframework.context.MessageSource messages;

    private String notice(String language) {
        return messages.getMessage("degraded.notice", null, java.util.Locale.forLanguageTag(language));
    }

    @Test
    void everyAnonymousPageAnswersDuringTheOutageAndMessagesArriveExactlyOnceAfterwards() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        ApiClient chat = new ApiClient(port);
        String token = chat.post("/api/v1/chat/visitors", Map.of("name", "Sari")).json().get("token").asText();
        chat.header("X-Chat-Token", token);
        long conversation = chat.post("/api/v1/chat/conversations", Map.of()).json().get("id").asLong();
        assertThat(chat.post("/api/v1/chat/conversations/" + conversation + "/messages",
                Map.of("clientMessageId", "before-" + marker, "body", "Before " + marker)).status()).isEqualTo(201);
        // A customer signed in on the web before the outage: the session and account live in the database.
        String phone = TestData.phone();
        assertThat(new ApiClient(port).post("/api/v1/auth/register", Map.of("phone", phone, "email", TestData.email(),
                "name", "Sari Wulandari", "language", "en", "password", TestData.PASSWORD)).status()).isEqualTo(202);
        Pages signedIn = new Pages(port, "en");
        Answer login = signedIn.get("/login");
        Answer afterLogin = signedIn.post("/login", Map.of("_csrf", login.csrf(), "identifier", phone,
                "password", TestData.PASSWORD));
        assertThat(afterLogin.status()).as(afterLogin.body()).isEqualTo(302);
        assertThat(signedIn.get("/support").body).contains("/logout");
        Pages before = new Pages(port, "en");
        assertThat(before.get("/help").status).isEqualTo(200);
        assertThat(before.get("/help").body).doesNotContain("id=\"degraded-notice\"");

        proxy.refuse();
        Map<String, Integer> statuses = new LinkedHashMap<>();
        List<String> leftReceipts = new ArrayList<>();
        try {
            for (String language : List.of("en", "id", "zh-CN")) {
                Pages pages = new Pages(port, language);
                for (String path : PAGES) {
                    statuses.put(language + " " + path, pages.get(path).status);
                }
                Answer help = pages.get("/help");
                assertThat(help.status).as(language).isEqualTo(200);
                assertThat(help.body).as("the articles are still listed").contains("/help/topup-failed");
                assertThat(help.body).as("a notice in " + language).contains("id=\"degraded-notice\"")
                        .contains(notice(language));
                assertThat(pages.get("/").body).contains(notice(language));
                assertThat(pages.get("/support").body).contains(notice(language));
                Answer article = pages.get("/help/topup-failed");
                assertThat(article.body).contains("class=\"article-body\"");
                Answer search = pages.get("/help/search?q=top+up+failed");
                assertThat(search.body).contains("/help/topup-failed");

                Answer form = pages.get("/support/message");
                Answer sent = pages.post("/support/message", Map.of("_csrf", form.csrf(), "name", "Sari",
                        "email", "sari-" + marker + "@example.org", "body", "Left in " + language + " " + marker));
                statuses.put(language + " POST /support/message", sent.status);
                assertThat(sent.body).as(language).contains("id=\"message-journaled\"");
                Matcher receipt = Pattern.compile("J-[0-9A-F]{8}").matcher(sent.body);
                assertThat(receipt.find()).isTrue();
                leftReceipts.add(receipt.group());
            }
            for (String path : List.of("/", "/help", "/help/topup-failed", "/help/search?q=top+up", "/support",
                    "/support/message", "/diagnose", "/verify", "/status")) {
                Answer page = signedIn.following(path);
                statuses.put("signed-in " + path, page.status);
                assertThat(page.status).as("signed in: " + path).isEqualTo(200);
            }
            // The signed-in customer leaves a message: served as a visitor, so a contact is asked for, then kept.
            Answer form = signedIn.following("/support/message");
            Answer first = signedIn.post("/support/message", Map.of("_csrf", form.csrf(), "body", "Signed in " + marker));
            statuses.put("signed-in POST /support/message", first.status);
            assertThat(first.status).as(first.body).isEqualTo(400);
            assertThat(first.body).contains("Signed in " + marker).contains("name=\"email\"");
            Answer keptLeft = signedIn.post("/support/message", Map.of("_csrf", first.csrf(), "name", "Sari Wulandari",
                    "email", "sari-signed-" + marker + "@example.org", "body", "Signed in " + marker));
            statuses.put("signed-in POST /support/message again", keptLeft.status);
            assertThat(keptLeft.body).contains("id=\"message-journaled\"");
            for (int i = 1; i <= 3; i++) {
                ApiClient.Response kept = chat.post("/api/v1/chat/conversations/" + conversation + "/messages",
                        Map.of("clientMessageId", "during-" + i + "-" + marker, "body", "During " + i + " " + marker));
                statuses.put("POST chat message " + i, kept.status());
                assertThat(kept.status()).as(kept.body()).isEqualTo(202);
            }
            // The phone retries a send it never saw acknowledged.
            assertThat(chat.post("/api/v1/chat/conversations/" + conversation + "/messages",
                    Map.of("clientMessageId", "during-2-" + marker, "body", "During 2 " + marker)).status()).isEqualTo(202);
        } finally {
            proxy.accept();
        }
        assertThat(statuses).as("no 5xx during the outage").allSatisfy((page, status) ->
                assertThat(status).as(page).isLessThan(500));
        assertThat(leftReceipts).hasSize(3).doesNotHaveDuplicates();

        // The pool needs a moment to replace the connections the outage broke.
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> {
                    intake.replay();
                    return count("%" + marker) == 8;
                });
        intake.replay();
        for (String language : List.of("en", "id", "zh-CN")) {
            assertThat(count("Left in " + language + " " + marker)).as(language).isEqualTo(1);
        }
        for (int i = 1; i <= 3; i++) {
            assertThat(count("During " + i + " " + marker)).isEqualTo(1);
        }
        assertThat(count("Signed in " + marker)).isEqualTo(1);
        // Once the database answers again, the notice goes away by itself.
        Awaitility.await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                .until(() -> !new Pages(port, "en").get("/").body.contains("id=\"degraded-notice\""));
    }

    private long count(String bodyLike) {
        return jdbc.sql("SELECT COUNT(*) FROM conversation_messages WHERE body LIKE :b").param("b", bodyLike).query(Long.class).single();
    }

    record Answer(int status, String body, String location) {
        String csrf() {
            Matcher m = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(body);
            if (!m.find()) {
                m = Pattern.compile("value=\"([^\"]+)\"\\s+name=\"_csrf\"").matcher(body);
                assertThat(m.find()).as("a CSRF field in the form").isTrue();
            }
            return m.group(1);
        }
    }

    /** A browser without JavaScript: cookies kept, redirects not followed. */
    static final class Pages {
        private final String base;
        private final String language;
        private final String ip = TestData.clientIp();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        Pages(int port, String language) {
            this.base = "http://localhost:" + port;
            this.language = language;
        }

        Answer get(String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
        }

        /** As a browser does: follows a redirect to the same address (a page retried once the outage is known). */
        Answer following(String path) throws Exception {
            Answer answer = get(path);
            for (int i = 0; i < 3 && answer.status == 307 && path.equals(answer.location); i++) {
                answer = get(path);
            }
            return answer;
        }

        /** Posts a form, following a 307 to the same address with the same form, as a browser does. */
        Answer post(String path, Map<String, String> form) throws Exception {
            Answer answer = postOnce(path, form);
            for (int i = 0; i < 3 && answer.status == 307 && path.equals(answer.location); i++) {
                answer = postOnce(path, form);
            }
            return answer;
        }

        private Answer postOnce(String path, Map<String, String> form) throws Exception {
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        }

        private Answer send(HttpRequest.Builder request) throws Exception {
            request.header("Accept-Language", language).header("X-Forwarded-For", ip)
                    .header("Accept", "text/html,application/json;q=0.9,*/*;q=0.8").timeout(Duration.ofSeconds(30));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String location = response.headers().firstValue("Location").map(l -> l.replaceFirst("^https?://[^/]+", ""))
                    .orElse(null);
            return new Answer(response.statusCode(), response.body(), location);
        }
    }
}
