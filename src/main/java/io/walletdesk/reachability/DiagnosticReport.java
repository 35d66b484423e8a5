package io.walletdesk.reachability;

import java.time.Instant;
import java.util.List;

/**
 * A stored self-diagnosis (requirements A1, E3): when and on what device it ran, each check's outcome and
 * measured value, and a plain-text {@code summary} ready to attach to a support conversation.
 *
 * @param reportId   the short id shown to the customer, e.g. {@code DG-7K3M9Q}
 * @param createdAt  when the report was stored
 * @param userId     the signed-in customer, or null for an anonymous visitor
 * @param deviceType phone, tablet, desktop or unknown
 * @param os         operating system and version
 * @param browser    browser (or app) and version
 * @param appVersion the app version the client reported, or null
 * @param overall    {@code pass}, {@code warn} or {@code fail}: the worst outcome of all checks
 * @param checks     the checks in display order
 * @param summary    a plain-text summary, one line per check
 */
public record DiagnosticReport(String reportId, Instant createdAt, Long userId, String deviceType, String os,
        String browser, String appVersion, String overall, List<Check> checks, String summary) {

    /**
     * One check of a report.
     *
     * @param id      stable check id, e.g. {@code websocket}, {@code clock}, {@code account}
     * @param outcome {@code pass}, {@code warn}, {@code fail} or {@code skip}
     * @param value   what was measured, e.g. {@code 42 ms}
     */
    public record Check(String id, String outcome, String value) {
    }
}
