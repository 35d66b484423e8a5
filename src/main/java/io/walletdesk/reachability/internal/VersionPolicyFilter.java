package io.walletdesk.reachability.internal;

import io.walletdesk.reachability.internal.AppVersionPolicy.Evaluation;
import io.walletdesk.reachability.internal.AppVersionPolicy.Verdict;
import io.walletdesk.shared.i18n.WalletDeskLocaleResolver;
import io.walletdesk.shared.web.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enforces the app version policy on {@code /api/**}: a client below its platform's minimum gets 426
 * {@code /problems/update-required} (except on app-config, the status API and the support chat, which must
 * stay reachable); a client below the latest version gets {@code X-Update-Available}. Clients that send no
 * platform or version are not judged. Runs before security, so even signed-out old apps learn to update.
 */
final class VersionPolicyFilter extends OncePerRequestFilter {

    static final String PLATFORM_HEADER = "X-Client-Platform";
    static final String VERSION_HEADER = "X-Client-Version";
    static final String UPDATE_AVAILABLE_HEADER = "X-Update-Available";
    static final String UPDATE_REQUIRED_HEADER = "X-Update-Required";

    private static final List<String> ALWAYS_REACHABLE = List.of("/api/v1/app-config", "/api/v1/public/app-config",
            "/api/v2/", "/api/v1/chat/");

    private final AppVersionPolicy policy;
    private final UpdateTexts texts;
    private final JsonMapper json;

    VersionPolicyFilter(AppVersionPolicy policy, UpdateTexts texts, JsonMapper json) {
        this.policy = policy;
        this.texts = texts;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !path(request).startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String platform = request.getHeader(PLATFORM_HEADER);
        String version = request.getHeader(VERSION_HEADER);
        if (platform == null || version == null) {
            chain.doFilter(request, response);
            return;
        }
        Evaluation evaluation = policy.evaluate(platform, version);
        if (evaluation.verdict() == Verdict.UPDATE_REQUIRED) {
            response.setHeader(UPDATE_REQUIRED_HEADER, evaluation.policy().minimumVersion());
            response.setHeader(UPDATE_AVAILABLE_HEADER, evaluation.policy().latestVersion());
            if (!alwaysReachable(path(request))) {
                refuse(request, response, evaluation);
                return;
            }
        } else if (evaluation.verdict() == Verdict.UPDATE_AVAILABLE) {
            response.setHeader(UPDATE_AVAILABLE_HEADER, evaluation.policy().latestVersion());
        }
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Evaluation evaluation)
            throws IOException {
        Locale locale = WalletDeskLocaleResolver.resolveLanguage(request).locale();
        response.setStatus(HttpStatus.UPGRADE_REQUIRED.value());
        response.setHeader("Upgrade", "WalletDesk-" + evaluation.platform() + "/" + evaluation.policy().minimumVersion());
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(Problems.PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), texts.updateRequired(evaluation, locale, request.getRequestURI()));
    }

    static boolean alwaysReachable(String path) {
        for (String prefix : ALWAYS_REACHABLE) {
            if (path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")
                    || (prefix.endsWith("/") && path.equals(prefix.substring(0, prefix.length() - 1)))) {
                return true;
            }
        }
        return false;
    }

    private static String path(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }
}
