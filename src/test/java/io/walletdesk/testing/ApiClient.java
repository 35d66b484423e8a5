package io.walletdesk.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real HTTP client for API tests against the running server. Each instance acts as one client
 * address (X-Forwarded-For) and optionally one signed-in user (bearer token).
 */
public class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String clientIp = TestData.clientIp();
    private String bearer;
    private String language = "en";
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    public ApiClient(int port) {
        this.base = "http://localhost:" + port;
    }

    public ApiClient bearer(String token) {
        this.bearer = token;
        return this;
    }

    public ApiClient language(String language) {
        this.language = language;
        return this;
    }

    public ApiClient header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Response post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body))));
    }

    public Response patch(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    private Response send(HttpRequest.Builder builder) {
        builder.header("X-Forwarded-For", clientIp).header("Accept-Language", language)
                .header("User-Agent", "Mozilla/5.0 (Linux; Android 13; SM-A145F) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/120.0 Mobile Safari/537.36")
                .timeout(Duration.ofSeconds(30));
        extraHeaders.forEach(builder::header);
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs in through the API and keeps the access token. */
    public ApiClient signIn(String identifier, String password) {
        Response token = post("/api/v1/auth/token", Map.of("grantType", "password", "identifier", identifier,
                "password", password));
        if (token.status() != 200) {
            throw new IllegalStateException("Sign-in failed: " + token.status() + " " + token.body());
        }
        return bearer(token.json().get("accessToken").asText());
    }

    /** One HTTP response. */
    public record Response(int status, String body, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }
}
