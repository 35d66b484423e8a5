package io.walletdesk.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs Redis tests when 127.0.0.1:6379 answers; on CI its absence fails instead of skipping. */
public class RedisAvailable implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 6379), 2000);
            return ConditionEvaluationResult.enabled("Redis reachable");
        } catch (IOException unreachable) {
            String message = "Redis tests need a server on 127.0.0.1:6379 (redis-server --daemonize yes)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("CI=true: " + message, unreachable);
            }
            return ConditionEvaluationResult.disabled(message);
        }
    }
}
