package io.walletdesk.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * A full application on a random port against PostgreSQL, production's database (127.0.0.1:5432, or
 * WALLETDESK_TEST_DB_URL), in a fresh database created for the shared context and dropped at the JVM's end.
 * Same configuration as {@link PostgresTest}, so all such tests share one context and one database.
 * Skipped with a message when PostgreSQL is unreachable, except on CI (CI=true) where it fails.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(PostgresAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClockConfig.class)
@ContextConfiguration(initializers = FreshPostgresDatabase.class)
public @interface WalletDeskTest {
}
