package io.walletdesk.reachability.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.walletdesk.reachability.internal.AppVersionPolicy.Evaluation;
import io.walletdesk.reachability.internal.AppVersionPolicy.PlatformPolicy;
import io.walletdesk.reachability.internal.AppVersionPolicy.Verdict;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/app-config} (also under {@code /api/v1/public/}): per platform the minimum and latest
 * version, the store link and a translated message; with the client headers, also the verdict for the caller.
 */
@RestController
@Tag(name = "App configuration", description = "Version policy and support channels for the mobile app")
class AppConfigApiController {

    private final AppVersionPolicy policy;
    private final UpdateTexts texts;

    AppConfigApiController(AppVersionPolicy policy, UpdateTexts texts) {
        this.policy = policy;
        this.texts = texts;
    }

    /** One platform in the app-config document. */
    record PlatformConfig(String minimumVersion, String latestVersion, String storeUrl, String message) {
    }

    /** The caller's own standing, when it sent {@code X-Client-Platform} and {@code X-Client-Version}. */
    record ClientStanding(String platform, String version, String verdict, boolean updateRequired,
            boolean updateAvailable, String message) {
    }

    /** The app-config document. */
    record AppConfig(Map<String, PlatformConfig> platforms, ClientStanding client) {
    }

    @GetMapping({"/api/v1/app-config", "/api/v1/public/app-config"})
    @Operation(summary = "What this app version should do: update, channels, notices")
    ResponseEntity<AppConfig> appConfig(
            @RequestHeader(name = VersionPolicyFilter.PLATFORM_HEADER, required = false) String platform,
            @RequestHeader(name = VersionPolicyFilter.VERSION_HEADER, required = false) String version,
            Locale locale) {
        Map<String, PlatformConfig> platforms = new LinkedHashMap<>();
        for (PlatformPolicy p : policy.all()) {
            platforms.put(p.platform(), new PlatformConfig(p.minimumVersion(), p.latestVersion(), p.storeUrl(),
                    texts.summary(p, locale)));
        }
        ClientStanding standing = null;
        if (platform != null && version != null) {
            Evaluation e = policy.evaluate(platform, version);
            String message = null;
            if (e.verdict() == Verdict.UPDATE_REQUIRED) {
                message = texts.updateRequired(e, locale, null).getDetail();
            } else if (e.verdict() == Verdict.UPDATE_AVAILABLE) {
                message = texts.updateAvailable(e, locale);
            }
            standing = new ClientStanding(e.platform(), e.clientVersion(), e.verdict().name().toLowerCase(Locale.ROOT),
                    e.verdict() == Verdict.UPDATE_REQUIRED, e.verdict() == Verdict.UPDATE_AVAILABLE, message);
        }
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).header("Vary", "Accept-Language")
                .body(new AppConfig(platforms, standing));
    }
}
