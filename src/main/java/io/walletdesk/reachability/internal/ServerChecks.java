package io.walletdesk.reachability.internal;

import io.walletdesk.identity.AccountStatus;
import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.Accounts;
import io.walletdesk.reachability.DiagnosticReport.Check;
import io.walletdesk.reachability.internal.AppVersionPolicy.Evaluation;
import io.walletdesk.reachability.internal.AppVersionPolicy.Verdict;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.status.StatusBanner;
import io.walletdesk.status.StatusNotice;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The checks the server can answer by itself, shown even without JavaScript: browser and version against
 * the supported list, app version against the minimum, the status page, and the signed-in account's status.
 */
@Component
class ServerChecks {

    /** Check ids the browser measures, in display order. */
    static final List<String> CLIENT_CHECKS = List.of("online", "https", "websocket", "polling", "clock", "cookies", "storage");
    /** Check ids the server answers, in display order. */
    static final List<String> SERVER_CHECKS = List.of("browser", "app-version", "status", "account");

    /** Oldest supported major version per browser family. */
    static final Map<String, Integer> SUPPORTED_BROWSERS = Map.of("Chrome", 80, "Chrome (headless)", 80, "Edge", 80,
            "Firefox", 78, "Safari", 13, "Opera", 67, "Samsung Internet", 12);

    private static final Pattern APP_UA = Pattern.compile("WalletDesk(?:App)?/(\\d+(?:\\.\\d+){0,2})");
    private static final Pattern BROWSER = Pattern.compile("(.+?) (\\d+)");

    private final AppVersionPolicy versions;
    private final StatusBanner status;
    private final Accounts accounts;
    private final MessageSource messages;

    ServerChecks(AppVersionPolicy versions, StatusBanner status, Accounts accounts, MessageSource messages) {
        this.versions = versions;
        this.status = status;
        this.accounts = accounts;
        this.messages = messages;
    }

    /** The client's platform and app version as far as the request tells: query, headers, then user agent. */
    record AppClient(String platform, String version) {
    }

    static AppClient appClient(HttpServletRequest request) {
        String platform = first(request.getParameter("platform"), request.getHeader(VersionPolicyFilter.PLATFORM_HEADER));
        String version = first(request.getParameter("version"), request.getHeader(VersionPolicyFilter.VERSION_HEADER));
        String ua = request.getHeader("User-Agent") == null ? "" : request.getHeader("User-Agent");
        Matcher app = APP_UA.matcher(ua);
        if (version == null && app.find()) {
            version = app.group(1);
            platform = platform != null ? platform : ua.contains("iPhone") || ua.contains("iPad") ? "ios" : "android";
        }
        if (version == null) {
            version = request.getHeader(ClientInfo.APP_VERSION_HEADER);
        }
        if (platform == null || version == null) {
            return new AppClient("web", null);
        }
        return new AppClient(AppVersionPolicy.normalisePlatform(platform), version.length() > 40 ? version.substring(0, 40) : version);
    }

    List<Check> run(HttpServletRequest request, Long userId, Locale locale) {
        ClientInfo client = ClientInfo.from(request);
        List<Check> checks = new ArrayList<>();
        checks.add(browser(client.device().browser()));
        checks.add(appVersion(appClient(request), locale));
        checks.add(status());
        checks.add(account(userId, locale));
        return checks;
    }

    static Check browser(String browser) {
        if (browser.startsWith("WalletDesk app")) {
            return new Check("browser", "pass", browser);
        }
        Matcher m = BROWSER.matcher(browser);
        if (m.matches()) {
            Integer minimum = SUPPORTED_BROWSERS.get(m.group(1));
            if (minimum != null) {
                return new Check("browser", Integer.parseInt(m.group(2)) >= minimum ? "pass" : "fail", browser);
            }
        }
        return new Check("browser", "warn", browser);
    }

    private Check appVersion(AppClient app, Locale locale) {
        if (app.version() == null) {
            return new Check("app-version", "pass", messages.getMessage("reach.diag.value.webAlwaysCurrent", null, locale));
        }
        Evaluation e = versions.evaluate(app.platform(), app.version());
        String value = app.platform() + " " + app.version();
        if (e.verdict() == Verdict.UPDATE_REQUIRED) {
            return new Check("app-version", "fail", value + " < " + e.policy().minimumVersion());
        }
        if (e.verdict() == Verdict.UPDATE_AVAILABLE) {
            return new Check("app-version", "warn", value + " → " + e.policy().latestVersion());
        }
        return new Check("app-version", e.verdict() == Verdict.UNKNOWN ? "warn" : "pass", value);
    }

    private Check status() {
        List<StatusNotice> notices;
        try {
            notices = status.current();
        } catch (RuntimeException unavailable) {
            return new Check("status", "warn", "?");
        }
        if (notices.isEmpty()) {
            return new Check("status", "pass", "");
        }
        String outcome = "warn";
        List<String> titles = new ArrayList<>();
        for (StatusNotice notice : notices) {
            titles.add(notice.title() + " (" + notice.statusText() + ")");
            if (!notice.maintenance() && notice.severe()) {
                outcome = "fail";
            }
        }
        return new Check("status", outcome, truncate(String.join("; ", titles), 200));
    }

    private Check account(Long userId, Locale locale) {
        if (userId == null) {
            return new Check("account", "skip", messages.getMessage("reach.diag.value.notSignedIn", null, locale));
        }
        Optional<AccountView> view = accounts.find(userId);
        if (view.isEmpty()) {
            return new Check("account", "warn", "?");
        }
        AccountView account = view.get();
        if (account.status() == AccountStatus.ACTIVE) {
            return new Check("account", "pass", messages.getMessage("reach.diag.value.accountActive", null, locale));
        }
        String reason = account.lockReason() == null ? ""
                : messages.getMessage("lock.reason." + account.lockReason().name(), null, "", locale);
        return new Check("account", "fail", truncate(account.status().name() + (reason.isEmpty() ? "" : ": " + reason), 200));
    }

    /** What to do next for a locked account, in the customer's language; empty when there is nothing to do. */
    String accountTodo(Long userId, Locale locale) {
        if (userId == null) {
            return "";
        }
        return accounts.find(userId).filter(a -> a.status() != AccountStatus.ACTIVE && a.lockReason() != null)
                .map(a -> messages.getMessage("lock.todo." + a.lockReason().name(), null, "", locale)).orElse("");
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a.trim() : b != null && !b.isBlank() ? b.trim() : null;
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
