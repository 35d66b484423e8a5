package io.walletdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.walletdesk.testing.WalletDeskTest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /v3/api-docs} is a true contract (issue 16): Redocly's recommended ruleset finds no error in it, every
 * {@code /api/v1} operation documents its failures as problem+json, and the failures Spring answers outside
 * our handlers (405, 404, 406) are problem+json as the document says.
 */
@WalletDeskTest
class ApiContractTest {

    /** Pinned, and fetched ahead by {@code .ci/run}; a newer ruleset must not break the build unannounced. */
    static final String REDOCLY = "@redocly/cli@2.77.0";
    static final String PROBLEM_JSON = "application/problem+json";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void redoclyRecommendedRulesetFindsNoErrors() throws Exception {
        String document = send("GET", "/v3/api-docs", null).body();
        Path file = Files.createTempFile("walletdesk-api-docs", ".json");
        Path output = Files.createTempFile("walletdesk-redocly", ".txt");
        try {
            Files.writeString(file, document);
            Process lint;
            try {
                lint = new ProcessBuilder("npx", "--yes", REDOCLY, "lint", "--extends=recommended", "--format=stylish",
                        "--max-problems=500", file.toString())
                        .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            } catch (IOException noNpx) {
                if ("true".equals(System.getenv("CI"))) {
                    fail("npx (Node.js) is needed to lint the OpenAPI document on CI", noNpx);
                }
                Assumptions.abort("npx is not installed: Redocly lint skipped (it fails on CI)");
                return;
            }
            if (!lint.waitFor(5, TimeUnit.MINUTES)) {
                lint.destroyForcibly();
                fail("Redocly lint did not finish in 5 minutes");
            }
            String report = Files.readString(output, StandardCharsets.UTF_8);
            System.out.println("[redocly] " + report.lines().filter(l -> l.contains("error") || l.contains("warning")
                    || l.contains("valid")).reduce((a, b) -> a + "\n[redocly] " + b).orElse(report));
            assertThat(lint.exitValue()).as("Redocly lint (recommended) on /v3/api-docs:\n" + report).isZero();
            assertThat(report).doesNotContainPattern("\\berror\\b");
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(output);
        }
    }

    @Test
    void everyV1OperationDocumentsItsFailuresAsProblemJson() throws Exception {
        JsonNode api = JSON.readTree(send("GET", "/v3/api-docs", null).body());
        assertThat(api.at("/info/title").asString()).isEqualTo("WalletDesk API");
        assertThat(api.at("/info/version").asString()).isNotEqualTo("v0");
        assertThat(api.at("/components/securitySchemes/bearer/scheme").asString()).isEqualTo("bearer");
        JsonNode problem = api.at("/components/schemas/Problem/properties");
        assertThat(problem.propertyNames()).contains("type", "title", "status", "detail", "instance", "code", "field",
                "errors");

        List<String> without4xx = new ArrayList<>();
        List<String> failuresNotProblemJson = new ArrayList<>();
        List<String> anyMediaType = new ArrayList<>();
        List<String> securityUndeclared = new ArrayList<>();
        int operations = 0;
        for (var path : api.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                String name = op.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = op.getValue().get("responses");
                boolean has4xx = false;
                for (var response : responses.properties()) {
                    String code = response.getKey();
                    JsonNode content = response.getValue().path("content");
                    content.propertyNames().stream().filter(type -> type.equals("*/*"))
                            .forEach(type -> anyMediaType.add(name + " " + code));
                    if (code.startsWith("4") || code.startsWith("5") || code.equals("default")) {
                        boolean problemJson = content.path(PROBLEM_JSON).path("schema").path("$ref").asString("")
                                .equals("#/components/schemas/Problem");
                        if (!problemJson) {
                            failuresNotProblemJson.add(name + " " + code);
                        }
                        has4xx |= code.startsWith("4") && problemJson;
                    }
                }
                if (path.getKey().startsWith("/api/v1/")) {
                    operations++;
                    if (!has4xx) {
                        without4xx.add(name);
                    }
                }
                if (!op.getValue().has("security")) {
                    securityUndeclared.add(name);
                }
            }
        }
        System.out.printf("[contract] /api/v1 operations: %d; without a problem+json 4xx: %d%n", operations,
                without4xx.size());
        assertThat(operations).isGreaterThan(60);
        assertThat(without4xx).as("/api/v1 operations without a problem+json 4xx").isEmpty();
        assertThat(failuresNotProblemJson).as("failure responses that are not problem+json").isEmpty();
        assertThat(anyMediaType).as("responses typed */*").isEmpty();
        assertThat(securityUndeclared).as("operations without a security declaration").isEmpty();

