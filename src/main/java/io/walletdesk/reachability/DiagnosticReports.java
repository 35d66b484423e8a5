package io.walletdesk.reachability;

import java.util.Locale;
import java.util.Optional;

/**
 * Finds stored self-diagnosis reports by their short id, e.g. to attach one to a support conversation
 * opened from {@code /support/message?report=DG-7K3M9Q}.
 */
public interface DiagnosticReports {

    /**
     * The report with this id (case-insensitive, with or without the {@code DG-} prefix), summary in English.
     *
     * @param reportId the id the customer was shown
     * @return the report, or empty when there is none
     */
    default Optional<DiagnosticReport> find(String reportId) {
        return find(reportId, Locale.ENGLISH);
    }

    /**
     * The report with this id, with the plain-text summary in the given language.
     *
     * @param reportId the id the customer was shown
     * @param locale   language of the summary (English, Chinese or Indonesian)
     * @return the report, or empty when there is none
     */
    Optional<DiagnosticReport> find(String reportId, Locale locale);
}
