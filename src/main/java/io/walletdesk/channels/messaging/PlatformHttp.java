package io.walletdesk.channels.messaging;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP to the Graph API and the Bot API. A refusal the platform may take back later (429, 5xx, no answer) is
 * {@link Retryable}; anything else it refused is final.
 */
final class PlatformHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;

    PlatformHttp(HttpClient client) {
        this.client = client;
    }

    /** What the platform answered with a 2xx status. */
    record Answer(int status, byte[] body, String contentType) {
    }

    /** The platform refused for now: try again, not before {@code retryAfter} when it said so. */
    static final class Retryable extends RuntimeException {
        private final Duration retryAfter;

        Retryable(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }

        Optional<Duration> retryAfter() {
            return Optional.ofNullable(retryAfter);
        }
    }

    /** The platform refused for good (e.g. 400 with an error code): sending the same again will not help. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    Answer postJson(String url, Map<String, String> headers, byte[] json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json));
        headers.forEach(request::header);
        return send(request.build());
    }

    Answer post(String url, Map<String, String> headers, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    Answer get(String url, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    private Answer send(HttpRequest request) {
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException unreachable) {
            throw new Retryable(unreachable.getClass().getSimpleName() + ": " + unreachable.getMessage(), null);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new Retryable("interrupted", null);
        }
        int status = response.statusCode();
        String body = new String(response.body(), java.nio.charset.StandardCharsets.UTF_8);
        String summary = status + " " + body.substring(0, Math.min(body.length(), 300));
        if (status == 429 || status >= 500) {
            throw new Retryable(summary, retryAfter(response));
        }
        if (status / 100 != 2) {
            throw new Refused(summary);
        }
        return new Answer(status, response.body(), response.headers().firstValue("Content-Type").orElse(null));
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException notSeconds) {
                return Optional.empty();
            }
        }).orElse(null);
    }
}
