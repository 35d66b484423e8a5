package io.walletdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.walletdesk.identity.internal.AuthenticatorApp;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.outbox.OutboundMessage;
import io.walletdesk.shared.outbox.OutboundMessages;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.ApiClient.Response;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 17: self-service password reset through the API, on PostgreSQL. The code goes through the outbox;
 * the answer does not tell who is a customer; limits per address and identifier; TOTP still needed where on;
 * every session, app token and chat token ends; audited; the customer is told.
 */
@WalletDeskTest
class PasswordResetTest {

    static final String NEW_PASSWORD = "bintang-laut-biru-muda-58";
    static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    Registration registration;
    @Autowired
    OutboundMessages outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    record Customer(long id, String phone, String e164, String email) {
    }

    Customer customer() {
        String phone = TestData.phone();
        String email = TestData.email();
        long id = registration.register(new Registration.RegisterCustomer(phone, email, "Ratna Kusuma", "id",
                TestData.PASSWORD), ClientInfo.system());
        return new Customer(id, phone, "+62" + phone.substring(1), email);
    }

    String lastCode(String recipient) {
        List<OutboundMessage> codes = outbox.to(recipient).stream()
                .filter(m -> m.purpose().equals("PASSWORD_RESET_CODE")).toList();
        assertThat(codes).as("a reset code was sent to " + recipient).isNotEmpty();
        Matcher matcher = CODE.matcher(codes.get(0).body()); // newest first
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }

    static Map<String, Object> completion(String ticket, String code, String password, String otp) {
        Map<String, Object> body = new HashMap<>(Map.of("ticket", ticket, "code", code, "newPassword", password));
        if (otp != null) {
            body.put("otp", otp);
        }
        return body;
    }

