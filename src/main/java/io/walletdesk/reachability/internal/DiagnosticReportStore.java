package io.walletdesk.reachability.internal;

import io.walletdesk.reachability.DiagnosticReport;
import io.walletdesk.reachability.DiagnosticReport.Check;
import io.walletdesk.reachability.DiagnosticReports;
import io.walletdesk.shared.time.UserTime;
import io.walletdesk.shared.web.ClientInfo;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores self-diagnosis results under a short id such as {@code DG-7K3M9Q} and reads them back. */
@Service
class DiagnosticReportStore implements DiagnosticReports {

    /** No 0/O, 1/I/L: ids are read out over the phone. */
    private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    static final Duration KEEP_FOR = Duration.ofDays(180);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final JsonMapper json;
    private final MessageSource messages;
    private final SecureRandom random = new SecureRandom();

    DiagnosticReportStore(JdbcClient jdbc, Clock clock, JsonMapper json, MessageSource messages) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
        this.messages = messages;
    }

    /** Stores the checks and answers the new report id. */
    String save(List<Check> checks, Long userId, ClientInfo client, String appVersion, String language) {
        String overall = overall(checks);
        String results = json.writeValueAsString(checks);
        for (int attempt = 0; ; attempt++) {
            String reportId = newId();
            try {
                jdbc.sql("""
                        INSERT INTO reach_diagnostic_report (report_id, created_at, user_id, ip, user_agent, device_type,
                            os, browser, app_version, lang, overall, results)
                        VALUES (:id, :at, :user, :ip, :ua, :type, :os, :browser, :app, :lang, :overall, :results)""")
                        .param("id", reportId).param("at", Timestamp.from(clock.instant()))
                        .param("user", userId, Types.BIGINT).param("ip", client.ip())
                        .param("ua", ServerChecks.truncate(client.userAgent(), 512))
                        .param("type", ServerChecks.truncate(client.device().deviceType(), 32))
                        .param("os", ServerChecks.truncate(client.device().os(), 64))
                        .param("browser", ServerChecks.truncate(client.device().browser(), 64))
                        .param("app", ServerChecks.truncate(appVersion, 40)).param("lang", language)
                        .param("overall", overall).param("results", results).update();
                return reportId;
            } catch (DuplicateKeyException taken) {
                if (attempt >= 5) {
                    throw taken;
                }
            }
        }
    }

    /**
     * The report with this id, summary in the given language.
     *
     * @param reportId id with or without the {@code DG-} prefix, any case
     * @param locale   language of the summary
     * @return the report or empty
     */
    @Override
    public Optional<DiagnosticReport> find(String reportId, Locale locale) {
        String id = normaliseId(reportId);
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT * FROM reach_diagnostic_report WHERE report_id = :id").param("id", id)
                .query((rs, n) -> {
                    List<Check> checks = json.readValue(rs.getString("results"), new TypeReference<List<Check>>() { });
                    Instant at = rs.getTimestamp("created_at").toInstant();
                    DiagnosticReport draft = new DiagnosticReport(id, at, rs.getObject("user_id", Long.class),
                            rs.getString("device_type"), rs.getString("os"), rs.getString("browser"),
                            rs.getString("app_version"), rs.getString("overall"), List.copyOf(checks), null);
                    return new DiagnosticReport(draft.reportId(), draft.createdAt(), draft.userId(), draft.deviceType(),
                            draft.os(), draft.browser(), draft.appVersion(), draft.overall(), draft.checks(),
                            summary(draft, locale));
                }).optional();
    }

    /** Reports are evidence for a support case; after half a year they are of no use and are deleted. */
    @Scheduled(fixedDelayString = "PT6H", initialDelayString = "PT5M")
    @SchedulerLock(name = "reachability-diagnostic-cleanup", lockAtMostFor = "PT10M")
    public void forgetOldReports() {
        jdbc.sql("DELETE FROM reach_diagnostic_report WHERE created_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(KEEP_FOR))).update();
    }

    static String normaliseId(String reportId) {
        if (reportId == null) {
            return null;
        }
        String id = reportId.trim().toUpperCase(Locale.ROOT);
        if (!id.startsWith("DG-")) {
            id = "DG-" + id;
        }
        return id.matches("DG-[" + ALPHABET + "]{6}") ? id : null;
    }

    static String overall(List<Check> checks) {
        String worst = "pass";
        for (Check check : checks) {
            if ("fail".equals(check.outcome())) {
                return "fail";
            }
            if ("warn".equals(check.outcome())) {
                worst = "warn";
            }
        }
        return worst;
    }

    private String summary(DiagnosticReport report, Locale locale) {
        List<String> lines = new ArrayList<>();
        lines.add(messages.getMessage("reach.diag.summary.head", new Object[] {report.reportId(),
                UserTime.format(report.createdAt(), locale, UserTime.DEFAULT_ZONE)}, locale));
        lines.add(messages.getMessage("reach.diag.summary.device", new Object[] {report.deviceType(), report.os(),
                report.browser(), report.appVersion() == null ? "-" : report.appVersion()}, locale));
        lines.add(messages.getMessage("reach.diag.summary.overall", new Object[] {
                messages.getMessage("reach.diag.outcome." + report.overall(), null, report.overall(), locale)}, locale));
        for (Check check : report.checks()) {
            String name = messages.getMessage("reach.diag.check." + check.id(), null, check.id(), locale);
            String outcome = messages.getMessage("reach.diag.outcome." + check.outcome(), null, check.outcome(), locale);
            lines.add("[" + outcome + "] " + name + (check.value() == null || check.value().isEmpty() ? "" : ": " + check.value()));
        }
        return String.join("\n", lines);
    }

    private String newId() {
        StringBuilder id = new StringBuilder("DG-");
        for (int i = 0; i < 6; i++) {
            id.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
