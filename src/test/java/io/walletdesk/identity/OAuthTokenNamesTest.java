package io.walletdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Mobile OAuth libraries speak RFC 6749: the token endpoint takes and gives its names (access_token, token_type,
 * expires_in, refresh_token), as JSON or as a form, besides our camelCase ones (ADR 0018).
 */
@WalletDeskTest
class OAuthTokenNamesTest {

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theTokenEndpointSpeaksRfc6749AndCamelCase() throws Exception {
        String phone = TestData.phone();
        ApiClient api = new ApiClient(port);
        assertThat(api.post("/api/v1/auth/register", Map.of("phone", phone, "name", "Dewi Lestari",
                "password", TestData.PASSWORD)).status()).isEqualTo(202);

        // RFC 6749 section 4.3 as a form, answered with both names (section 5.1).
        HttpResponse<String> form = form(Map.of("grant_type", "password", "username", phone,
                "password", TestData.PASSWORD));
        assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
        JsonNode token = ApiClientJson.read(form.body());
        assertThat(token.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(token.get("expires_in").asLong()).isPositive();
        assertThat(token.get("access_token").asString()).isNotBlank().isEqualTo(token.get("accessToken").asString());
        assertThat(token.get("refresh_token").asString()).isNotBlank().isEqualTo(token.get("refreshToken").asString());
        assertThat(form.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        assertThat(new ApiClient(port).bearer(token.get("access_token").asString()).get("/api/v1/me").status())
                .isEqualTo(200);

        // RFC 6749 section 6, refreshing as a form; and as JSON with RFC 6749's names.
        HttpResponse<String> refreshed = form(Map.of("grant_type", "refresh_token",
                "refresh_token", token.get("refresh_token").asString()));
        assertThat(refreshed.statusCode()).as(refreshed.body()).isEqualTo(200);
        JsonNode second = ApiClientJson.read(refreshed.body());
        ApiClient.Response json = new ApiClient(port).post("/api/v1/auth/token", Map.of("grant_type", "refresh_token",
                "refresh_token", second.get("refresh_token").asString()));
        assertThat(json.status()).as(json.body()).isEqualTo(200);
        assertThat(json.json().get("access_token").asString()).isNotBlank();

        // Our own names keep working.
        ApiClient.Response camel = new ApiClient(port).post("/api/v1/auth/token", Map.of("grantType", "password",
                "identifier", phone, "password", TestData.PASSWORD));
        assertThat(camel.status()).isEqualTo(200);
        assertThat(camel.json().get("accessToken").asString()).isNotBlank();

        // A form with a grant we do not offer is refused as problem+json naming the field.
        HttpResponse<String> unknownGrant = form(Map.of("grant_type", "client_credentials"));
        assertThat(unknownGrant.statusCode()).isEqualTo(400);
        assertThat(unknownGrant.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(ApiClientJson.read(unknownGrant.body()).get("field").asString()).isEqualTo("grant_type");
        HttpResponse<String> wrongPassword = form(Map.of("grant_type", "password", "username", phone,
                "password", "not-the-password-at-all"));
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    private HttpResponse<String> form(Map<String, String> fields) throws Exception {
        String body = new LinkedHashMap<>(fields).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", TestData.clientIp())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static final class ApiClientJson {
        private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

        static JsonNode read(String body) {
            return JSON.readTree(body);
        }
    }
}
