package io.walletdesk.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs PostgreSQL tests when the server answers; on CI a missing server is a failure, not a skip. */
public class PostgresAvailable implements ExecutionCondition {

    public static final String URL_VARIABLE = "WALLETDESK_TEST_DB_URL";
    static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/postgres";

    static String adminUrl() {
        String url = System.getenv(URL_VARIABLE);
        return url == null || url.isBlank() ? DEFAULT_URL : url;
    }

    static String user() {
        String user = System.getenv("WALLETDESK_TEST_DB_USER");
        return user == null ? "postgres" : user;
    }

    static String password() {
        String password = System.getenv("WALLETDESK_TEST_DB_PASSWORD");
        return password == null ? "" : password;
    }

    private static volatile Boolean reachable;

    static Connection connect() throws SQLException {
        DriverManager.setLoginTimeout(10);
        SQLException last = null;
        // A busy machine or a server momentarily out of connection slots is not an absent server: try again.
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                return DriverManager.getConnection(adminUrl(), user(), password());
            } catch (SQLException refused) {
                last = refused;
                try {
                    Thread.sleep(1000L * (attempt + 1));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw refused;
                }
            }
        }
        throw last;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        // Asked once per JVM: the answer does not change between test classes, and asking again under load
        // could turn a busy server into a skipped test.
        if (Boolean.TRUE.equals(reachable)) {
            return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + adminUrl());
        }
        if (Boolean.FALSE.equals(reachable) && !"true".equalsIgnoreCase(System.getenv("CI"))) {
            return ConditionEvaluationResult.disabled("PostgreSQL tests skipped: no server at " + adminUrl());
        }
        try (Connection ignored = connect()) {
            reachable = true;
            return ConditionEvaluationResult.enabled("PostgreSQL reachable at " + adminUrl());
        } catch (SQLException unreachable) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true but PostgreSQL is unreachable at " + adminUrl()
                        + ": start it (see .ci/run) or set " + URL_VARIABLE, unreachable);
            }
            reachable = false;
            return ConditionEvaluationResult.disabled("PostgreSQL tests skipped: no server at " + adminUrl()
                    + ". Start PostgreSQL on 127.0.0.1:5432 (user postgres, trust auth) or set " + URL_VARIABLE + ".");
        }
    }
}
