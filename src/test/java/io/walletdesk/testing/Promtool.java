package io.walletdesk.testing;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus's own checker (Debian package {@code prometheus}, which {@code .ci/run} installs). Locally a missing
 * promtool skips the check with a message; on CI (CI=true) it fails the test, so the check never passes unseen.
 */
public final class Promtool {

    private Promtool() {
    }

    /** What promtool said and how it ended. */
    public record Result(int exitCode, String output) {

        /** Output lines, trimmed, without blanks. */
        public List<String> lines() {
            return output.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        }
    }

    /** The promtool on the PATH; skips (locally) or fails (CI) when there is none. */
    public static Path require() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String message = "promtool is not installed (apt-get install prometheus; .ci/run installs it)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true: " + message);
        }
        Assumptions.abort(message);
        return null;
    }

    /** {@code promtool check metrics} on a scrape (text exposition format on stdin). */
    public static Result checkMetrics(String exposition) {
        return run(exposition, "check", "metrics");
    }

    /** {@code promtool check rules} on a rules file. */
    public static Result checkRules(Path rules) {
        return run(null, "check", "rules", rules.toAbsolutePath().toString());
    }

    private static Result run(String stdin, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(require().toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (stdin != null) {
                process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
            }
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("promtool did not finish in 60 s: " + command);
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted running " + command, e);
        }
    }
}
