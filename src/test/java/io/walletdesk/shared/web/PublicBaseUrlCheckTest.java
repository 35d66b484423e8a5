package io.walletdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walletdesk.WalletDeskApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Links in mails start with the public base URL: a real deployment must set it, and to https (RFC 8058 one-click
 * unsubscribe); the embedded demo keeps http://localhost:8080.
 */
class PublicBaseUrlCheckTest {

    private static final String POSTGRES = "jdbc:postgresql://db.internal:5432/walletdesk";
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(PublicBaseUrlCheck.Config.class);

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void theRealApplicationWithADatabaseAndNoPublicBaseUrlRefusesToStart(CapturedOutput output) {
        SpringApplicationBuilder app = new SpringApplicationBuilder(WalletDeskApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false);
        assertThatThrownBy(() -> {
            try (ConfigurableApplicationContext ignored = app.run("--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/walletdesk",
                    "--walletdesk.security.data-key=dGVzdC1vbmx5LWRhdGEta2V5LW5vdC1hLXNlY3JldCE=",
                    "--walletdesk.wallet.pin.pepper=test-only", "--walletdesk.wallet.bank.callback-secret=test-only")) {
                // started: the assertion below fails
            }
        }).isInstanceOf(PublicBaseUrlCheck.RefusedException.class);
        assertThat(output.getOut() + output.getErr()).contains("APPLICATION FAILED TO START")
                .contains("WALLETDESK_PUBLIC_BASE_URL is not set");
    }

    @Test
    void aDeploymentWithADatabaseAndNoPublicBaseUrlDoesNotStart() {
        runner.withPropertyValues("spring.datasource.url=" + POSTGRES).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasMessageContaining("WALLETDESK_PUBLIC_BASE_URL is not set");
        });
        runner.withPropertyValues("spring.datasource.url=" + POSTGRES, "walletdesk.public-base-url=https://help.walletdesk.co.id")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void plainHttpIsRefusedOutsideTheDemoExceptForALoopbackHost() {
        assertThatThrownBy(() -> PublicBaseUrlCheck.check(POSTGRES, "http://help.walletdesk.co.id"))
                .isInstanceOf(PublicBaseUrlCheck.RefusedException.class).hasMessageContaining("must be https");
        assertThatThrownBy(() -> PublicBaseUrlCheck.check(POSTGRES, "http://127.0.0.1.example.com"))
                .hasMessageContaining("must be https");
        assertThatThrownBy(() -> PublicBaseUrlCheck.check(POSTGRES, "help.walletdesk.co.id"))
                .hasMessageContaining("absolute https URL");
        assertThatThrownBy(() -> PublicBaseUrlCheck.check(POSTGRES, "https://help.walletdesk.co.id/?a=b"))
                .hasMessageContaining("without query");
        assertThatCode(() -> PublicBaseUrlCheck.check(POSTGRES, "http://localhost:8080")).doesNotThrowAnyException();
        assertThatCode(() -> PublicBaseUrlCheck.check(POSTGRES, "http://127.0.0.1:8080")).doesNotThrowAnyException();
        assertThatCode(() -> PublicBaseUrlCheck.check(POSTGRES, "http://[::1]:8080")).doesNotThrowAnyException();
    }

    @Test
    void theEmbeddedDemoNeedsNothing() {
        assertThatCode(() -> PublicBaseUrlCheck.check("jdbc:h2:file:./data/walletdesk", null)).doesNotThrowAnyException();
        assertThatCode(() -> PublicBaseUrlCheck.check("jdbc:h2:file:./data/walletdesk", "http://demo.lan:8080"))
                .doesNotThrowAnyException();
    }
}
