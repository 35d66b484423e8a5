package io.walletdesk.status.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.testing.WalletDeskTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What status widgets, feed readers and browsers on other sites need (issue 16): caches keep languages apart,
 * feed readers poll conditionally, the feed is where Statuspage keeps it, a CORS preflight is answered, and the
 * widget finds the API under the page's own address.
 */
@WalletDeskTest
class StatusInteropTest {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    StatusAdmin admin;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void answersThatFollowTheLanguageSayTheyVaryByIt() throws Exception {
        for (String path : List.of("/api/v2/summary.json", "/status/api/v2/summary.json", "/status/history.atom",
                "/history.atom", "/status")) {
            HttpResponse<String> reply = get(path, "en");
            assertThat(reply.statusCode()).as(path).isEqualTo(200);
            assertThat(reply.headers().allValues("Vary").stream().flatMap(v -> List.of(v.split(",\\s*")).stream())
                    .map(name -> name.toLowerCase(java.util.Locale.ROOT))) // field names are case-insensitive
                    .as(path).contains("accept-language");
        }
        String english = get("/api/v2/components.json", "en").body();
        String chinese = get("/api/v2/components.json", "zh-CN").body();
        assertThat(chinese).isNotEqualTo(english).contains("充值");
    }

    @Test
    void feedReadersGet304WhenNothingChanged() throws Exception {
        // Opened and resolved here: other tests share the database and expect components operational.
        String first = StatusFixtures.incident(admin, "Feed polling", "transfers", ComponentStatus.DEGRADED_PERFORMANCE);
        String second = null;
        try {
            HttpResponse<String> feed = get("/status/history.atom", "en");
            String etag = feed.headers().firstValue("ETag").orElseThrow();
            String lastModified = feed.headers().firstValue("Last-Modified").orElseThrow();
            assertThat(feed.body()).contains("Feed polling");

            HttpResponse<String> byEtag = send(request("/status/history.atom", "en").header("If-None-Match", etag));
            assertThat(byEtag.statusCode()).isEqualTo(304);
            assertThat(byEtag.body()).isEmpty();
            HttpResponse<String> byDate = send(request("/status/history.atom", "en").header("If-Modified-Since", lastModified));
            assertThat(byDate.statusCode()).isEqualTo(304);
            // Another language is another document.
            HttpResponse<String> indonesian = send(request("/status/history.atom", "id").header("If-None-Match", etag));
            assertThat(indonesian.statusCode()).isEqualTo(200);
            assertThat(indonesian.headers().firstValue("ETag").orElseThrow()).isNotEqualTo(etag);

            second = StatusFixtures.incident(admin, "Feed polling, again", "transfers", ComponentStatus.PARTIAL_OUTAGE);
            HttpResponse<String> changed = send(request("/status/history.atom", "en").header("If-None-Match", etag));
            assertThat(changed.statusCode()).isEqualTo(200);
            assertThat(changed.body()).contains("Feed polling, again");
        } finally {
            resolve(first);
            if (second != null) {
                resolve(second);
            }
        }
    }

    private void resolve(String incident) {
        admin.addUpdate(incident, new StatusAdmin.NewUpdate(IncidentStatus.RESOLVED, StatusFixtures.texts("Fixed"),
                java.util.Map.of(), true), StatusAdmin.Actor.system());
    }

    @Test
    void theFeedIsPublicWhereStatuspageKeepsIt() throws Exception {
        HttpResponse<String> feed = get("/history.atom", "en");
        assertThat(feed.statusCode()).isEqualTo(200);
        assertThat(feed.headers().firstValue("Content-Type").orElse("")).startsWith("application/atom+xml");
        assertThat(feed.headers().firstValue("Set-Cookie")).isEmpty();
        assertThat(feed.body()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"");
    }

    @Test
    void aCorsPreflightIsAnswered() throws Exception {
        HttpResponse<String> preflight = send(request("/api/v2/summary.json", "en")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://shop.example.co.id").header("Access-Control-Request-Method", "GET"));
        assertThat(preflight.statusCode()).isEqualTo(200);
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods").orElse("")).contains("GET");

        HttpResponse<String> read = send(request("/api/v2/status.json", "en").header("Origin", "https://shop.example.co.id"));
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.headers().allValues("Access-Control-Allow-Origin")).containsExactly("*");
        // Reading only: a browser is not allowed to send anything else.
        HttpResponse<String> write = send(request("/api/v2/status.json", "en")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://shop.example.co.id").header("Access-Control-Request-Method", "POST"));
        assertThat(write.headers().firstValue("Access-Control-Allow-Methods").orElse("")).doesNotContain("POST");
    }

    @Test
    void theWidgetFindsTheApiUnderThePagesAddress() throws Exception {
        HttpResponse<String> underPage = get("/status/api/v2/summary.json", "en");
        assertThat(underPage.statusCode()).isEqualTo(200);
        assertThat(underPage.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(underPage.headers().firstValue("Access-Control-Allow-Origin")).hasValue("*");
        JsonNode summary = JSON.readTree(underPage.body());
        JsonNode root = JSON.readTree(get("/api/v2/summary.json", "en").body());
        assertThat(summary.propertyNames()).containsExactlyInAnyOrderElementsOf(root.propertyNames());
        assertThat(summary.at("/page/id").asString()).isEqualTo(root.at("/page/id").asString());
    }

    private HttpResponse<String> get(String path, String language) throws Exception {
        return send(request(path, language));
    }

    private HttpRequest.Builder request(String path, String language) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Accept-Language", language);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
