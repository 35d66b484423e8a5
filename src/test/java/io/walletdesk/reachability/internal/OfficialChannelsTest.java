package io.walletdesk.reachability.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.walletdesk.reachability.AntiPhishing;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.WalletDeskTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;

/** P1, P2: the official-channel check flags look-alikes; fakes are reported and reviewed; the anti-phishing phrase. */
@WalletDeskTest
class OfficialChannelsTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    AntiPhishing antiPhishing;
    @Autowired
    AuditTrail audit;
    @Autowired
    JdbcClient jdbc;

    private JsonNode check(String value) {
        ApiClient.Response response = new ApiClient(port)
                .get("/api/v1/public/official-channels/check?value=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        assertThat(response.status()).as(value).isEqualTo(200);
        return response.json();
    }

    private void assertVerdict(String value, String verdict, String reason) {
        JsonNode result = check(value);
        assertThat(result.get("verdict").asText()).as(value + " " + result).isEqualTo(verdict);
        if (reason != null) {
            assertThat(result.get("reason").asText()).as(value + " " + result).isEqualTo(reason);
        }
    }

    @Test
    void officialChannelsInAnyCommonFormatAreRecognised() {
        assertVerdict("0811-1000-1234", "OFFICIAL", "phone-official");
        assertVerdict("+62 811-1000-1234", "OFFICIAL", "phone-official");
        assertVerdict("6281110001234", "OFFICIAL", "phone-official");
        assertVerdict("(021) 5000 1234", "OFFICIAL", "phone-official");
        assertVerdict("support@walletdesk.co.id", "OFFICIAL", null);
        assertVerdict("no-reply@WalletDesk.co.id", "OFFICIAL", "email-domain-official");
        assertVerdict("https://help.walletdesk.co.id/article/1", "OFFICIAL", "web-official");
        assertVerdict("@walletdesk", "OFFICIAL", "handle-official");
        assertVerdict("https://t.me/WalletDeskID", "OFFICIAL", "handle-official");
        ApiClient.Response list = new ApiClient(port).get("/api/v1/public/official-channels");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("+62 811-1000-1234", "walletdesk.co.id", "WHATSAPP".toLowerCase());
        JsonNode official = check("walletdesk.co.id");
        assertThat(official.get("official").asBoolean()).isTrue();
        assertThat(official.get("likelyScam").asBoolean()).isFalse();
        assertThat(official.get("message").asText()).contains("walletdesk.co.id");
    }

    @Test
    void lookAlikesAreFlaggedAsLikelyScams() {
        assertVerdict("wa11etdesk.co.id", "LIKELY_SCAM", "homoglyph");
        assertVerdict("https://waIletdesk.co.id/login", "LIKELY_SCAM", "homoglyph");
        assertVerdict("wallettdesk.co.id", "LIKELY_SCAM", "typo");
        assertVerdict("wa11etdesk-help.com", "LIKELY_SCAM", "contains-name");
        assertVerdict("walletdesk-support.xyz", "LIKELY_SCAM", "contains-name");
        assertVerdict("walletdesk.com", "LIKELY_SCAM", "other-ending");
        assertVerdict("walletdesk.co.id.secure-login.net", "LIKELY_SCAM", "contains-name");
        assertVerdict("0811-1000-1235", "LIKELY_SCAM", "one-digit");
        assertVerdict("+62 811 1000 1243", "LIKELY_SCAM", "one-digit");
        assertVerdict("cs@wa1letdesk.co.id", "LIKELY_SCAM", "homoglyph");
        assertVerdict("walletdesk.help@gmail.com", "LIKELY_SCAM", "free-mail");
        assertVerdict("@walletdesk_cs", "LIKELY_SCAM", null);
        assertVerdict("@wa11etdesk", "LIKELY_SCAM", "homoglyph");
        assertVerdict("https://t.me/walletdesk", "LIKELY_SCAM", null);
        JsonNode scam = check("wa11etdesk-help.com");
        assertThat(scam.get("likelyScam").asBoolean()).isTrue();
        assertThat(scam.get("advice").asText()).contains("PIN");
    }

    @Test
    void unrelatedValuesAreNotListedAndGarbageIsNotRecognised() {
        assertVerdict("tokopedia.com", "NOT_LISTED", "web-not-listed");
        assertVerdict("0812-9999-0000", "NOT_LISTED", "phone-not-listed");
        assertVerdict("friend@example.org", "NOT_LISTED", "email-not-listed");
        assertVerdict("@somebody", "NOT_LISTED", "handle-not-listed");
        assertVerdict("hello there", "UNRECOGNISED", "unrecognised");
        assertThat(new ApiClient(port).get("/api/v1/public/official-channels/check?value=").status()).isEqualTo(400);
        JsonNode id = new ApiClient(port).language("id")
                .get("/api/v1/public/official-channels/check?value=wa11etdesk.co.id").json();
        assertThat(id.get("message").asText()).contains("meniru");
    }

    @Test
    void anyoneReportsAFakeRateLimitedAndStaffReviewIt() throws Exception {
        ApiClient reporter = new ApiClient(port);
        String fake = "walletdesk-refund-" + System.nanoTime() + ".xyz";
        ApiClient.Response first = reporter.post("/api/v1/public/official-channels/reports",
                Map.of("value", fake, "whereSeen", "WhatsApp", "details", "Asked for my OTP"));
        assertThat(first.status()).isEqualTo(201);
        String reference = first.json().get("reference").asText();
        assertThat(reference).startsWith("FR-");
        assertThat(first.json().at("/check/verdict").asText()).isEqualTo("LIKELY_SCAM");
        for (int i = 1; i < FakeReports.REPORTS_PER_HOUR; i++) {
            assertThat(reporter.post("/api/v1/public/official-channels/reports", Map.of("value", "spam" + i + ".example"))
                    .status()).isEqualTo(201);
        }
        ApiClient.Response limited = reporter.post("/api/v1/public/official-channels/reports", Map.of("value", "x.example"));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("type").asText()).isEqualTo("/problems/rate-limited");

        mvc.perform(get("/staff/reports").with(user("41").roles("CUSTOMER"))).andExpect(status().isForbidden());
        mvc.perform(get("/staff/reports").with(user("42").roles("AGENT")))
                .andExpect(status().isOk()).andExpect(content().string(containsString(fake)));
        long id = Long.parseLong(reference.substring(3));
        mvc.perform(post("/staff/reports/" + id + "/review").with(user("42").roles("AGENT")).with(csrf())
                .param("decision", "CONFIRMED").param("note", "Phishing kit")).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT state FROM reach_fake_report WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo("CONFIRMED");
        assertThat(audit.recent(42L, 5)).anyMatch(r -> r.action().equals("FAKE_CHANNEL_REPORT_REVIEWED"));
        assertThat(check(fake).get("reason").asText()).isIn("known-fake", "contains-name");
    }

    @Test
    void thePublicVerifyPageChecksAndTakesReports() throws Exception {
        mvc.perform(get("/support/verify").param("value", "g0pay-wa11etdesk.com").header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-verdict=\"LIKELY_SCAM\"")))
                .andExpect(content().string(containsString("Report a fake channel")));
        mvc.perform(post("/support/verify/report").with(csrf()).param("value", "0811-1000-1299")
                        .param("whereSeen", "SMS").with(r -> {
                            r.setRemoteAddr("10.250.1." + (System.nanoTime() % 200 + 1));
                            return r;
                        }))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/support/verify").header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("核验官方渠道")));
    }

    @Test
    void adminsKeepTheRegistry() throws Exception {
        mvc.perform(get("/staff/official-channels").with(user("51").roles("AGENT"))).andExpect(status().isForbidden());
        mvc.perform(post("/staff/official-channels").with(user("52").roles("ADMIN")).with(csrf())
                        .param("kind", "HANDLE").param("value", "@walletdesk.help").param("network", "facebook")
                        .param("label", "Facebook").param("label_id", "Facebook").param("label_zh", "Facebook"))
                .andExpect(status().is3xxRedirection());
        assertVerdict("https://facebook.com/walletdesk.help", "OFFICIAL", "handle-official");
        mvc.perform(get("/staff/official-channels").with(user("52").roles("ADMIN")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("walletdesk.help")));
        long id = jdbc.sql("SELECT id FROM reach_official_channel WHERE normalized = 'walletdesk.help' AND network = 'facebook'")
                .query(Long.class).single();
        mvc.perform(post("/staff/official-channels/" + id + "/remove").with(user("52").roles("ADMIN")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(check("https://facebook.com/walletdesk.help").get("official").asBoolean()).isFalse();
        assertThat(audit.recent(52L, 5)).anyMatch(r -> r.action().equals("OFFICIAL_CHANNEL_REMOVED"));
    }

    @Test
    void customersSetAnAntiPhishingPhraseTheMailerCanRead() throws Exception {
        long userId = 900_000 + (System.nanoTime() % 90_000);
        assertThat(antiPhishing.phraseFor(userId)).isEmpty();
        mvc.perform(get("/account/anti-phishing")).andExpect(status().is3xxRedirection());
        mvc.perform(post("/account/anti-phishing").with(user(Long.toString(userId)).roles("CUSTOMER")).with(csrf())
                .param("phrase", "x")).andExpect(status().isBadRequest());
        mvc.perform(post("/account/anti-phishing").with(user(Long.toString(userId)).roles("CUSTOMER")).with(csrf())
                .param("phrase", "  kucing oren 77 ")).andExpect(status().is3xxRedirection());
        assertThat(antiPhishing.phraseFor(userId)).contains("kucing oren 77");
        mvc.perform(get("/account/anti-phishing").with(user(Long.toString(userId)).roles("CUSTOMER")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("kucing oren 77")));
        assertThat(audit.recent(userId, 5)).anyMatch(r -> r.action().equals("ANTI_PHISHING_PHRASE_SET"));
        mvc.perform(post("/account/anti-phishing").with(user(Long.toString(userId)).roles("CUSTOMER")).with(csrf())
                .param("action", "remove")).andExpect(status().is3xxRedirection());
        assertThat(antiPhishing.phraseFor(userId)).isEmpty();
    }
}
