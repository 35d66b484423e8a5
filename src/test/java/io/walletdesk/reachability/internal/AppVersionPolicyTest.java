package io.walletdesk.reachability.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.WalletDeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** A3: below the minimum the API answers 426 (support and status stay reachable); below the latest a soft header. */
@WalletDeskTest
class AppVersionPolicyTest {

    private static final String STORE = "https://play.google.com/store/apps/details?id=io.walletdesk.app";

    @LocalServerPort
    int port;
    @Autowired
    AppVersionPolicy policy;
    @Autowired
    MockMvc mvc;
    @Autowired
    AuditTrail audit;

    @BeforeEach
    void policy() {
        policy.update("android", "4.10.0", "4.13.0", STORE, null, "ADMIN", ClientInfo.system());
    }

    private ApiClient android(String version) {
        return new ApiClient(port).header("X-Client-Platform", "android").header("X-Client-Version", version);
    }

    @Test
    void belowTheMinimumEveryApiCallAnswers426WithHowToUpdate() {
        ApiClient.Response me = android("4.9.3").get("/api/v1/me");
        assertThat(me.status()).isEqualTo(426);
        assertThat(me.header("Content-Type")).startsWith("application/problem+json");
        assertThat(me.json().get("type").asText()).isEqualTo("/problems/update-required");
        assertThat(me.json().get("title").asText()).isEqualTo("Update required");
        assertThat(me.json().get("detail").asText()).contains("4.9.3", "4.10.0", STORE, "Google Play");
        assertThat(me.json().get("minimumVersion").asText()).isEqualTo("4.10.0");
        assertThat(me.json().get("updateUrl").asText()).isEqualTo(STORE);

        ApiClient.Response token = android("4.9.3").post("/api/v1/auth/token",
                java.util.Map.of("grantType", "password", "identifier", "x@example.org", "password", "nope"));
        assertThat(token.status()).isEqualTo(426);
    }

    @Test
    void theProblemIsTranslated() {
        ApiClient.Response id = android("3.0").language("id").get("/api/v1/me");
        assertThat(id.status()).isEqualTo(426);
        assertThat(id.json().get("title").asText()).isEqualTo("Perlu pembaruan");
        assertThat(id.json().get("detail").asText()).contains("Google Play", "4.10.0");
        ApiClient.Response zh = android("3.0").language("zh-CN").get("/api/v1/me");
        assertThat(zh.json().get("title").asText()).isEqualTo("需要更新");
    }

    @Test
    void appConfigStatusAndSupportChatStayReachableBelowTheMinimum() {
        ApiClient.Response config = android("4.0.0").get("/api/v1/public/app-config");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().at("/platforms/android/minimumVersion").asText()).isEqualTo("4.10.0");
        assertThat(config.json().at("/platforms/android/latestVersion").asText()).isEqualTo("4.13.0");
        assertThat(config.json().at("/platforms/android/storeUrl").asText()).isEqualTo(STORE);
        assertThat(config.json().at("/platforms/android/message").asText()).contains("4.13.0");
        assertThat(config.json().at("/platforms/ios/minimumVersion").isMissingNode()).isFalse();
        assertThat(config.json().at("/platforms/web/storeUrl").isMissingNode()).isFalse();
        assertThat(config.json().at("/client/updateRequired").asBoolean()).isTrue();
        assertThat(config.header("X-Update-Required")).isEqualTo("4.10.0");

        assertThat(android("4.0.0").get("/api/v2/status.json").status()).isEqualTo(200);
        assertThat(android("4.0.0").get("/api/v1/chat/conversations/1/messages").status()).isNotEqualTo(426);
        assertThat(VersionPolicyFilter.alwaysReachable("/api/v1/app-config")).isTrue();
        assertThat(VersionPolicyFilter.alwaysReachable("/api/v1/chat")).isTrue();
        assertThat(VersionPolicyFilter.alwaysReachable("/api/v1/chatter")).isFalse();
        assertThat(VersionPolicyFilter.alwaysReachable("/api/v1/me")).isFalse();
    }

    @Test
    void betweenMinimumAndLatestResponsesCarryASoftHeader() {
        ApiClient.Response config = android("4.12.1").get("/api/v1/public/app-config");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.header("X-Update-Available")).isEqualTo("4.13.0");
        assertThat(config.json().at("/client/updateAvailable").asBoolean()).isTrue();
        ApiClient.Response me = android("4.12.1").get("/api/v1/me");
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.header("X-Update-Available")).isEqualTo("4.13.0");

        ApiClient.Response current = android("4.13.0").get("/api/v1/public/app-config");
        assertThat(current.header("X-Update-Available")).isNull();
        ApiClient.Response unjudged = new ApiClient(port).get("/api/v1/me");
        assertThat(unjudged.status()).isEqualTo(401);
    }

    @Test
    void adminsSetTheVersionsOnAPageAndEveryChangeIsAudited() throws Exception {
        mvc.perform(get("/staff/app-versions").with(user("31").roles("SUPERVISOR"))).andExpect(status().isForbidden());
        mvc.perform(get("/staff/app-versions").with(user("32").roles("ADMIN")))
                .andExpect(status().isOk()).andExpect(content().string(org.hamcrest.Matchers.containsString("4.10.0")));
        mvc.perform(post("/staff/app-versions/ios").with(user("32").roles("ADMIN")).with(csrf())
                        .param("minimumVersion", "5.0.0").param("latestVersion", "4.0.0").param("storeUrl", STORE))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/staff/app-versions/ios").with(user("32").roles("ADMIN")).with(csrf())
                        .param("minimumVersion", "4.11.0").param("latestVersion", "4.14.0")
                        .param("storeUrl", "https://apps.apple.com/app/walletdesk/id1234567890"))
                .andExpect(status().is3xxRedirection());
        assertThat(policy.forPlatform("ios").orElseThrow().minimumVersion()).isEqualTo("4.11.0");
        assertThat(audit.recent(32L, 5)).anyMatch(r -> r.action().equals("APP_VERSION_POLICY_CHANGED")
                && r.details().contains("ios"));
        ApiClient.Response iphone = new ApiClient(port).header("X-Client-Platform", "ios").header("X-Client-Version", "4.10.9")
                .get("/api/v1/me");
        assertThat(iphone.status()).isEqualTo(426);
        assertThat(iphone.json().get("detail").asText()).contains("App Store");
    }
}
