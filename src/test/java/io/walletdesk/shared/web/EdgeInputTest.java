package io.walletdesk.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.zaxxer.hikari.HikariDataSource;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;

/**
 * Whatever a client sends, the answer is a clear 4xx (problem+json naming the field on the API, the translated
 * error page elsewhere), never a 500 or a stack trace; a full connection pool is a 503 with Retry-After.
 */
@WalletDeskTest
class EdgeInputTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    Registration registration;
    @Autowired
    DataSource dataSource;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String ip = TestData.clientIp();

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.header("X-Forwarded-For", ip).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static JsonNode json(HttpResponse<String> response) {
        return new ApiClient.Response(response.statusCode(), response.body(), response.headers().map()).json();
    }

    private static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).as(response.body()).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json(response).get("type").asText()).isEqualTo("/problems/" + code);
    }

    private static void assertFieldNamed(HttpResponse<String> response, String field) {
        JsonNode errors = json(response).get("errors");
        assertThat(errors).as(response.body()).isNotNull();
        assertThat(errors.get(0).get("field").asText()).isEqualTo(field);
    }

    private static void assertTranslatedPage(HttpResponse<String> response, int status, String text) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body()).contains(text).doesNotContain("Exception").doesNotContain("at io.walletdesk");
    }

    private String chatToken() {
        ApiClient visitor = new ApiClient(port);
        return visitor.post("/api/v1/chat/visitors", Map.of("name", "Gita")).json().get("token").asText();
    }

    private long conversation(String token) {
        return new ApiClient(port).header("X-Chat-Token", token).post("/api/v1/chat/conversations", Map.of())
                .json().get("id").asLong();
    }

    private HttpResponse<String> multipart(String token, long conversation, byte[] body, String boundary)
            throws Exception {
        return send(at("/api/v1/chat/conversations/" + conversation + "/attachments")
                .header("X-Chat-Token", token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    private static byte[] filePart(String boundary, String filename, boolean closed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        byte[] png = new byte[512];
        byte[] signature = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(signature, 0, png, 0, signature.length);
        out.writeBytes(png);
        if (closed) {
            out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void theErrorPathItselfIsNotFound() throws Exception {
        assertTranslatedPage(send(at("/error").header("Accept", "text/html").header("Accept-Language", "id")),
                404, "Tidak ditemukan");
        assertProblem(send(at("/error").header("Accept", "application/json")), 404, "not-found");
    }

    @Test
    void nulInAnUploadFileNameIsRefusedNamingTheField() throws Exception {
        String token = chatToken();
        long id = conversation(token);
        String boundary = "----wd" + System.nanoTime();
        HttpResponse<String> refused = multipart(token, id, filePart(boundary, "bukti\u0000.png", true), boundary);
        assertProblem(refused, 400, "invalid-characters");
        assertFieldNamed(refused, "file");
        var messages = new ApiClient(port).header("X-Chat-Token", token)
                .get("/api/v1/chat/conversations/" + id + "/messages?after=0").json();
        assertThat(messages.size()).as("nothing stored").isZero();
    }

    @Test
    void aTruncatedMultipartBodyIsABadRequest() throws Exception {
        String token = chatToken();
        long id = conversation(token);
        String boundary = "----wd" + System.nanoTime();
        assertProblem(multipart(token, id, filePart(boundary, "bukti.png", false), boundary), 400, "malformed-upload");
    }

    @Test
    void nulInAJsonStringIsRefusedNamingTheFieldInTheCallersLanguage() throws Exception {
        HttpResponse<String> refused = send(at("/api/v1/chat/visitors").header("Content-Type", "application/json")
                .header("Accept-Language", "id")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Gi\\u0000ta\"}")));
        assertProblem(refused, 400, "invalid-characters");
        assertFieldNamed(refused, "name");
        assertThat(json(refused).get("title").asText()).isEqualTo("Karakter tidak diizinkan");

        HttpResponse<String> nested = send(at("/api/v1/chat/visitors").header("Content-Type", "application/json")
                .header("Accept-Language", "zh-CN")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Gita\",\"email\":\"a\\u0000@example.org\"}")));
        assertProblem(nested, 400, "invalid-characters");
        assertFieldNamed(nested, "email");
        assertThat(json(nested).get("title").asText()).isEqualTo("包含不允许的字符");
    }

    @Test
    void nulInAQueryOrFormParameterIsRefusedNamingTheField() throws Exception {
        HttpResponse<String> api = send(at("/api/v1/chat/texts?lang=e%00n"));
        assertProblem(api, 400, "invalid-characters");
        assertFieldNamed(api, "lang");

        assertTranslatedPage(send(at("/help/search?q=saldo%00").header("Accept", "text/html")), 400,
                "Characters that are not allowed");
        HttpResponse<String> form = send(at("/support/message").header("Accept", "text/html")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("body=halo%00&email=a%40example.org")));
        assertTranslatedPage(form, 400, "Characters that are not allowed");
    }

    @Test
    void missingOrMistypedParametersOnTheApiNameTheField() throws Exception {
        HttpResponse<String> mistyped = send(at("/api/v1/chat/conversations/abc/messages?after=0")
                .header("X-Chat-Token", chatToken()));
        assertProblem(mistyped, 400, "validation");
        assertFieldNamed(mistyped, "id");
    }

    private RequestPostProcessor client() {
        return request -> {
            request.setRemoteAddr(ip);
            request.addHeader("User-Agent", "Mozilla/5.0 (Linux; Android 13) Chrome/126.0 Mobile Safari/537.36");
            return request;
        };
    }

    private Cookie signIn(String identifier) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(client()).with(csrf())
                .param("identifier", identifier).param("password", TestData.PASSWORD)).andReturn();
        Cookie cookie = result.getResponse().getCookie("WDSESSION");
        assertThat(cookie).as("signed in").isNotNull();
        return cookie;
    }

    @Test
    void mistypedPathOnACustomerPageIsAClearNotFound() throws Exception {
        String phone = TestData.phone();
        registration.register(new Registration.RegisterCustomer(phone, null, "Budi Santoso", "en", TestData.PASSWORD),
                ClientInfo.system());
        Cookie session = signIn(phone);
        MvcResult page = mvc.perform(get("/wallet/transactions/abc").with(client()).cookie(session)
                .header("Accept-Language", "en")).andReturn();
        // The route only takes numeric ids, so nothing matches: the translated not-found page (rendered by the
        // container's error dispatch, which MockMvc does not perform).
        assertThat(page.getResponse().getStatus()).isEqualTo(404);
        assertThat(page.getResponse().getContentAsString()).doesNotContain("Exception");
    }

    @Test
    void aStaffFormWithoutARequiredFieldIsABadRequestPage() throws Exception {
        String email = TestData.email();
        registration.createStaff(Role.AGENT, email, "Agen Edge", TestData.PASSWORD, null, ClientInfo.system());
        Cookie staff = signIn(email);
        MvcResult page = mvc.perform(post("/staff/help").with(client()).with(csrf()).cookie(staff)
                .param("slug", "edge-" + System.nanoTime()).param("language", "en").param("title", "Judul")
                .param("summary", "Ringkas").param("category", "account").param("body", "Isi")).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(400);
        assertThat(page.getModelAndView()).isNotNull();
        assertThat(page.getModelAndView().getViewName()).isEqualTo("error");
        MvcResult mistyped = mvc.perform(post("/staff/help/1").with(client()).with(csrf()).cookie(staff)
                .param("title", "Judul").param("summary", "Ringkas").param("category", "account").param("body", "Isi")
                .param("revision", "abc")).andReturn();
        assertThat(mistyped.getResponse().getStatus()).isEqualTo(400);
        assertThat(mistyped.getModelAndView()).isNotNull();
        assertThat(mistyped.getModelAndView().getViewName()).isEqualTo("error");
    }

    @Test
    void aFullConnectionPoolIsA503WithRetryAfter() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        List<Connection> held = new ArrayList<>();
        try {
            while (held.size() < pool.getMaximumPoolSize()) {
                held.add(pool.getConnection());
            }
            HttpResponse<String> api = send(at("/api/v1/chat/visitors").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Gita\"}")));
            assertProblem(api, 503, "service-busy");
            assertThat(api.headers().firstValue("Retry-After")).isPresent();

            HttpResponse<String> page = send(at("/wallet").header("Accept", "text/html")
                    .header("Cookie", "WDSESSION=ZmFrZS1zZXNzaW9u"));
            assertTranslatedPage(page, 503, "busy");
            assertThat(page.headers().firstValue("Retry-After")).isPresent();
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    @Test
    void healthIsUpWithTheDefaults() throws Exception {
        HttpResponse<String> health = send(at("/actuator/health"));
        assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
        assertThat(json(health).get("status").asText()).isEqualTo("UP");
    }
}
