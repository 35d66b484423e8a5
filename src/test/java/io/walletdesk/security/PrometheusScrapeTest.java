package io.walletdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.identity.Role;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.ledger.internal.LedgerTestHooks;
import io.walletdesk.ops.OpsFilesTest;
import io.walletdesk.security.Actors.Caller;
import io.walletdesk.security.Actors.Reply;
import io.walletdesk.security.Actors.Who;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.Promtool;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Issue 16, "Metrics and health": a Prometheus server scrapes {@code /actuator/prometheus} with the scrape token
 * and nothing else gets in (no redirect to the sign-in page); after a chat, a transfer and a top-up the business
 * metrics carry the right labels and values, and promtool finds nothing wrong with ours.
 */
@WalletDeskTest
class PrometheusScrapeTest {

    /** The test profile's {@code walletdesk.metrics.scrape-token}. */
    static final String SCRAPE_TOKEN = "test-only-metrics-scrape-token";
    private static final String STAFF_PASSWORD = "meja-bantuan-malam-81";
    private static final String PIN = "246810";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Registration registration;
    @Autowired
    Conversations conversations;
    @Autowired
    HealthContributorRegistry health;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void onlyTheScrapeTokenGetsInAndRefusalsAre401NotARedirect() throws Exception {
        HttpResponse<String> anonymous = scrape(null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("Location")).isEmpty();
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(anonymous.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(anonymous.body()).contains("metrics-token").doesNotContain("walletdesk_");

        assertThat(scrape("not-the-token").statusCode()).isEqualTo(401);
        assertThat(scrape(SCRAPE_TOKEN + "x").statusCode()).isEqualTo(401);
        assertThat(scrape("").statusCode()).isEqualTo(401);

        // An admin, signed in on the pages (session cookie) and on the API (bearer token): a person is no scraper.
        Actors actors = new Actors(port);
        Caller admin = actors.new Caller(Who.ADMIN);
        String email = TestData.email();
        registration.createStaff(Role.ADMIN, email, "Staf metrik", STAFF_PASSWORD, null, ClientInfo.system());
        admin.signIn(email, STAFF_PASSWORD);
        Reply withSession = admin.get("/actuator/prometheus");
        assertThat(withSession.status()).as(withSession.body()).isIn(401, 403);
        assertThat(withSession.body()).doesNotContain("walletdesk_");
        HttpResponse<String> withApiToken = scrape(admin.bearer);
        assertThat(withApiToken.statusCode()).isEqualTo(401);
        // The session still opens what it opened before: the admin's other actuator endpoints.
        assertThat(admin.get("/actuator/info").status()).isEqualTo(200);

        HttpResponse<String> prometheus = scrape(SCRAPE_TOKEN);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(prometheus.headers().firstValue("Set-Cookie")).as("no session for a scraper").isEmpty();
        assertThat(prometheus.body()).contains("walletdesk_conversations_opened_total");
    }

    @Test
    void aChatATransferAndATopUpShowInTheBusinessMetricsAndPromtoolFindsNothingWrongWithOurs() throws Exception {
        Scrape before = Scrape.of(scrape(SCRAPE_TOKEN).body());

        // A chat: a visitor writes, an agent answers, the agent resolves it.
        ApiClient visitor = new ApiClient(port);
        String chatToken = visitor.post("/api/v1/chat/visitors", Map.of("name", "Wulan")).json().get("token").asText();
        visitor.header("X-Chat-Token", chatToken);
        long conversation = visitor.post("/api/v1/chat/conversations", Map.of()).json().get("id").asLong();
        assertThat(visitor.post("/api/v1/chat/conversations/" + conversation + "/messages",
                Map.of("clientMessageId", "m-1", "body", "Saldo saya belum masuk")).status()).isEqualTo(201);
        Participant.Staff agent = new Participant.Staff(990_161L, "Agen Metrik");
        conversations.post(new PostMessage(conversation, agent, null, "Kami cek sekarang", Channel.CHAT, false, null, null));
        conversations.changeStatus(conversation, agent, ConversationStatus.RESOLVED);

        // A top-up the bank confirms, one it declines, a transfer, and one refused for want of money.
        ApiClient sender = customer("Budi Metrik", TestData.phone());
        String recipientPhone = TestData.phone();
        customer("Siti Metrik", recipientPhone);
        LedgerTestHooks.openVerifiedWallet(context, sender.get("/api/v1/me").json().get("id").asLong());
        assertThat(topUp(sender, 300_000, "1234567890").status()).isEqualTo(201);
        assertThat(topUp(sender, 100_000, "9876540000").status()).isEqualTo(201); // the bank: account invalid
        LedgerTestHooks.deliverBankCallbacksNow(context);
        assertThat(transfer(sender, recipientPhone, 100_000).status()).isEqualTo(201);
        ApiClient.Response refused = transfer(sender, recipientPhone, 250_000); // 200.000 left
        assertThat(refused.status()).as(refused.body()).isEqualTo(422);

        // A wrong password.
        ApiClient.Response wrongPassword = new ApiClient(port).post("/api/v1/auth/token", Map.of("grantType", "password",
                "identifier", recipientPhone, "password", "salah-sekali-123"));
        assertThat(wrongPassword.status()).as(wrongPassword.body()).isIn(400, 401);

        String text = scrape(SCRAPE_TOKEN).body();
        Scrape after = Scrape.of(text);
        Map<String, Double> expected = new LinkedHashMap<>();
        expected.put("walletdesk_conversations_opened_total{channel=\"CHAT\"}", 1.0);
        expected.put("walletdesk_messages_total{author=\"CUSTOMER\",channel=\"CHAT\",direction=\"in\"}", 1.0);
        expected.put("walletdesk_messages_total{author=\"AGENT\",channel=\"CHAT\",direction=\"out\"}", 1.0);
        expected.put("walletdesk_first_response_seconds_count{channel=\"CHAT\"}", 1.0);
        expected.put("walletdesk_conversations_resolved_total{channel=\"CHAT\"}", 1.0);
        expected.put("walletdesk_resolution_seconds_count{channel=\"CHAT\"}", 1.0);
        expected.put("walletdesk_wallet_transactions_total{kind=\"TOP_UP\",outcome=\"requested\",reason=\"none\"}", 1.0);
        expected.put("walletdesk_wallet_transactions_total{kind=\"TOP_UP\",outcome=\"completed\",reason=\"none\"}", 1.0);
        expected.put("walletdesk_wallet_transactions_total{kind=\"TOP_UP\",outcome=\"failed\",reason=\"BANK_ACCOUNT_INVALID\"}", 1.0);
        expected.put("walletdesk_wallet_transactions_total{kind=\"TRANSFER\",outcome=\"completed\",reason=\"none\"}", 1.0);
        expected.put("walletdesk_wallet_transactions_total{kind=\"TRANSFER\",outcome=\"refused\",reason=\"insufficient-balance\"}", 1.0);
        expected.put("walletdesk_bank_callbacks_total{bank=\"BCA\",outcome=\"COMPLETED\"}", 1.0);
        expected.put("walletdesk_sign_in_failures_total{channel=\"API\",result=\"WRONG_PASSWORD\"}", 1.0);
        List<String> wrong = new ArrayList<>();
        expected.forEach((series, delta) -> {
            double grew = after.value(series) - before.value(series);
            if (grew != delta) {
                wrong.add(series + " grew by " + grew + ", expected " + delta);
            }
        });
        assertThat(wrong).as("business metrics after a chat, a transfer and a top-up").isEmpty();
        // The chat was answered at once, well inside the first bucket's half minute.
        assertThat(after.value("walletdesk_first_response_seconds_bucket{channel=\"CHAT\",le=\"30.0\"}")
                - before.value("walletdesk_first_response_seconds_bucket{channel=\"CHAT\",le=\"30.0\"}")).isEqualTo(1.0);

        // Gauges read from the database: present and numbers on this node (a real value, not NaN).
        for (String gauge : List.of("walletdesk_support_queue_size", "walletdesk_support_queue_oldest_wait_seconds",
                "walletdesk_agents_online", "walletdesk_outbox_pending{channel=\"EMAIL\"}",
                "walletdesk_outbox_oldest_pending_age_seconds{channel=\"EMAIL\"}", "walletdesk_status_probes_failing",
                "walletdesk_intake_journal_pending")) {
            assertThat(after.samples()).as("scraped gauges").containsKey(gauge);
            assertThat(after.value(gauge)).as(gauge).isNotNaN().isGreaterThanOrEqualTo(0);
        }
        assertThat(after.names()).contains("walletdesk_sla_breaches_total", "walletdesk_account_locks_total",
                "walletdesk_sign_in_blocks_total");

        // What the dashboard and the alert rules query exists, except series made on first use: the assistant's
        // (off in tests) and the mail sender's (only while mail is on).
        java.util.Set<String> scraped = after.names();
        List<String> missing = OpsFilesTest.metricNames().stream()
                .filter(name -> !name.startsWith("walletdesk_assistant_") && !name.startsWith("walletdesk_mail_"))
                .filter(name -> !scraped.contains(name)).toList();
        assertThat(missing).as("metrics docs/ops uses that the scrape lacks").isEmpty();

        Promtool.Result check = Promtool.checkMetrics(text);
        List<String> ours = check.lines().stream().filter(line -> line.startsWith("walletdesk_")).toList();
        System.out.println("[metrics] promtool check metrics: exit " + check.exitCode() + ", " + check.lines().size()
                + " remarks, " + ours.size() + " on walletdesk_* metrics");
        check.lines().forEach(line -> System.out.println("[metrics] promtool: " + line));
        assertThat(ours).as("promtool check metrics on walletdesk_* metrics").isEmpty();
        assertThat(check.output()).doesNotContain("error while linting");
    }

    @Test
    void healthChecksOnlyWhatIsSwitchedOnNoMailCheckWhileMailIsOff() throws Exception {
        assertThat(context.getEnvironment().getProperty("walletdesk.mail.enabled")).isEqualTo("false");
        assertThat(health.getContributor("mail")).as("a mail health check while mail is off").isNull();
        assertThat(health.getContributor("db")).isNotNull();
        HttpResponse<String> up = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        assertThat(up.body()).contains("\"UP\"");
    }

    private ApiClient customer(String name, String phone) {
        ApiClient api = new ApiClient(port);
        assertThat(api.post("/api/v1/auth/register", Map.of("phone", phone, "email", TestData.email(), "name", name,
                "language", "en", "password", TestData.PASSWORD)).status()).isEqualTo(202);
        api.signIn(phone, TestData.PASSWORD);
        assertThat(api.post("/api/v1/wallet/pin", Map.of("pin", PIN)).status()).isEqualTo(204);
        return api;
    }

    private static ApiClient.Response topUp(ApiClient customer, long amount, String bankAccount) {
        return customer.header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/wallet/top-ups", Map.of("bankCode", "BCA", "bankAccount", bankAccount, "amount", amount));
    }

    private static ApiClient.Response transfer(ApiClient from, String phone, long amount) {
        return from.header("Idempotency-Key", UUID.randomUUID().toString())
                .post("/api/v1/wallet/transfers", Map.of("phone", phone, "amount", amount, "pin", PIN));
    }

    private HttpResponse<String> scrape(String bearer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Accept", "text/plain;version=0.0.4").timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The samples of one scrape, by series as "name{label="value",...}" with labels sorted and no common tags. */
    record Scrape(Map<String, Double> samples) {

        private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})?\\s+(\\S+)");
        private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

        static Scrape of(String text) {
            Map<String, Double> samples = new LinkedHashMap<>();
            for (String line : text.split("\n")) {
                Matcher m = SAMPLE.matcher(line);
                if (line.startsWith("#") || !m.find()) {
                    continue;
                }
                java.util.TreeMap<String, String> labels = new java.util.TreeMap<>();
                if (m.group(3) != null) {
                    Matcher l = LABEL.matcher(m.group(3));
                    while (l.find()) {
                        if (!l.group(1).equals("application")) {
                            labels.put(l.group(1), l.group(2));
                        }
                    }
                }
                StringBuilder key = new StringBuilder(m.group(1));
                if (!labels.isEmpty()) {
                    key.append('{');
                    labels.forEach((k, v) -> key.append(k).append("=\"").append(v).append("\","));
                    key.setLength(key.length() - 1);
                    key.append('}');
                }
                samples.put(key.toString(), Double.parseDouble(m.group(4)));
            }
            return new Scrape(samples);
        }

        /** A series' value, 0 when absent (a counter not yet incremented). */
        double value(String series) {
            return samples.getOrDefault(series, 0.0);
        }

        java.util.Set<String> names() {
            java.util.Set<String> names = new java.util.TreeSet<>();
            samples.keySet().forEach(k -> names.add(k.contains("{") ? k.substring(0, k.indexOf('{')) : k));
            return names;
        }
    }
}
