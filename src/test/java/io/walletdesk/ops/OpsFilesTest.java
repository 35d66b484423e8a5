package io.walletdesk.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.testing.Promtool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The operations files under docs/ops (README "Metrics"): Prometheus accepts the alert rules, and the Grafana
 * dashboard is a dashboard whose every query uses WalletDesk's metrics. That the metrics they name exist is
 * checked against a real scrape in {@code security.PrometheusScrapeTest}.
 */
public class OpsFilesTest {

    static final Path ALERTS = Path.of("docs/ops/alerts.yml");
    static final Path DASHBOARD = Path.of("docs/ops/grafana-walletdesk.json");

    @Test
    void promtoolAcceptsTheAlertRules() {
        Promtool.Result check = Promtool.checkRules(ALERTS);
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS");
    }

    @Test
    void theAlertsCoverWhatMeansCustomersCannotReachUs() throws Exception {
        String rules = Files.readString(ALERTS);
        assertThat(rules).contains("walletdesk_intake_journal_pending", "walletdesk_outbox_oldest_pending_age_seconds",
                "walletdesk_status_probes_failing", "walletdesk_support_queue_oldest_wait_seconds");
    }

    @Test
    void theDashboardIsGrafanaJsonAndEveryPanelQueriesOurMetrics() throws Exception {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));
        assertThat(dashboard.path("title").asText()).isEqualTo("WalletDesk");
        assertThat(dashboard.path("uid").asText()).isNotBlank();
        List<String> withoutOurMetric = new ArrayList<>();
        int queries = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            for (JsonNode target : panel.path("targets")) {
                queries++;
                if (!target.path("expr").asText().contains("walletdesk_")) {
                    withoutOurMetric.add(panel.path("title").asText());
                }
            }
        }
        assertThat(queries).isGreaterThan(15);
        assertThat(withoutOurMetric).isEmpty();
    }

    /** Every walletdesk_* series name the two files use. */
    public static List<String> metricNames() throws Exception {
        List<String> names = new ArrayList<>();
        for (Path file : List.of(ALERTS, DASHBOARD)) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("walletdesk_[a-z_]+").matcher(Files.readString(file));
            while (m.find()) {
                if (!names.contains(m.group())) {
                    names.add(m.group());
                }
            }
        }
        return names;
    }
}
