package io.walletdesk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.WalletDeskApplication;
import io.walletdesk.testing.ApiClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's quick start: the default configuration (no profile, no database, no secrets) starts on embedded
 * H2 with demo data and its own generated secrets, and the demo sign-ins work. Everything else runs on PostgreSQL;
 * this runs in the integration-test JVM so that a second application stays out of the shared test JVM.
 */
class EmbeddedDemoIT {

    static Path dataDir;
    static ConfigurableApplicationContext app;

    @BeforeAll
    static void startLikeTheQuickStart() throws Exception {
        dataDir = Files.createTempDirectory("walletdesk-demo");
        app = new SpringApplicationBuilder(WalletDeskApplication.class).run(
                "--server.port=0", "--spring.jmx.enabled=false",
                // Like ./data, but in memory and in a temporary directory so the test leaves nothing behind.
                "--spring.datasource.url=jdbc:h2:mem:walletdesk-demo;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--walletdesk.secrets.file=" + dataDir.resolve("secrets.properties"),
                "--walletdesk.attachments.dir=" + dataDir.resolve("attachments"),
                "--walletdesk.intake.journal-dir=" + dataDir.resolve("journal"));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theDemoRunsOnH2WithGeneratedSecretsAndItsSignIns() throws Exception {
        Path secrets = dataDir.resolve("secrets.properties");
        assertThat(secrets).exists();
        assertThat(Files.getPosixFilePermissions(secrets))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        ApiClient visitor = new ApiClient(port);
        for (String page : new String[] {"/", "/help", "/support", "/status", "/diagnose", "/verify", "/login"}) {
            assertThat(visitor.get(page).status()).as(page).isEqualTo(200);
        }

        ApiClient.Response customer = visitor.post("/api/v1/auth/token", Map.of("grantType", "password",
                "identifier", "0812 3456 7890", "password", "kopi-susu-gula-aren-7"));
        assertThat(customer.status()).isEqualTo(200);
        ApiClient sari = new ApiClient(port).bearer(customer.json().get("accessToken").asText());
        assertThat(sari.get("/api/v1/wallet").status()).isEqualTo(200);

        ApiClient.Response agent = visitor.post("/api/v1/auth/token", Map.of("grantType", "password",
                "identifier", "agent@walletdesk.local", "password", "bantu-nasabah-cepat-24"));
        assertThat(agent.status()).isEqualTo(200);
        ApiClient ayu = new ApiClient(port).bearer(agent.json().get("accessToken").asText());
        assertThat(ayu.get("/api/v1/staff/users?q=sari").status()).isEqualTo(200);
    }
}
