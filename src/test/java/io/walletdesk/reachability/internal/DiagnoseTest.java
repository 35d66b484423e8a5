package io.walletdesk.reachability.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.walletdesk.reachability.DiagnosticReport;
import io.walletdesk.reachability.DiagnosticReports;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.WalletDeskTest;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** A1, A3-A5, E3: the diagnose page without a browser: server facts, probe endpoints, stored reports. */
@WalletDeskTest
class DiagnoseTest {

    private static final String OLD_CHROME = "Mozilla/5.0 (Linux; Android 8.0; SM-J330F) AppleWebKit/537.36 "
            + "(KHTML, like Gecko) Chrome/61.0.3163.98 Mobile Safari/537.36";

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    DiagnosticReports reports;
    @Autowired
    AppVersionPolicy policy;
    @Autowired
    io.walletdesk.identity.internal.Registration registration;
    @Autowired
    io.walletdesk.identity.Accounts accounts;

    @Test
    void thePageShowsServerSideFactsWithoutJavaScript() throws Exception {
        mvc.perform(get("/diagnose").header("User-Agent", OLD_CHROME).header("Accept-Language", "id"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Periksa koneksi Anda")))
                .andExpect(content().string(containsString("Android 8.0")))
                .andExpect(content().string(containsString("id=\"check-websocket\"")))
                .andExpect(content().string(containsString("data-outcome=\"fail\"")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*/js/diagnose(-[0-9a-f]{32})?\\.js.*")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    void pingAnswersNoContentWithoutCachingAndPollAnswersAfterASecond() {
        ApiClient client = new ApiClient(port);
        ApiClient.Response ping = client.get("/diagnose/ping");
        assertThat(ping.status()).isEqualTo(204);
        assertThat(ping.header("Cache-Control")).contains("no-store");
        assertThat(Long.parseLong(ping.header("X-Server-Time"))).isPositive();
        long started = System.nanoTime();
        ApiClient.Response poll = client.get("/diagnose/poll");
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertThat(poll.status()).isEqualTo(200);
        assertThat(poll.json().get("serverTime").asLong()).isPositive();
        assertThat(tookMillis).isBetween(900L, 8000L);
    }

    @Test
    void postedResultsGetAShortReportIdFoundByDiagnosticReports() throws Exception {
        policy.update("android", "4.10.0", "4.13.0", "https://play.google.com/store/apps/details?id=io.walletdesk.app",
                null, "ADMIN", io.walletdesk.shared.web.ClientInfo.system());
        String body = """
                {"checks":[{"id":"online","outcome":"pass","value":"online"},
                  {"id":"https","outcome":"pass","value":"35 ms"},
                  {"id":"clock","outcome":"warn","value":"45 s behind"},
                  {"id":"made-up","outcome":"pass","value":"ignored"}]}""";
        String answer = mvc.perform(post("/diagnose/reports").with(csrf()).with(user("777").roles("CUSTOMER"))
                        .header("User-Agent", OLD_CHROME).header("X-Client-Platform", "android").header("X-Client-Version", "4.9.0")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andExpect(header().string("Cache-Control", containsString("no-store")))
                .andReturn().getResponse().getContentAsString();
        var json = JsonMapper.builder().build().readTree(answer);
        String reportId = json.get("reportId").asText();
        assertThat(reportId).matches("DG-[2-9A-HJKMNP-Z]{6}");
        assertThat(json.get("attachUrl").asText()).isEqualTo("/support/message?report=" + reportId);

        DiagnosticReport report = reports.find(reportId).orElseThrow();
        assertThat(report.userId()).isEqualTo(777L);
        assertThat(report.os()).isEqualTo("Android 8.0");
        assertThat(report.browser()).isEqualTo("Chrome 61");
        assertThat(report.appVersion()).isEqualTo("android 4.9.0");
        assertThat(report.overall()).isEqualTo("fail");
        assertThat(report.checks()).extracting(DiagnosticReport.Check::id).containsExactly("online", "https", "websocket",
                "polling", "clock", "cookies", "storage", "browser", "app-version", "status", "account");
        assertThat(report.checks()).filteredOn(c -> c.id().equals("browser")).first()
                .extracting(DiagnosticReport.Check::outcome).isEqualTo("fail");
        assertThat(report.checks()).filteredOn(c -> c.id().equals("app-version")).first()
                .extracting(DiagnosticReport.Check::outcome).isEqualTo("fail");
        assertThat(report.summary()).contains(reportId, "Android 8.0", "[Warning] Device clock: 45 s behind",
                "[Problem] Browser: Chrome 61");
        assertThat(reports.find(reportId.substring(3).toLowerCase(Locale.ROOT))).isPresent();
        assertThat(reports.find(reportId, Locale.forLanguageTag("id")).orElseThrow().summary()).contains("Jam perangkat");
        assertThat(reports.find("DG-000000")).isEmpty();
        mvc.perform(get("/staff/diagnostics").param("report", reportId).with(user("778").roles("CUSTOMER")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/diagnostics").param("report", reportId.toLowerCase(Locale.ROOT))
                        .with(user("779").roles("AGENT")).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andExpect(content().string(containsString(reportId)))
                .andExpect(content().string(containsString("45 s behind")));
        mvc.perform(get("/staff/diagnostics").param("report", "DG-222222").with(user("779").roles("AGENT")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("no report with this id")));
        assertThat(reports.find(null)).isEmpty();
    }

    @Test
    void reportsNeedCsrfAndKnownChecks() throws Exception {
        mvc.perform(post("/diagnose/reports").contentType(MediaType.APPLICATION_JSON).content("{\"checks\":[]}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/diagnose/reports").with(csrf()).contentType(MediaType.APPLICATION_JSON).content("{\"checks\":[]}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void withoutJavaScriptTheFormStoresTheServerFacts() throws Exception {
        String page = mvc.perform(post("/diagnose").with(csrf()).header("User-Agent", OLD_CHROME))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("DG-[2-9A-Z]{6}").matcher(page);
        assertThat(id.find()).isTrue();
        assertThat(reports.find(id.group())).isPresent();
        assertThat(page).contains("/support/message?report=" + id.group());
    }

    @Test
    void aLockedCustomerSeesWhyAndWhatToDo() throws Exception {
        long userId = registration.register(new io.walletdesk.identity.internal.Registration.RegisterCustomer(
                io.walletdesk.testing.TestData.phone(), null, "Rina Wati", "en", io.walletdesk.testing.TestData.PASSWORD),
                io.walletdesk.shared.web.ClientInfo.system());
        accounts.lock(new io.walletdesk.identity.LockAccount(userId,
                io.walletdesk.identity.LockReason.CREDENTIAL_BRUTE_FORCE, "test", null));
        mvc.perform(get("/diagnose").with(user(Long.toString(userId)).roles("RESTRICTED")).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("LOCKED: Someone entered a wrong password or PIN many times.")))
                .andExpect(content().string(containsString("verify your identity")));
        mvc.perform(get("/diagnose").header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Not signed in")));
    }
}
