package io.walletdesk.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs browser tests when Debian's chromium and chromium-driver are installed; on CI their absence fails. */
public class ChromiumAvailable implements ExecutionCondition {

    public static Path browser() {
        return Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    }

    public static Path driver() {
        return Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (Files.isExecutable(browser()) && Files.isExecutable(driver())) {
            return ConditionEvaluationResult.enabled("Chromium at " + browser());
        }
        String message = "Browser tests need Chromium and ChromeDriver: apt-get install chromium chromium-driver "
                + "(or set CHROMIUM_BIN and CHROMEDRIVER_BIN)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true: " + message);
        }
        return ConditionEvaluationResult.disabled(message);
    }
}
