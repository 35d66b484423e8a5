package io.walletdesk.status.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/** Runs one probe and evaluates its conditions. Never throws: a failure is a result. */
class ProbeChecker {

    /** One check's outcome; {@code message} says which condition failed, in plain words (for staff). */
    record Result(boolean success, String message, Duration elapsed) {
    }

    private final DataSource dataSource;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    ProbeChecker(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Result check(ProbeDefinition probe) {
        long start = System.nanoTime();
        try {
            String failure = switch (probe.type()) {
                case HTTP -> http(probe);
                case TCP -> tcp(probe, false);
                case SMTP, IMAP -> tcp(probe, true);
                case DATABASE -> database(probe);
            };
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (failure == null && probe.maxResponseTime() != null && elapsed.compareTo(probe.maxResponseTime()) > 0) {
                failure = "response time " + elapsed.toMillis() + " ms > " + probe.maxResponseTime().toMillis() + " ms";
            }
            return new Result(failure == null, failure == null ? "ok" : failure, elapsed);
        } catch (IOException | RuntimeException | SQLException failure) {
            return new Result(false, failure.getClass().getSimpleName() + ": " + failure.getMessage(),
                    Duration.ofNanos(System.nanoTime() - start));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return new Result(false, "interrupted", Duration.ofNanos(System.nanoTime() - start));
        }
    }

    private String http(ProbeDefinition probe) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(probe.target()))
                .timeout(probe.timeout()).header("User-Agent", "WalletDesk-StatusProbe/1").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        int expected = probe.expectedStatus() == null ? 200 : probe.expectedStatus();
        if (response.statusCode() != expected) {
            return "status " + response.statusCode() + " != " + expected;
        }
        if (probe.bodyContains() != null && !response.body().contains(probe.bodyContains())) {
            return "body does not contain \"" + probe.bodyContains() + "\"";
        }
        return null;
    }

    private String tcp(ProbeDefinition probe, boolean readGreeting) throws IOException {
        String target = probe.target();
        int colon = target.lastIndexOf(':');
        String host = target.substring(0, colon);
        int port = Integer.parseInt(target.substring(colon + 1));
        int timeout = (int) probe.timeout().toMillis();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeout);
            if (!readGreeting && probe.bodyContains() == null) {
                return null;
            }
            socket.setSoTimeout(timeout);
            String greeting = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (greeting == null) {
                return "no greeting";
            }
            String expected = probe.bodyContains() != null ? probe.bodyContains()
                    : probe.type() == ProbeDefinition.Type.SMTP ? "220" : "* OK";
            return greeting.contains(expected) ? null : "greeting does not contain \"" + expected + "\"";
        }
    }

    /** {@code SELECT 1}, or the configured query, whose first column must contain {@code bodyContains} if set. */
    private String database(ProbeDefinition probe) throws SQLException {
        String query = probe.target() == null || probe.target().isBlank() ? "SELECT 1" : probe.target();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout((int) Math.max(1, probe.timeout().toSeconds()));
            try (ResultSet rs = statement.executeQuery(query)) {
                if (!rs.next()) {
                    return "no row";
                }
                String value = rs.getString(1);
                if (probe.bodyContains() != null && (value == null || !value.contains(probe.bodyContains()))) {
                    return "result \"" + value + "\" does not contain \"" + probe.bodyContains() + "\"";
                }
                return null;
            }
        }
    }
}
