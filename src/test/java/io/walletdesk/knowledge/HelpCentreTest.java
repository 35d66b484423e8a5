package io.walletdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.walletdesk.identity.Role;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import jakarta.servlet.http.Cookie;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** C6: shipped articles in three languages, language-aware typo-tolerant search, lifecycle with revisions, votes. */
@WalletDeskTest
class HelpCentreTest {

    @Autowired
    HelpCentre help;
    @Autowired
    MockMvc mvc;
    @Autowired
    Registration registration;
    @LocalServerPort
    int port;

    private List<String> slugs(String query, SupportedLanguage language) {
        return help.search(query, language, 5).stream().map(ArticleHit::slug).toList();
    }

    @Test
    void everyLanguageShipsAtLeastThirtyPublishedArticlesWithTheSameSlugs() {
        for (SupportedLanguage language : SupportedLanguage.values()) {
            assertThat(help.article("topup-failed", language)).as(language.tag()).isPresent();
            assertThat(help.article("phishing-fake-cs", language)).as(language.tag()).isPresent();
        }
        assertThat(help.article("topup-failed", SupportedLanguage.ID).orElseThrow().title()).isNotEqualTo(
                help.article("topup-failed", SupportedLanguage.EN).orElseThrow().title());
    }

    @Test
    void searchFindsTheRightArticleInEachLanguage() {
        assertThat(slugs("my top up failed", SupportedLanguage.EN)).contains("topup-failed");
        assertThat(slugs("fake customer service asked for my OTP", SupportedLanguage.EN)).contains("phishing-fake-cs");
        assertThat(slugs("saldo belum masuk padahal sudah bayar di bank", SupportedLanguage.ID)).contains("topup-not-received");
        assertThat(slugs("akun saya terblokir", SupportedLanguage.ID)).contains("account-locked");
        assertThat(slugs("充值失败", SupportedLanguage.ZH_CN)).contains("topup-failed");
        assertThat(slugs("账户被冻结了怎么办", SupportedLanguage.ZH_CN)).contains("account-locked");
    }

    @Test
    void searchToleratesTyposAndHighlightsTheMatch() {
        assertThat(slugs("verificaton identty", SupportedLanguage.EN)).contains("verify-identity");
        assertThat(slugs("verifkasi identitas", SupportedLanguage.ID)).contains("verify-identity");
        // 冲值 is a common homophone typo of 充值 (top-up).
        assertThat(slugs("冲值失败", SupportedLanguage.ZH_CN)).contains("topup-failed");
        ArticleHit hit = help.search("phishing", SupportedLanguage.EN, 3).get(0);
        assertThat(hit.snippetHtml()).contains("<mark>");
    }

