package io.walletdesk.reachability.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.reachability.internal.ChannelChecker.CheckResult;
import io.walletdesk.reachability.internal.FakeReports.FakeReport;
import io.walletdesk.reachability.internal.FakeReports.NewReport;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public official-channel check and fake-channel reports. */
@RestController
@Tag(name = "Official channels", description = "Check whether a contact is really ours, and report fakes")
class ChannelCheckApiController {

    private final ChannelChecker checker;
    private final FakeReports reports;
    private final ChannelRegistry registry;

    ChannelCheckApiController(ChannelChecker checker, FakeReports reports, ChannelRegistry registry) {
        this.checker = checker;
        this.reports = reports;
        this.registry = registry;
    }

    /** One official channel as the public list shows it; {@code label} in the request's language. */
    record PublicChannel(String kind, String network, String value, String label) {
    }

    /** The official channels, for apps that show them (e.g. "how to recognise us"). */
    @GetMapping({"/api/v1/public/official-channels", "/api/v1/official-channels"})
    @Operation(summary = "Our official contact channels")
    ResponseEntity<List<PublicChannel>> list(Locale locale) {
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .varyBy(HttpHeaders.ACCEPT_LANGUAGE, HttpHeaders.COOKIE)
                .body(registry.active().stream()
                        .map(c -> new PublicChannel(c.kind().name(), c.network(), c.displayValue(), c.label(locale))).toList());
    }

    @GetMapping({"/api/v1/public/official-channels/check", "/api/v1/official-channels/check"})
    @Operation(summary = "Is this number, address or account one of ours?")
    ResponseEntity<CheckResult> check(@RequestParam(defaultValue = "") String value, Locale locale) {
        if (value.isBlank() || value.length() > 500) {
            throw ProblemException.forField("validation", FailureKind.INVALID, "value");
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(checker.check(value, locale));
    }

    /** The answer to a report: its reference and what the check says about the value. */
    record ReportReceipt(String reference, FakeReports.State state, CheckResult check) {
    }

    @PostMapping({"/api/v1/public/official-channels/reports", "/api/v1/official-channels/reports"})
    @Operation(summary = "Report a look-alike contact")
    @ApiResponse(responseCode = "201", description = "Report received")
    ResponseEntity<ReportReceipt> report(@RequestBody NewReport report, Authentication auth,
            HttpServletRequest request, Locale locale) {
        FakeReport saved = reports.submit(report, Actor.of(auth).userId(), ClientInfo.from(request));
        return ResponseEntity.created(URI.create("/api/v1/public/official-channels/reports/" + saved.reference()))
                .body(new ReportReceipt(saved.reference(), saved.state(), checker.check(saved.reportedValue(), locale)));
    }
}