        // The bearer scheme exactly where the security rules need a token.
        assertThat(api.at("/paths/~1api~1v1~1wallet/get/security/0").has("bearer")).isTrue();
        assertThat(api.at("/paths/~1api~1v1~1staff~1users/get/security/0").has("bearer")).isTrue();
        assertThat(api.at("/paths/~1api~1v1~1public~1help~1search/get/security")).isEmpty();
        assertThat(api.at("/paths/~1api~1v1~1auth~1token/post/security")).isEmpty();
        assertThat(api.at("/paths/~1api~1v1~1chat~1conversations/get/security/0").has("chatToken")).isTrue();
        // Success statuses as answered.
        assertThat(api.at("/paths/~1api~1v1~1wallet~1transfers/post/responses").propertyNames()).contains("201", "200");
        assertThat(api.at("/paths/~1api~1v1~1auth~1register/post/responses").propertyNames()).contains("202")
                .doesNotContain("200");
        assertThat(api.at("/paths/~1api~1v1~1me~1password/post/responses").propertyNames()).contains("204")
                .doesNotContain("200");
        // Money endpoints document their Idempotency-Key.
        for (String money : List.of("transfers", "payments", "top-ups")) {
            JsonNode parameters = api.at("/paths/~1api~1v1~1wallet~1" + money + "/post/parameters");
            assertThat(parameters.valueStream().filter(p -> p.get("name").asString().equals("Idempotency-Key")
                    && p.get("in").asString().equals("header") && p.get("required").asBoolean()).count())
                    .as(money + " documents a required Idempotency-Key header").isEqualTo(1);
        }
        // The Statuspage documents are objects with their members, not strings.
        JsonNode summary = api.at("/paths/~1api~1v2~1summary.json/get/responses/200/content/application~1json/schema");
        assertThat(summary.at("/type").asString()).isEqualTo("object");
        assertThat(summary.get("properties").propertyNames()).containsExactlyInAnyOrder("page", "components",
                "incidents", "scheduled_maintenances", "status");
        assertThat(api.at("/components/schemas/StatuspageIncident/properties").propertyNames())
                .contains("incident_updates", "impact", "shortlink", "scheduled_for");
    }

    /** The documents the schemas describe: every member a served Statuspage document has, the schema names. */
    @Test
    void theStatuspageSchemasNameEveryMemberServed() throws Exception {
        JsonNode api = JSON.readTree(send("GET", "/v3/api-docs", null).body());
        for (String endpoint : List.of("summary", "status", "components", "incidents", "incidents/unresolved",
                "scheduled-maintenances", "scheduled-maintenances/upcoming", "scheduled-maintenances/active")) {
            String path = "/api/v2/" + endpoint + ".json";
            JsonNode schema = api.at("/paths/" + path.replace("/", "~1") + "/get/responses/200/content/application~1json/schema");
            JsonNode served = JSON.readTree(send("GET", path, null).body());
            assertThat(schema.get("properties").propertyNames()).as(path)
                    .containsExactlyInAnyOrderElementsOf(served.propertyNames());
            for (JsonNode component : served.path("components")) {
                assertThat(api.at("/components/schemas/StatuspageComponent/properties").propertyNames())
                        .as(path + " component").containsAll(component.propertyNames());
            }
        }
    }

    @Test
    void failuresSpringAnswersAreProblemJson() throws Exception {
        expectProblem(send("DELETE", "/api/v1/public/help/search", null), 405, "method-not-allowed");
        expectProblem(send("PUT", "/api/v2/summary.json", null), 405, "method-not-allowed");
        expectProblem(send("TRACE", "/api/v1/public/app-config", null), 405, "method-not-allowed");
        expectProblem(send("GET", "/api/v2/nothing.json", null), 404, "not-found");
        expectProblem(send("GET", "/status/api/v2/nothing.json", null), 404, "not-found");
        expectProblem(send("GET", "/api/v2/summary.json", "application/xml"), 406, "not-acceptable");
        expectProblem(send("GET", "/api/v1/public/app-config", "application/xml"), 406, "not-acceptable");
        expectProblem(send("GET", "/api/v1/public/help/articles/no-such-article", "application/xml"), 404, "not-found");
    }

    /** Accept: application/xml on every GET of the document: never a 5xx, every refusal problem+json. */
    @Test
    void noOperationAnswersAnXmlRequestWithAServerError() throws Exception {
        JsonNode api = JSON.readTree(send("GET", "/v3/api-docs", null).body());
        List<String> wrong = new ArrayList<>();
        for (var path : api.get("paths").properties()) {
            if (!path.getValue().has("get")) {
                continue;
            }
            String target = path.getKey().replaceAll("\\{[^}]+}", "1");
            HttpResponse<String> reply = send("GET", target, "application/xml");
            String type = reply.headers().firstValue("Content-Type").orElse("");
            if (reply.statusCode() >= 500 || reply.statusCode() >= 400 && !type.startsWith(PROBLEM_JSON)
                    || reply.statusCode() < 400 && type.startsWith("application/json")) {
                wrong.add("GET " + target + " -> " + reply.statusCode() + " " + type);
            }
        }
        assertThat(wrong).as("answers to Accept: application/xml").isEmpty();
    }

    private static void expectProblem(HttpResponse<String> reply, int status, String code) {
        assertThat(reply.statusCode()).as(reply.uri() + " " + reply.body()).isEqualTo(status);
        assertThat(reply.headers().firstValue("Content-Type").orElse("")).as(reply.uri().toString())
                .startsWith(PROBLEM_JSON);
        JsonNode body = JSON.readTree(reply.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("type").asString()).isEqualTo("/problems/" + code);
    }

    HttpResponse<String> send(String method, String path, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).method(method, HttpRequest.BodyPublishers.noBody());
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