    @Test
    void publicPagesWorkWithoutSignInAndEscapeTheQuery() throws Exception {
        String page = mvc.perform(get("/help/search").param("q", "<script>alert(1)</script> top up"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("<script>alert(1)</script>").contains("/help/topup-failed");
        String article = mvc.perform(get("/help/topup-failed").header("Accept-Language", "id"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(article).contains(help.article("topup-failed", SupportedLanguage.ID).orElseThrow().title())
                .contains("/support/message?article=topup-failed").contains("Apakah artikel ini membantu?");
        mvc.perform(get("/help/no-such-article")).andExpect(status().isNotFound());
        ApiClient.Response blank = new ApiClient(port).get("/api/v1/public/help/search?q=");
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("field").asText()).isEqualTo("q");
        ApiClient.Response zh = new ApiClient(port).get("/api/v1/public/help/search?lang=zh-CN&q=%E4%BA%BA%E5%B7%A5%E5%AE%A2%E6%9C%8D");
        assertThat(zh.status()).isEqualTo(200);
        assertThat(zh.json().get("hits").size()).isPositive();
    }

    @Test
    void aVoteCountsOncePerReader() throws Exception {
        int before = help.article("fees", SupportedLanguage.EN).orElseThrow().helpfulYes();
        for (int i = 0; i < 2; i++) {
            mvc.perform(post("/help/fees/vote").with(csrf()).param("lang", "en").param("helpful", "yes")
                    .with(r -> { r.setRemoteAddr("203.0.113.77"); return r; }))
                    .andExpect(status().is3xxRedirection());
        }
        assertThat(help.article("fees", SupportedLanguage.EN).orElseThrow().helpfulYes()).isEqualTo(before + 1);
    }

    private Cookie staff(Role role) throws Exception {
        String email = TestData.email();
        registration.createStaff(role, email, "Staff " + role, "artikel-bantuan-rapi-91", null, ClientInfo.system());
        return mvc.perform(post("/login").with(csrf()).with(r -> {
            r.setRemoteAddr(TestData.clientIp());
            return r;
        }).param("identifier", email).param("password", "artikel-bantuan-rapi-91")).andReturn().getResponse().getCookie("WDSESSION");
    }

    @Test
    void anArticleGoesFromDraftToPublishedToArchivedWithEveryRevisionKept() throws Exception {
        Cookie agent = staff(Role.AGENT);
        Cookie supervisor = staff(Role.SUPERVISOR);
        String slug = "qris-refund-" + TestData.phone().substring(6);
        String location = mvc.perform(post("/staff/help").cookie(agent).with(csrf()).param("slug", slug)
                        .param("language", "en").param("revision", "0").param("title", "Refunds for QRIS zebrafruit payments")
                        .param("summary", "How a QRIS refund reaches you.").param("category", "payments-transfers")
                        .param("tags", "qris, refund").param("body", "## Zebrafruit\nA refund reaches your wallet."))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(slugs("zebrafruit", SupportedLanguage.EN)).doesNotContain(slug);
        mvc.perform(get("/help/" + slug)).andExpect(status().isNotFound());

        // Agents may not publish; supervisors may.
        mvc.perform(post("/staff/help/" + id + "/state").cookie(agent).with(csrf()).param("state", "PUBLISHED"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/staff/help/" + id + "/state").cookie(supervisor).with(csrf()).param("state", "PUBLISHED"))
                .andExpect(status().is3xxRedirection());
        assertThat(slugs("zebrafruit", SupportedLanguage.EN)).containsExactly(slug);
        mvc.perform(get("/help/" + slug)).andExpect(status().isOk());

        // Editing with a stale revision is refused and keeps the text typed; a fresh one makes revision 3.
        String stale = mvc.perform(post("/staff/help/" + id).cookie(supervisor).with(csrf()).param("revision", "1")
                        .param("title", "Stale edit").param("summary", "s").param("category", "payments-transfers")
                        .param("tags", "").param("body", "stale body"))
                .andExpect(status().isConflict()).andReturn().getResponse().getContentAsString();
        assertThat(stale).contains("Stale edit");
        mvc.perform(post("/staff/help/" + id).cookie(supervisor).with(csrf()).param("revision", "2")
                        .param("title", "Refunds for QRIS payments").param("summary", "How a QRIS refund reaches you.")
                        .param("category", "payments-transfers").param("tags", "qris, refund").param("body", "A refund arrives in minutes."))
                .andExpect(status().is3xxRedirection());
        assertThat(slugs("zebrafruit", SupportedLanguage.EN)).isEmpty();
        String editor = mvc.perform(get("/staff/help/" + id).cookie(agent)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(editor).contains("Revision 3").contains("Refunds for QRIS zebrafruit payments");

        // Restoring revision 1 brings the old text back as revision 4.
        mvc.perform(post("/staff/help/" + id + "/restore").cookie(supervisor).with(csrf()).param("revision", "1"))
                .andExpect(status().is3xxRedirection());
        assertThat(slugs("zebrafruit", SupportedLanguage.EN)).containsExactly(slug);

        mvc.perform(post("/staff/help/" + id + "/state").cookie(supervisor).with(csrf()).param("state", "ARCHIVED"))
                .andExpect(status().is3xxRedirection());
        assertThat(slugs("zebrafruit", SupportedLanguage.EN)).isEmpty();
        mvc.perform(get("/help/" + slug)).andExpect(status().isNotFound());
    }

    @Test
    void aRejectedFieldIsNamedAndNothingIsLost() throws Exception {
        Cookie agent = staff(Role.AGENT);
        String page = mvc.perform(post("/staff/help").cookie(agent).with(csrf()).param("slug", "Bad Slug!")
                        .param("language", "en").param("revision", "0").param("title", "Kept title")
                        .param("summary", "Kept summary").param("category", "security").param("tags", "")
                        .param("body", "Kept body"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Kept title").contains("Kept body").contains("lower-case letters");
    }
}
