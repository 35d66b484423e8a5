package io.walletdesk.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Creates a uniquely named database for one application context and drops it when the JVM ends. */
public class FreshPostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String url = create();
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("fresh-postgres", java.util.Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", PostgresAvailable.user(),
                "spring.datasource.password", PostgresAvailable.password())));
    }

    /** Creates a uniquely named database, dropped when the JVM ends; returns its JDBC URL. */
    public static String create() {
        String name = "walletdesk_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = PostgresAvailable.connect(); Statement sql = admin.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database " + name, e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection admin = PostgresAvailable.connect(); Statement sql = admin.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (SQLException ignored) {
                // Best effort: a leftover test database does no harm and is named to be recognisable.
            }
        }));
        String adminUrl = PostgresAvailable.adminUrl();
        return adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
    }
}
