package io.walletdesk.reachability.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.reachability.AntiPhishing;
import io.walletdesk.reachability.DiagnosticReport.Check;
import io.walletdesk.reachability.DiagnosticReports;
import io.walletdesk.reachability.internal.FakeReports.NewReport;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.PostgresTest;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** On real PostgreSQL: the migration runs and every table of the module is written and read. */
@PostgresTest
class ReachabilityPostgresTest {

    @LocalServerPort
    int port;
    @Autowired
    AppVersionPolicy versions;
    @Autowired
    ChannelChecker checker;
    @Autowired
    ChannelRegistry registry;
    @Autowired
    FakeReports reports;
    @Autowired
    AntiPhishingPhrases phrases;
    @Autowired
    AntiPhishing antiPhishing;
    @Autowired
    DiagnosticReportStore store;
    @Autowired
    DiagnosticReports diagnosticReports;

    @Test
    void everyTableWorksOnPostgres() {
        versions.update("web", "1.2.0", "1.3.0", "https://www.walletdesk.co.id/", 1L, "ADMIN", ClientInfo.system());
        ApiClient.Response refused = new ApiClient(port).header("X-Client-Platform", "web").header("X-Client-Version", "1.1.9")
                .get("/api/v1/me");
        assertThat(refused.status()).isEqualTo(426);

        assertThat(checker.check("0811-1000-1235", Locale.ENGLISH).likelyScam()).isTrue();
        registry.add("WEB_DOMAIN", "walletdesk.example", null, new ChannelRegistry.Labels("Test", "Uji", "测试"), 1L, "ADMIN", ClientInfo.system());
        assertThat(checker.check("https://walletdesk.example/x", Locale.ENGLISH).official()).isTrue();
        var report = reports.submit(new NewReport("g0pay-walletdesk.com", "SMS", "OTP", null), null, ClientInfo.system());
        reports.review(report.id(), "CONFIRMED", "ok", 1L, "AGENT", ClientInfo.system());
        assertThat(reports.queue("CONFIRMED", 10)).extracting(FakeReports.FakeReport::reference).contains(report.reference());

        phrases.set(4242L, "merah putih", "CUSTOMER", ClientInfo.system());
        phrases.set(4242L, "merah putih dua", "CUSTOMER", ClientInfo.system());
        assertThat(antiPhishing.phraseFor(4242L)).contains("merah putih dua");

        String id = store.save(List.of(new Check("online", "pass", "online"), new Check("clock", "warn", "40 s")), 4242L,
                ClientInfo.system(), null, "en");
        assertThat(diagnosticReports.find(id).orElseThrow().overall()).isEqualTo("warn");
    }
}
