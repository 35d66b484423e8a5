package io.walletdesk.reachability.internal;

import io.walletdesk.reachability.DiagnosticReports;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /staff/diagnostics}: an agent looks up the report id a customer reads out (e.g. on the phone). */
@Controller
@PreAuthorize("hasRole('AGENT')")
class StaffDiagnosticsController {

    private final DiagnosticReports reports;

    StaffDiagnosticsController(DiagnosticReports reports) {
        this.reports = reports;
    }

    @GetMapping("/staff/diagnostics")
    String lookUp(@RequestParam(required = false) String report, Model model, Locale locale) {
        if (report != null && !report.isBlank()) {
            model.addAttribute("query", report);
            model.addAttribute("report", reports.find(report, locale).orElse(null));
        }
        return "reachability/staff-diagnostics";
    }
}
