package io.walletdesk.shared.secrets;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows a refusal to start for missing secrets as one clear message instead of a stack trace. */
class MissingSecretsFailureAnalyzer extends AbstractFailureAnalyzer<SecretsResolver.MissingSecretsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SecretsResolver.MissingSecretsException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set the environment variables named above (README, \"Secrets\"), or run the embedded demo without "
                        + "WALLETDESK_DB_URL to have them generated under ./data.", cause);
    }
}
