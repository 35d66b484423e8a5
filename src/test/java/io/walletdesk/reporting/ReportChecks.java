package io.walletdesk.reporting;

import static org.awaitility.Awaitility.await;

import io.walletdesk.support.Conversations;
import io.walletdesk.support.MessageView;
import io.walletdesk.support.Participant;
import io.walletdesk.support.feedback.SurveyTestHooks;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reading the reports' CSV in tests, answering surveys, and checking that the daily sums match the facts. */
final class ReportChecks {

    private ReportChecks() {
    }

    /**
     * Waits for the event listeners (they run after commit, on other threads). Polls on the test's thread,
     * where {@code @WithMockUser} puts the signed-in staff member.
     */
    static org.awaitility.core.ConditionFactory eventually() {
        return await().atMost(Duration.ofSeconds(20)).pollInSameThread().pollInterval(Duration.ofMillis(100));
    }

    /** The first CSV row whose first cells are {@code key}, as header → value; empty if there is none. */
    static Map<String, String> row(String csv, String... key) {
        String[] lines = csv.split("\r?\n");
        String[] header = lines[0].split(",", -1);
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            boolean matches = cells.length >= key.length;
            for (int k = 0; matches && k < key.length; k++) {
                matches = cells[k].equals(key[k]);
            }
            if (matches) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int c = 0; c < header.length; c++) {
                    row.put(header[c], c < cells.length ? cells[c] : "");
                }
                return row;
            }
        }
        return Map.of();
    }

    /** A count from a row, 0 when the row or the cell is missing. */
    static long count(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isEmpty() ? 0 : Long.parseLong(value);
    }

    /** Answers the satisfaction survey the resolved conversation received (its link is in a message). */
    static void rate(Conversations conversations, ApplicationContext context, long conversationId, int stars) {
        Participant.System reader = new Participant.System("test");
        String invitation = await().atMost(Duration.ofSeconds(10)).until(() -> conversations
                .messagesAfter(conversationId, reader, 0, 100).stream().map(MessageView::body)
                .filter(b -> b.contains("/support/survey/")).findFirst(), Optional::isPresent).orElseThrow();
        String token = invitation.substring(invitation.indexOf("/support/survey/") + 16).split("\\s")[0].trim();
        SurveyTestHooks.answer(context, token, stars);
    }

    /**
     * Rows where report_daily differs from the sums of report_conversations (both ways); empty when they agree.
     * The same rules as ConversationFact.sums().
     */
    static List<Map<String, Object>> dailySumsMismatches(JdbcClient jdbc) {
        String facts = """
                SELECT started_day, channel, COALESCE(intent, '') AS intent, COALESCE(team_id, 0) AS team_id,
                  COUNT(*) AS conversations, COUNT(first_response_seconds) AS answered,
                  COALESCE(SUM(first_response_seconds), 0) AS first_response_sum,
                  SUM(CASE WHEN first_response_seconds IS NOT NULL
                      AND (breached_target IS NULL OR breached_target <> 'FIRST_RESPONSE') THEN 1 ELSE 0 END) AS first_on_time,
                  COUNT(resolved_at) AS resolved,
                  COALESCE(SUM(CASE WHEN resolved_at IS NOT NULL THEN resolution_seconds ELSE 0 END), 0) AS resolution_sum,
                  SUM(CASE WHEN resolved_at IS NOT NULL AND NOT sla_breached THEN 1 ELSE 0 END) AS resolved_on_time,
                  SUM(CASE WHEN sla_breached THEN 1 ELSE 0 END) AS breached,
                  SUM(CASE WHEN rating = 1 THEN 1 ELSE 0 END) AS r1, SUM(CASE WHEN rating = 2 THEN 1 ELSE 0 END) AS r2,
                  SUM(CASE WHEN rating = 3 THEN 1 ELSE 0 END) AS r3, SUM(CASE WHEN rating = 4 THEN 1 ELSE 0 END) AS r4,
                  SUM(CASE WHEN rating = 5 THEN 1 ELSE 0 END) AS r5
                FROM report_conversations GROUP BY started_day, channel, COALESCE(intent, ''), COALESCE(team_id, 0)""";
        String daily = """
                SELECT started_day, channel, intent, team_id, conversations, answered, first_response_sum,
                  first_response_on_time, resolved, resolution_sum, resolved_on_time, breached, rating_1, rating_2,
                  rating_3, rating_4, rating_5
                FROM report_daily WHERE conversations <> 0 OR answered <> 0 OR resolved <> 0 OR breached <> 0""";
        List<Map<String, Object>> missing = jdbc.sql(facts + " EXCEPT " + daily).query().listOfRows();
        List<Map<String, Object>> extra = jdbc.sql(daily + " EXCEPT " + facts).query().listOfRows();
        List<Map<String, Object>> all = new java.util.ArrayList<>(missing);
        all.addAll(extra);
        return all;
    }
}
