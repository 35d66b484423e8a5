package io.walletdesk.reachability.internal;

import io.walletdesk.reachability.internal.AppVersionPolicy.Evaluation;
import io.walletdesk.reachability.internal.AppVersionPolicy.PlatformPolicy;
import io.walletdesk.shared.web.Problems;
import java.net.URI;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** The translated "update required" and "update available" texts, for the API and for pages. */
@Component
class UpdateTexts {

    static final String UPDATE_REQUIRED = "update-required";

    private final MessageSource messages;
    private final Problems problems;

    UpdateTexts(MessageSource messages, Problems problems) {
        this.messages = messages;
        this.problems = problems;
    }

    String platformName(String platform, Locale locale) {
        return messages.getMessage("reach.platform." + platform, null, platform, locale);
    }

    /** How to update on this platform, e.g. "Open Google Play ...". */
    String howTo(String platform, Locale locale) {
        return messages.getMessage("reach.update.how." + platform, null, "", locale);
    }

    /** The per-platform message of {@code /api/v1/app-config}. */
    String summary(PlatformPolicy policy, Locale locale) {
        return messages.getMessage("reach.appconfig.message", new Object[] {platformName(policy.platform(), locale),
                policy.latestVersion(), policy.minimumVersion(), howTo(policy.platform(), locale)}, locale);
    }

    String updateAvailable(Evaluation evaluation, Locale locale) {
        return messages.getMessage("reach.update.available", new Object[] {platformName(evaluation.platform(), locale),
                evaluation.clientVersion(), evaluation.policy().latestVersion(), evaluation.policy().storeUrl()}, locale);
    }

    /** The 426 problem: title, detail with the store link, and the versions as members. */
    ProblemDetail updateRequired(Evaluation evaluation, Locale locale, String instance) {
        PlatformPolicy policy = evaluation.policy();
        ProblemDetail problem = problems.build(UPDATE_REQUIRED, HttpStatus.UPGRADE_REQUIRED, locale);
        problem.setDetail(messages.getMessage("reach.update.required", new Object[] {
                platformName(evaluation.platform(), locale), evaluation.clientVersion(), policy.minimumVersion(),
                policy.storeUrl(), howTo(evaluation.platform(), locale)}, locale));
        if (instance != null) {
            problem.setInstance(URI.create(instance));
        }
        problem.setProperty("platform", evaluation.platform());
        problem.setProperty("clientVersion", evaluation.clientVersion());
        problem.setProperty("minimumVersion", policy.minimumVersion());
        problem.setProperty("latestVersion", policy.latestVersion());
        problem.setProperty("updateUrl", policy.storeUrl());
        problem.setProperty("supportChatAvailable", true);
        return problem;
    }
}
