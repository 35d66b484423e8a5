package io.walletdesk.shared.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walletdesk.WalletDeskApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** No secret has a public default: the embedded demo generates and keeps them; anything else must set them. */
class SecretsResolverTest {

    private static final String[] VARIABLES = {"WALLETDESK_DATA_KEY", "WALLETDESK_PIN_PEPPER", "WALLETDESK_BANK_CALLBACK_SECRET"};

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(SecretsConfig.class);

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theApplicationWithARealDatabaseAndNoSecretsRefusesToStartNamingEveryVariable(CapturedOutput output) {
        // The real configuration (application.properties), as a deployment with WALLETDESK_DB_URL would run it.
        SpringApplicationBuilder app = new SpringApplicationBuilder(WalletDeskApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false);
        assertThatThrownBy(() -> {
            try (ConfigurableApplicationContext ignored = app.run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/walletdesk",
                    "--walletdesk.security.data-key=", "--walletdesk.wallet.pin.pepper=", "--walletdesk.wallet.bank.callback-secret=")) {
                // started: the assertion below fails
            }
        }).satisfies(failure -> assertThat(rootMessage(failure)).contains(VARIABLES).contains("refuses to start"));
        // One clear message for the operator, not only a stack trace.
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("Set WALLETDESK_DATA_KEY, WALLETDESK_PIN_PEPPER, WALLETDESK_BANK_CALLBACK_SECRET");
    }

    @Test
    void anyNonEmbeddedDatabaseWithoutSecretsFailsToStart() {
        runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.internal:5432/walletdesk",
                        "walletdesk.wallet.pin.pepper=set-by-the-operator")
                .run(context -> {
                    assertThat(context).hasFailed();
                    String message = rootMessage(context.getStartupFailure());
                    assertThat(message).contains("WALLETDESK_DATA_KEY", "WALLETDESK_BANK_CALLBACK_SECRET")
                            .doesNotContain("WALLETDESK_PIN_PEPPER");
                });
    }

    @Test
    void theOldPublicDefaultsAreRefusedEvenWhenSetOnPurpose(@TempDir Path data) {
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:secrets", "walletdesk.secrets.file=" + data.resolve("s.properties"),
                        "walletdesk.wallet.bank.callback-secret=walletdesk-development-bank-callback-secret")
                .run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(rootMessage(context.getStartupFailure())).contains("WALLETDESK_BANK_CALLBACK_SECRET", "public default");
                });
    }

    @Test
    void theEmbeddedDemoGeneratesSecretsOnceKeepsThemOwnerOnlyAndReusesThem(@TempDir Path data) throws Exception {
        Path file = data.resolve("data").resolve("secrets.properties");
        String[] first = new String[3];
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:file:./data/walletdesk;MODE=PostgreSQL",
                        "walletdesk.secrets.file=" + file)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    first[0] = context.getEnvironment().getProperty("walletdesk.security.data-key");
                    first[1] = context.getEnvironment().getProperty("walletdesk.wallet.pin.pepper");
                    first[2] = context.getEnvironment().getProperty("walletdesk.wallet.bank.callback-secret");
                });
        assertThat(first).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(java.util.Base64.getDecoder().decode(first[0])).hasSize(32);
        assertThat(Files.exists(file)).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        Properties kept = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            kept.load(in);
        }
        assertThat(kept.getProperty("WALLETDESK_DATA_KEY")).isEqualTo(first[0]);
        assertThat(kept.getProperty("WALLETDESK_PIN_PEPPER")).isEqualTo(first[1]);
        assertThat(kept.getProperty("WALLETDESK_BANK_CALLBACK_SECRET")).isEqualTo(first[2]);

        // The next start reuses them (PINs and TOTP seeds keep verifying); an explicit value wins and is not written.
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:file:./data/walletdesk;MODE=PostgreSQL",
                        "walletdesk.secrets.file=" + file, "walletdesk.wallet.pin.pepper=from-the-environment")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getEnvironment().getProperty("walletdesk.security.data-key")).isEqualTo(first[0]);
                    assertThat(context.getEnvironment().getProperty("walletdesk.wallet.bank.callback-secret")).isEqualTo(first[2]);
                    assertThat(context.getEnvironment().getProperty("walletdesk.wallet.pin.pepper")).isEqualTo("from-the-environment");
                });
        assertThat(Files.readString(file)).doesNotContain("from-the-environment");
    }

    @Test
    void theMetricsScrapeTokenIsOptionalInADeploymentAndGeneratedForTheDemo(@TempDir Path data) throws Exception {
        // Issue 16: a deployment without WALLETDESK_METRICS_TOKEN starts, and then nobody can scrape.
        runner.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.internal:5432/walletdesk",
                        "walletdesk.security.data-key=set-by-the-operator-1", "walletdesk.wallet.pin.pepper=set-by-the-operator-2",
                        "walletdesk.wallet.bank.callback-secret=set-by-the-operator-3")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getEnvironment().getProperty("walletdesk.metrics.scrape-token")).isNull();
                });
        // The embedded demo generates one like the other secrets and keeps it.
        Path file = data.resolve("secrets.properties");
        runner.withPropertyValues("spring.datasource.url=jdbc:h2:mem:metrics", "walletdesk.secrets.file=" + file)
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    String token = context.getEnvironment().getProperty("walletdesk.metrics.scrape-token");
                    assertThat(token).isNotBlank();
                    assertThat(java.util.Base64.getDecoder().decode(token)).hasSize(32);
                });
        Properties kept = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            kept.load(in);
        }
        assertThat(kept.getProperty("WALLETDESK_METRICS_TOKEN")).isNotBlank();
    }

    private static String rootMessage(Throwable failure) {
        StringBuilder messages = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