    @Test
    void theCodeSetsANewPasswordAndEndsEverySessionAppTokenAndChatToken() throws Exception {
        Customer customer = customer();
        // A page session with a chat token, and an app signed in: all three must end.
        String ip = TestData.clientIp();
        MvcResult signedIn = mvc.perform(post("/login").with(csrf()).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        }).param("identifier", customer.phone()).param("password", TestData.PASSWORD)).andReturn();
        Cookie session = signedIn.getResponse().getCookie("WDSESSION");
        assertThat(session).isNotNull();
        String chatToken = JsonMapper.builder().build().readTree(mvc.perform(get("/chat/token").cookie(session))
                .andReturn().getResponse().getContentAsString()).get("token").asText();
        ApiClient app = new ApiClient(port).signIn(customer.email(), TestData.PASSWORD);
        assertThat(app.get("/api/v1/me").status()).isEqualTo(200);
        assertThat(chatStatus(chatToken)).isEqualTo(200);

        ApiClient anonymous = new ApiClient(port).language("id");
        Response requested = anonymous.post("/api/v1/auth/password-reset", Map.of("identifier", customer.phone()));
        assertThat(requested.status()).as(requested.body()).isEqualTo(202);
        assertThat(requested.json().get("channel").asText()).isEqualTo("SMS");
        String ticket = requested.json().get("ticket").asText();
        String code = lastCode(customer.e164());
        assertThat(outbox.to(customer.e164()).get(0).body())
                .as("in the customer's language").contains("Jangan berikan");

        Response weak = anonymous.post("/api/v1/auth/password-reset/complete",
                completion(ticket, code, "ratna kusuma", null));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().get("field").asText()).isEqualTo("newPassword");

        Response done = anonymous.post("/api/v1/auth/password-reset/complete",
                completion(ticket, code, NEW_PASSWORD, null));
        assertThat(done.status()).as(done.body()).isEqualTo(204);

        assertThat(app.get("/api/v1/me").status()).as("the app's token").isEqualTo(401);
        assertThat(chatStatus(chatToken)).as("the chat token").isEqualTo(401);
        MvcResult page = mvc.perform(get("/account").cookie(session)).andReturn();
        assertThat(page.getResponse().getStatus()).as("the page session").isEqualTo(302);
        assertThat(page.getResponse().getRedirectedUrl()).contains("/login");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM spring_session WHERE principal_name = :p")
                .param("p", Long.toString(customer.id())).query(Integer.class).single()).isZero();

        assertThat(new ApiClient(port).post("/api/v1/auth/token", Map.of("grantType", "password", "identifier",
                customer.phone(), "password", TestData.PASSWORD)).status()).as("old password").isEqualTo(401);
        new ApiClient(port).signIn(customer.phone(), NEW_PASSWORD);

        // Used once only.
        Response again = anonymous.post("/api/v1/auth/password-reset/complete",
                completion(ticket, code, "lagi-lagi-kata-sandi-baru-77", null));
        assertThat(again.status()).isEqualTo(410);

        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE subject_user_id = :id ORDER BY id")
                .param("id", customer.id()).query(String.class).list())
                .contains("PASSWORD_RESET_REQUESTED", "PASSWORD_RESET");
        assertThat(jdbc.sql("SELECT kind FROM notifications WHERE user_id = :id").param("id", customer.id())
                .query(String.class).list()).contains("PASSWORD_RESET");
        assertThat(outbox.to(customer.email())).anySatisfy(m -> {
            assertThat(m.purpose()).isEqualTo("PASSWORD_RESET_NOTICE");
            assertThat(m.body()).contains("diatur ulang");
        });
        assertThat(outbox.to(customer.e164())).extracting(OutboundMessage::purpose).contains("PASSWORD_RESET_NOTICE");
    }

    int chatStatus(String token) {
        return new ApiClient(port).header("X-Chat-Token", token).get("/api/v1/chat/conversations").status();
    }

    @Test
    void theAnswerIsTheSameWithTheSameTimingWhetherOrNotTheAccountExists() {
        List<Long> known = new ArrayList<>();
        List<Long> unknown = new ArrayList<>();
        Response knownAnswer = null;
        Response unknownAnswer = null;
        for (int i = 0; i < 12; i++) {
            // Fresh identifiers and addresses, so that the limits stay out of the measurement.
            Customer customer = customer();
            long start = System.nanoTime();
            knownAnswer = new ApiClient(port).post("/api/v1/auth/password-reset", Map.of("identifier",
                    i % 2 == 0 ? customer.email() : customer.phone()));
            known.add(System.nanoTime() - start);
            String nobody = i % 2 == 0 ? TestData.email() : TestData.phone();
            start = System.nanoTime();
            unknownAnswer = new ApiClient(port).post("/api/v1/auth/password-reset", Map.of("identifier", nobody));
            unknown.add(System.nanoTime() - start);
            assertThat(outbox.to(nobody)).isEmpty();
        }
        assertThat(unknownAnswer.status()).isEqualTo(knownAnswer.status()).isEqualTo(202);
        assertThat(fieldNames(unknownAnswer)).isEqualTo(fieldNames(knownAnswer));
        assertThat(unknownAnswer.json().get("ticket").asText()).startsWith("pr_");
        long knownMedian = median(known);
        long unknownMedian = median(unknown);
        System.out.printf("password reset request, median of 12: known %.1f ms, unknown %.1f ms%n",
                knownMedian / 1e6, unknownMedian / 1e6);
        assertThat(Math.abs(knownMedian - unknownMedian)).as("median difference")
                .isLessThan(Duration.ofMillis(50).toNanos());

        // The second step answers a guessed code for nobody exactly as for a real account.
        String ticket = unknownAnswer.json().get("ticket").asText();
        for (int i = 0; i < 5; i++) {
            assertThat(new ApiClient(port).post("/api/v1/auth/password-reset/complete",
                    completion(ticket, "123456", NEW_PASSWORD, null)).json().get("type").asText())
                    .isEqualTo("/problems/reset-code-wrong");
        }
        assertThat(new ApiClient(port).post("/api/v1/auth/password-reset/complete",
                completion(ticket, "123456", NEW_PASSWORD, null)).status()).isEqualTo(410);
    }

    static List<String> fieldNames(Response response) {
        List<String> names = new ArrayList<>();
        response.json().propertyNames().forEach(names::add);
        return names;
    }

    static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    @Test
    void requestsAreLimitedPerIdentifierAndPerAddress() {
        Customer customer = customer();
        for (int i = 0; i < 3; i++) {
            assertThat(new ApiClient(port).post("/api/v1/auth/password-reset",
                    Map.of("identifier", customer.phone())).status()).isEqualTo(202);
        }
        Response fourth = new ApiClient(port).post("/api/v1/auth/password-reset", Map.of("identifier", customer.phone()));
        assertThat(fourth.status()).as("fourth for one identifier, from another address").isEqualTo(429);
        assertThat(fourth.header("Retry-After")).isNotNull();
        // Same for an identifier without an account: the limit itself tells nothing.
        String nobody = TestData.phone();
        for (int i = 0; i < 3; i++) {
            new ApiClient(port).post("/api/v1/auth/password-reset", Map.of("identifier", nobody));
        }
        assertThat(new ApiClient(port).post("/api/v1/auth/password-reset", Map.of("identifier", nobody)).status())
                .isEqualTo(429);

        ApiClient oneAddress = new ApiClient(port);
        for (int i = 0; i < 10; i++) {
            assertThat(oneAddress.post("/api/v1/auth/password-reset", Map.of("identifier", TestData.email())).status())
                    .isEqualTo(202);
        }
        assertThat(oneAddress.post("/api/v1/auth/password-reset", Map.of("identifier", TestData.email())).status())
                .as("eleventh from one address").isEqualTo(429);
    }

    @Test
    void fiveWrongCodesEndTheRequest() {
        Customer customer = customer();
        ApiClient client = new ApiClient(port);
        String ticket = client.post("/api/v1/auth/password-reset", Map.of("identifier", customer.email()))
                .json().get("ticket").asText();
        String code = lastCode(customer.email());
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertThat(client.post("/api/v1/auth/password-reset/complete", completion(ticket, wrong, NEW_PASSWORD, null))
                    .status()).isEqualTo(400);
        }
        assertThat(client.post("/api/v1/auth/password-reset/complete", completion(ticket, code, NEW_PASSWORD, null))
                .status()).as("the right code after five wrong ones").isEqualTo(410);
    }

    @Test
    void twoStepVerificationIsStillNeededWhereItIsOn() {
        Customer customer = customer();
        ApiClient app = new ApiClient(port).signIn(customer.phone(), TestData.PASSWORD);
        Response enrolment = app.post("/api/v1/me/2fa/setup", Map.of());
        assertThat(enrolment.status()).as(enrolment.body()).isEqualTo(200);
        String secret = enrolment.json().get("secret").asText();
        Response enabled = app.post("/api/v1/me/2fa/enable",
                Map.of("code", AuthenticatorApp.code(secret, AuthenticatorApp.step(clock.instant()))));
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(30));

        ApiClient anonymous = new ApiClient(port);
        String ticket = anonymous.post("/api/v1/auth/password-reset", Map.of("identifier", customer.phone()))
                .json().get("ticket").asText();
        String code = lastCode(customer.e164());
        Response withoutOtp = anonymous.post("/api/v1/auth/password-reset/complete",
                completion(ticket, code, NEW_PASSWORD, null));
        assertThat(withoutOtp.status()).isEqualTo(400);
        assertThat(withoutOtp.json().get("field").asText()).isEqualTo("otp");
        Response wrongOtp = anonymous.post("/api/v1/auth/password-reset/complete",
                completion(ticket, code, NEW_PASSWORD, "000000"));
        assertThat(wrongOtp.json().get("type").asText()).isEqualTo("/problems/invalid-second-factor");
        Response done = anonymous.post("/api/v1/auth/password-reset/complete", completion(ticket, code, NEW_PASSWORD,
                AuthenticatorApp.code(secret, AuthenticatorApp.step(clock.instant()))));
        assertThat(done.status()).as(done.body()).isEqualTo(204);
        assertThat(app.get("/api/v1/me").status()).isEqualTo(401);
    }
}
