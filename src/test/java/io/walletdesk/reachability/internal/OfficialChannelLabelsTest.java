package io.walletdesk.reachability.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.WalletDeskTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** What an official channel is for is kept in all three languages and read in the reader's (issue 17, X6). */
@WalletDeskTest
class OfficialChannelLabelsTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anAdminGivesThePurposeInEveryLanguageAndTheProblemNamesTheMissingOne() throws Exception {
        mvc.perform(post("/staff/official-channels").with(user("61").roles("ADMIN")).with(csrf())
                        .param("kind", "HANDLE").param("value", "@walletdesk.news").param("network", "threads")
                        .param("label", "News").param("label_id", "Berita"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Write what the channel is for in Chinese too")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*id=\"ch-label-zh\"[^>]*aria-invalid=\"true\".*")));
        mvc.perform(post("/staff/official-channels").with(user("61").roles("ADMIN")).with(csrf())
                        .header("Accept-Language", "id")
                        .param("kind", "HANDLE").param("value", "@walletdesk.news").param("network", "threads")
                        .param("label", "News").param("label_zh", "新闻"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("dalam bahasa Indonesia")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM reach_official_channel WHERE normalized = 'walletdesk.news'")
                .query(Long.class).single()).isZero();

        mvc.perform(post("/staff/official-channels").with(user("61").roles("ADMIN")).with(csrf())
                        .param("kind", "HANDLE").param("value", "@walletdesk.news").param("network", "threads")
                        .param("label", "News").param("label_id", "Berita").param("label_zh", "新闻"))
                .andExpect(status().is3xxRedirection());
        try {
            // The public list and the check answer in the reader's language.
            ApiClient.Response chinese = new ApiClient(port).language("zh-CN").get("/api/v1/public/official-channels");
            assertThat(chinese.body()).contains("新闻", "客服热线（24 小时）").doesNotContain("Call centre (24/7)");
            assertThat(String.valueOf(chinese.headers())).containsIgnoringCase("Accept-Language");
            ApiClient.Response check = new ApiClient(port).language("id").get("/api/v1/public/official-channels/check?value="
                    + URLEncoder.encode("@walletdesk.news", StandardCharsets.UTF_8));
            assertThat(check.json().get("matchedLabel").asText()).isEqualTo("Berita");
        } finally {
            jdbc.sql("DELETE FROM reach_official_channel WHERE normalized = 'walletdesk.news'").update();
        }
    }
}
