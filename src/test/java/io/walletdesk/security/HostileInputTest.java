package io.walletdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.disputes.Complaints;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.security.Actors.Caller;
import io.walletdesk.security.Actors.Reply;
import io.walletdesk.security.Actors.Who;
import io.walletdesk.support.Attachments;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Teams;
import io.walletdesk.testing.WalletDeskTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Every API operation of the OpenAPI document gets malformed JSON, wrong types, NUL characters, oversize strings,
 * boundary numbers and random values drawn by jqwik (a fixed seed, so a failure reproduces). The caller is one
 * who passes the door (an admin for staff operations, customer A for their own, nobody for public ones), so the
 * input reaches the application. Asserted for every case: no 5xx; an error is problem+json; a rejected request
 * stores nothing (the main tables' row counts are unchanged); a text with U+0000 is never accepted.
 */
@WalletDeskTest
class HostileInputTest {

    /** Random whole bodies and parameter sets per operation, on top of the one-property-at-a-time cases. */
    static final int RANDOM_CASES_PER_OPERATION = 4;
    static final String SEED = "20261206";

    /** Tables a rejected request must leave alone. (Audit and rate-limit rows record rejections by design.) */
    static final List<String> MAIN_TABLES = List.of("users", "api_tokens", "chat_tokens", "conversations",
            "conversation_messages", "conversation_attachments", "wallet_transaction", "complaints", "contact_changes",
            "identity_verification", "reach_fake_report", "kb_article", "community_topic", "community_post",
            "community_flag");

    @LocalServerPort
    int port;
    @Autowired
    Registration registration;
    @Autowired
    Teams teams;
    @Autowired
    Conversations conversations;
    @Autowired
    Attachments attachments;
    @Autowired
    Complaints complaints;
    @Autowired
    JdbcClient jdbc;

    record Case(String operation, String kind, String method, String path, String contentType, byte[] body,
            boolean carriesNul) {

        String describe() {
            String shown = body == null ? "" : new String(body, StandardCharsets.UTF_8).replace("\u0000", "\\u0000");
            return operation + " [" + kind + "] " + method + " " + abbreviate(path, 160)
                    + (body == null ? "" : " body=" + abbreviate(shown, 160));
        }
    }

    @Test
    void noOperationAnswersHostileInputWithAServerError() {
        Actors actors = new Actors(port).create(registration, teams, conversations, attachments, complaints);
        RouteAuthorisationTest.addContentIds(actors.ids, jdbc);
        JsonNode api = actors.caller(Who.ANONYMOUS).get("/v3/api-docs").json();

        List<Case> cases = new ArrayList<>();
        JqwikSession.start(SEED);
        try {
            api.get("paths").properties().forEach(path -> path.getValue().properties().forEach(op ->
                    cases.addAll(casesFor(op.getKey().toUpperCase(), path.getKey(), op.getValue(), api, actors))));
        } finally {
            JqwikSession.finish();
        }

        List<String> serverErrors = new ArrayList<>();
        List<String> notProblemJson = new ArrayList<>();
        List<String> storedOnRejection = new ArrayList<>();
        List<String> nulAccepted = new ArrayList<>();
        Map<String, Long> before = counts();
        for (Case c : cases) {
            Caller caller = actors.caller(callerFor(c.path()));
            Reply reply = caller.send(c.method(), c.path(), c.contentType(), c.body());
            String where = c.describe() + " -> " + reply.status();
            if (reply.is5xx()) {
                serverErrors.add(where + " " + abbreviate(reply.body(), 200));
            } else if (reply.status() >= 400 && !reply.contentType().startsWith("application/problem+json")) {
                notProblemJson.add(where + " (" + reply.contentType() + ")");
            }
            if (c.carriesNul() && reply.status() / 100 == 2) {
                nulAccepted.add(where);
            }
            Map<String, Long> after = counts();
            // Rows added, not removed: scheduled jobs prune expired rows (chat tokens, sessions) at any moment,
            // and a test that moved the shared clock forward makes many expire at once.
            String grew = grown(before, after);
            if (reply.status() >= 400 && !grew.isEmpty()) {
                storedOnRejection.add(where + " stored " + grew);
            }
            before = after;
        }

        System.out.printf("[hostile] operations: %d; hostile inputs tried: %d; 5xx found: %d; errors not problem+json: %d;"
                        + " stored on rejection: %d; NUL accepted: %d%n", operations(api), cases.size(),
                serverErrors.size(), notProblemJson.size(), storedOnRejection.size(), nulAccepted.size());
        serverErrors.forEach(e -> System.out.println("[hostile] 5xx " + e));
        notProblemJson.forEach(e -> System.out.println("[hostile] not problem+json " + e));
        storedOnRejection.forEach(e -> System.out.println("[hostile] stored " + e));
        nulAccepted.forEach(e -> System.out.println("[hostile] NUL accepted " + e));

        assertThat(serverErrors).as("5xx answers to hostile input").isEmpty();
        assertThat(notProblemJson).as("API errors that are not application/problem+json").isEmpty();
        assertThat(storedOnRejection).as("Rejected requests that stored rows").isEmpty();
        assertThat(nulAccepted).as("Texts with U+0000 that were accepted").isEmpty();
    }

    private static int operations(JsonNode api) {
        int[] n = {0};
        api.get("paths").properties().forEach(p -> n[0] += p.getValue().size());
        return n[0];
    }

    /** Who sends: someone the operation lets in, so the input gets past the door. */
    static Who callerFor(String path) {
        if (path.startsWith("/api/v1/staff/")) {
            return Who.ADMIN;
        }
        if (path.startsWith("/api/v1/chat/presence")) {
            return Who.AGENT;
        }
        if (path.startsWith("/api/v1/wallet") || path.startsWith("/api/v1/me") || path.startsWith("/api/v1/chat/conversations")
                || path.startsWith("/api/v1/chat/leave-message") || path.startsWith("/api/v1/community")) {
            return Who.CUSTOMER_A;
        }
        return Who.ANONYMOUS; // public operations, and revoke (whose bearer would otherwise be revoked)
    }

    private List<Case> casesFor(String method, String template, JsonNode op, JsonNode api, Actors actors) {
        String name = method + " " + template;
        List<Case> cases = new ArrayList<>();
        String path = RouteAuthorisationTest.fill(template, actors.ids);
        Map<String, String> query = new LinkedHashMap<>();
        List<JsonNode> parameters = new ArrayList<>();
        if (op.has("parameters")) {
            op.get("parameters").forEach(p -> {
                String in = p.get("in").asString();
                if (in.equals("query") || in.equals("path")) {
                    parameters.add(p);
                    if (in.equals("query")) {
                        query.put(p.get("name").asString(), plausible(p.get("schema"), api).toString());
                    }
                }
            });
        }
        JsonNode content = op.path("requestBody").path("content");
        String contentType = content.properties().stream().map(Map.Entry::getKey).findFirst().orElse(null);
        JsonNode schema = contentType == null ? null : resolve(content.get(contentType).path("schema"), api);
        Map<String, Object> base = new LinkedHashMap<>();
        Map<String, String> propertyTypes = new LinkedHashMap<>();
        if (schema != null && schema.has("properties")) {
            schema.get("properties").properties().forEach(p -> {
                JsonNode property = resolve(p.getValue(), api);
                propertyTypes.put(p.getKey(), property.path("type").asString("object"));
                base.put(p.getKey(), plausible(property, api));
            });
        }
        byte[] baseBody = "application/json".equals(contentType) ? Actors.JSON.writeValueAsBytes(base) : null;

        // Parameters, one at a time.
        for (JsonNode p : parameters) {
            String parameter = p.get("name").asString();
            if (parameter.equals("waitSeconds")) {
                continue; // a valid value makes the server wait up to 30 s by design
            }
            boolean inPath = p.get("in").asString().equals("path");
            List<String> values = new ArrayList<>(List.of("abc", "-1", "99999999999999999999", "%00",
                    "x".repeat(5000), "' OR 1=1 --"));
            Iterator<String> random = HostileValues.anyParameter().sampleStream().iterator();
            for (int i = 0; i < 2; i++) {
                values.add(random.next());
            }
            for (String value : values) {
                String encoded = value.equals("%00") ? "%00" : Actors.enc(value).replace("+", "%20");
                String target;
                if (inPath) {
                    if (encoded.isEmpty()) {
                        continue;
                    }
                    target = template.replaceAll("\\{" + parameter + "[^}]*}", java.util.regex.Matcher.quoteReplacement(encoded));
                    target = RouteAuthorisationTest.fill(target, actors.ids);
                    target = withQuery(target, query, null, null);
                } else {
                    target = withQuery(path, query, parameter, encoded);
                }
                cases.add(new Case(name, "param " + parameter, method, target, contentType == null ? null
                        : contentType.equals("application/json") ? "application/json" : null,
                        baseBody, false));
            }
        }
        String target = withQuery(path, query, null, null);

        if ("application/json".equals(contentType)) {
            for (String malformed : HostileValues.MALFORMED_JSON) {
                cases.add(new Case(name, "malformed JSON", method, target, "application/json",
                        malformed.getBytes(StandardCharsets.UTF_8), false));
            }
            cases.add(new Case(name, "invalid UTF-8", method, target, "application/json",
                    new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}, false));
            cases.add(new Case(name, "wrong media type", method, target, "text/plain", baseBody, false));
            cases.add(new Case(name, "oversize body", method, target, "application/json",
                    ("{\"pad\":\"" + "x".repeat(3_000_000) + "\"}").getBytes(StandardCharsets.UTF_8), false));
            for (Map.Entry<String, String> property : propertyTypes.entrySet()) {
                String field = property.getKey();
                String type = property.getValue();
                for (Object wrong : HostileValues.wrongTypes(type)) {
                    cases.add(jsonCase(name, "wrong type " + field, method, target, base, field, wrong, false));
                }
                cases.add(jsonCase(name, "null " + field, method, target, base, field, null, false));
                cases.add(jsonCase(name, "missing " + field, method, target, without(base, field), null, null, false));
                if (type.equals("string")) {
                    for (String hostile : HostileValues.hostileStrings()) {
                        cases.add(jsonCase(name, "string " + field, method, target, base, field, hostile,
                                hostile.indexOf('\u0000') >= 0));
                    }
                }
                if (type.equals("integer") || type.equals("number")) {
                    for (Object number : HostileValues.BOUNDARY_NUMBERS) {
                        cases.add(jsonCase(name, "boundary " + field, method, target, base, field, number, false));
                    }
                }
            }
            if (!propertyTypes.isEmpty()) {
                Iterator<Object> random = HostileValues.anyValue().sampleStream().iterator();
                for (int i = 0; i < RANDOM_CASES_PER_OPERATION; i++) {
                    Map<String, Object> body = new LinkedHashMap<>(base);
                    propertyTypes.keySet().forEach(field -> body.put(field, random.next()));
                    boolean nul = body.values().stream().anyMatch(v -> v instanceof String s && s.indexOf('\u0000') >= 0);
                    cases.add(new Case(name, "random body", method, target, "application/json",
                            Actors.JSON.writeValueAsBytes(body), nul));
                }
            }
        } else if ("multipart/form-data".equals(contentType)) {
            String boundary = "----hostile" + Long.toHexString(System.nanoTime());
            String type = "multipart/form-data; boundary=" + boundary;
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
            cases.add(new Case(name, "truncated multipart", method, target, type,
                    ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\n"
                            + "Content-Type: image/png\r\n\r\n\u0089PNG").getBytes(StandardCharsets.ISO_8859_1), false));
            cases.add(new Case(name, "NUL in file name", method, target, type,
                    multipart(boundary, "file", "bukti\u0000.png", png), true));
            cases.add(new Case(name, "oversize file name", method, target, type,
                    multipart(boundary, "file", "x".repeat(10_000) + ".png", png), false));
            cases.add(new Case(name, "no file part", method, target, type,
                    ("--" + boundary + "--\r\n").getBytes(StandardCharsets.ISO_8859_1), false));
            cases.add(new Case(name, "boundary missing", method, target, "multipart/form-data", png, false));
            cases.add(new Case(name, "JSON instead of multipart", method, target, "application/json",
                    "{}".getBytes(StandardCharsets.UTF_8), false));
        } else if (method.equals("POST") || method.equals("PATCH")) {
            cases.add(new Case(name, "unexpected body", method, target, "application/json",
                    "{\"a\":\"\\u0000\"}".getBytes(StandardCharsets.UTF_8), false));
        }
        if (cases.isEmpty()) {
            cases.add(new Case(name, "plain", method, target, null, null, false));
        }
        return cases;
    }

    private static Case jsonCase(String name, String kind, String method, String target, Map<String, Object> base,
            String field, Object value, boolean nul) {
        Map<String, Object> body = new LinkedHashMap<>(base);
        if (field != null) {
            body.put(field, value);
        }
        return new Case(name, kind, method, target, "application/json", Actors.JSON.writeValueAsBytes(body), nul);
    }

    private static Map<String, Object> without(Map<String, Object> base, String field) {
        Map<String, Object> body = new LinkedHashMap<>(base);
        body.remove(field);
        return body;
    }

    private static String withQuery(String path, Map<String, String> query, String replaced, String encodedValue) {
        StringBuilder out = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> q : query.entrySet()) {
            String value = q.getKey().equals(replaced) ? encodedValue : Actors.enc(q.getValue());
            out.append(separator).append(q.getKey()).append('=').append(value);
            separator = '&';
        }
        return out.toString();
    }

    private static byte[] multipart(String boundary, String field, String filename, byte[] content) {
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + content.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(content, 0, all, head.length, content.length);
        System.arraycopy(tail, 0, all, head.length + content.length, tail.length);
        return all;
    }

    private static JsonNode resolve(JsonNode schema, JsonNode api) {
        if (schema != null && schema.has("$ref")) {
            String ref = schema.get("$ref").asString();
            return api.get("components").get("schemas").get(ref.substring(ref.lastIndexOf('/') + 1));
        }
        return schema;
    }

    /** A well-typed value, the template each case changes one property of. */
    private static Object plausible(JsonNode schema, JsonNode api) {
        JsonNode s = resolve(schema, api);
        if (s == null) {
            return "x";
        }
        if (s.has("enum")) {
            return s.get("enum").get(0).asString();
        }
        return switch (s.path("type").asString("string")) {
            case "integer" -> 1;
            case "number" -> 1;
            case "boolean" -> true;
            case "array" -> List.of();
            case "object" -> Map.of();
            default -> s.path("format").asString("").equals("date-time") ? "2026-01-01T00:00:00Z"
                    : s.path("format").asString("").equals("email") ? "a@example.org" : "test";
        };
    }

    private Map<String, Long> counts() {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < MAIN_TABLES.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(SELECT count(*) FROM ").append(MAIN_TABLES.get(i)).append(") AS ")
                    .append(MAIN_TABLES.get(i));
        }
        Map<String, Object> row = jdbc.sql(sql.toString()).query().singleRow();
        Map<String, Long> counts = new LinkedHashMap<>();
        MAIN_TABLES.forEach(t -> counts.put(t, ((Number) row.get(t)).longValue()));
        return counts;
    }

    private static String grown(Map<String, Long> before, Map<String, Long> after) {
        StringBuilder out = new StringBuilder();
        after.forEach((table, n) -> {
            if (n > before.get(table)) {
                out.append(table).append(' ').append(before.get(table)).append("->").append(n).append(' ');
            }
        });
        return out.toString().strip();
    }

    static String abbreviate(String text, int max) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > max ? flat.substring(0, max) + "…(" + flat.length() + " chars)" : flat;
    }
}
