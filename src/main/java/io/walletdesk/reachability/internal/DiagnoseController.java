package io.walletdesk.reachability.internal;

import io.walletdesk.reachability.DiagnosticReport.Check;
import io.walletdesk.shared.i18n.WalletDeskLocaleResolver;
import io.walletdesk.shared.ratelimit.RateLimiter;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import jakarta.annotation.PreDestroy;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.context.request.async.DeferredResult;

/**
 * {@code /diagnose}: the self-diagnosis page, its probe endpoints ({@code /diagnose/ping} answers 204 at
 * once, {@code /diagnose/poll} after about a second, like a long poll) and the report endpoint that stores
 * the results under a short id. Without JavaScript the page still shows what the server knows and can
 * store a report of those facts.
 */
@Controller
class DiagnoseController {

    static final long POLL_DELAY_MILLIS = 1000;
    private static final Set<String> OUTCOMES = Set.of("pass", "warn", "fail", "skip");

    static final int REPORTS_PER_WINDOW = 60;

    private final ServerChecks serverChecks;
    private final RateLimiter rateLimiter;
    private final DiagnosticReportStore store;
    private final Clock clock;
    private final MessageSource messages;
    private final ScheduledExecutorService polls = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "diagnose-poll");
        thread.setDaemon(true);
        return thread;
    });

    DiagnoseController(ServerChecks serverChecks, DiagnosticReportStore store, Clock clock,
            RateLimiter rateLimiter, MessageSource messages) {
        this.messages = messages;
        this.serverChecks = serverChecks;
        this.rateLimiter = rateLimiter;
        this.store = store;
        this.clock = clock;
    }

    @PreDestroy
    void stop() {
        polls.shutdownNow();
    }

    @GetMapping("/diagnose")
    String page(Authentication auth, HttpServletRequest request, Model model, Locale locale) {
        ClientInfo client = ClientInfo.from(request);
        List<Check> checks = new ArrayList<>();
        for (String id : ServerChecks.CLIENT_CHECKS) {
            checks.add(new Check(id, "pending", ""));
        }
        checks.addAll(serverChecks.run(request, Actor.of(auth).userId(), locale));
        model.addAttribute("checks", checks);
        model.addAttribute("device", client.device());
        model.addAttribute("userAgent", client.userAgent());
        model.addAttribute("serverTime", clock.instant());
        model.addAttribute("serverMillis", clock.millis());
        model.addAttribute("signedIn", Actor.of(auth).signedIn());
        model.addAttribute("accountTodo", serverChecks.accountTodo(Actor.of(auth).userId(), locale));
        model.addAttribute("appClient", ServerChecks.appClient(request));
        return "reachability/diagnose";
    }

    /** Without JavaScript: stores the server-side facts only and shows the report id. */
    @PostMapping("/diagnose")
    String reportWithoutScript(Authentication auth, HttpServletRequest request, Model model,
            Locale locale) {
        List<Check> checks = new ArrayList<>();
        for (String id : ServerChecks.CLIENT_CHECKS) {
            checks.add(new Check(id, "skip", messages.getMessage("reach.diag.value.noJavaScript", null, locale)));
        }
        checks.addAll(serverChecks.run(request, Actor.of(auth).userId(), locale));
        String reportId = save(checks, Actor.of(auth).userId(), request);
        String view = page(auth, request, model, locale);
        model.addAttribute("reportId", reportId);
        return view;
    }

    @GetMapping("/diagnose/ping")
    ResponseEntity<Void> ping() {
        return ResponseEntity.noContent().cacheControl(CacheControl.noStore())
                .header("X-Server-Time", Long.toString(clock.millis())).build();
    }

    @GetMapping("/diagnose/poll")
    @ResponseBody
    DeferredResult<ResponseEntity<Map<String, Object>>> poll() {
        DeferredResult<ResponseEntity<Map<String, Object>>> result = new DeferredResult<>(10_000L);
        long started = System.nanoTime();
        polls.schedule(() -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("serverTime", clock.millis());
            body.put("waitedMillis", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            result.setResult(ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body));
        }, POLL_DELAY_MILLIS, TimeUnit.MILLISECONDS);
        return result;
    }

    /** What the page posts: the browser's check results. */
    record ClientResults(List<Check> checks) {
    }

    @PostMapping("/diagnose/reports")
    @ResponseBody
    ResponseEntity<Map<String, Object>> report(@RequestBody ClientResults results,
            Authentication auth, HttpServletRequest request, Locale locale) {
        Map<String, Check> byId = new LinkedHashMap<>();
        if (results != null && results.checks() != null) {
            for (Check check : results.checks()) {
                if (check != null && ServerChecks.CLIENT_CHECKS.contains(check.id()) && OUTCOMES.contains(check.outcome())) {
                    byId.put(check.id(), new Check(check.id(), check.outcome(),
                            ServerChecks.truncate(check.value() == null ? "" : check.value().replaceAll("[\\p{Cntrl}]", " "), 200)));
                }
            }
        }
        if (byId.isEmpty()) {
            throw ProblemException.forField("validation", FailureKind.INVALID, "checks");
        }
        List<Check> checks = new ArrayList<>();
        for (String id : ServerChecks.CLIENT_CHECKS) {
            checks.add(byId.getOrDefault(id, new Check(id, "skip", "")));
        }
        checks.addAll(serverChecks.run(request, Actor.of(auth).userId(), locale));
        String reportId = save(checks, Actor.of(auth).userId(), request);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reportId", reportId);
        body.put("overall", DiagnosticReportStore.overall(checks));
        body.put("attachUrl", request.getContextPath() + "/support/message?report=" + reportId);
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore()).body(body);
    }

    private String save(List<Check> checks, Long userId, HttpServletRequest request) {
        var limit = rateLimiter.hit("diagnose-report:" + ClientInfo.from(request).ip(), REPORTS_PER_WINDOW,
                Duration.ofMinutes(10));
        if (!limit.allowed()) {
            throw new ProblemException("rate-limited", FailureKind.RATE_LIMITED, null,
                    new Object[] {Math.max(1, (limit.retryAfterSeconds() + 59) / 60)},
                    Map.of("retryAfterSeconds", limit.retryAfterSeconds()));
        }
        ServerChecks.AppClient app = ServerChecks.appClient(request);
        return store.save(checks, userId, ClientInfo.from(request),
                app.version() == null ? null : app.platform() + " " + app.version(),
                WalletDeskLocaleResolver.resolveLanguage(request).tag());
    }
}
