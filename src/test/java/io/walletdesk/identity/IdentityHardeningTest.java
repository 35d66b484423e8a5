package io.walletdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.outbox.OutboundMessages;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.ApiClient.Response;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import jakarta.servlet.http.Cookie;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Issue 11, item 10: staff accounts, registration limits, account enumeration and the visitor limit. */
@WalletDeskTest
class IdentityHardeningTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    Registration registration;
    @Autowired
    OutboundMessages outbox;

    static RequestPostProcessor from(String ip) {
        return request -> {
            request.setRemoteAddr(ip);
            request.addHeader("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36");
            return request;
        };
    }

    Map<String, String> newCustomer() {
        return Map.of("phone", TestData.phone(), "name", "Dewi Anggraini", "language", "en",
                "password", TestData.PASSWORD);
    }

    @Test
    void registrationsFromOneAddressAreLimitedWithRetryAfterInTheCallersLanguage() {
        ApiClient one = new ApiClient(port).language("id");
        for (int i = 0; i < 5; i++) {
            Response accepted = one.post("/api/v1/auth/register", newCustomer());
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(202);
        }
        Response sixth = one.post("/api/v1/auth/register", newCustomer());
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.json().get("type").asText()).isEqualTo("/problems/too-many-registrations");
        assertThat(sixth.json().get("detail").asText()).startsWith("Terlalu banyak akun didaftarkan");
        assertThat(Long.parseLong(sixth.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(new ApiClient(port).post("/api/v1/auth/register", newCustomer()).status())
                .as("another address").isEqualTo(202);
    }

    @Test
    void theRegistrationPageShowsTheLimitTranslated() throws Exception {
        String ip = TestData.clientIp();
        MvcResult last = null;
        for (int i = 0; i < 6; i++) {
            Map<String, String> c = newCustomer();
            last = mvc.perform(post("/register").with(from(ip)).with(csrf()).header("Accept-Language", "zh-CN")
                    .param("phone", c.get("phone")).param("name", c.get("name")).param("language", "zh-CN")
                    .param("password", c.get("password"))).andReturn();
        }
        assertThat(last.getResponse().getStatus()).isEqualTo(429);
        assertThat(last.getResponse().getHeader("Retry-After")).isNotNull();
        assertThat(last.getResponse().getContentAsString()).contains("此网络连接注册的账户过多");
    }

    @Test
    void registeringATakenPhoneOrEmailLooksLikeANewRegistrationAndTellsTheOwner() throws Exception {
        String phone = TestData.phone();
        String email = TestData.email();
        registration.register(new Registration.RegisterCustomer(phone, email, "Sinta Dewi", "id", TestData.PASSWORD),
                ClientInfo.system());

        Response fresh = new ApiClient(port).post("/api/v1/auth/register", Map.of("phone", TestData.phone(),
                "email", TestData.email(), "name", "Tamu", "password", "pisang-goreng-hangat-31"));
        Response takenPhone = new ApiClient(port).post("/api/v1/auth/register", Map.of("phone", phone,
                "name", "Tamu", "password", "pisang-goreng-hangat-31"));
        Response takenEmail = new ApiClient(port).post("/api/v1/auth/register", Map.of("phone", TestData.phone(),
                "email", email.toUpperCase(), "name", "Tamu", "password", "pisang-goreng-hangat-31"));
        for (Response taken : new Response[] {takenPhone, takenEmail}) {
            assertThat(taken.status()).isEqualTo(fresh.status()).isEqualTo(202);
            assertThat(taken.body()).isEqualTo(fresh.body());
        }
        assertThat(outbox.to("+62" + phone.substring(1))).anySatisfy(m -> {
            assertThat(m.purpose()).isEqualTo("REGISTRATION_WITH_EXISTING_CONTACT");
            assertThat(m.body()).contains("WalletDesk");
        });
        assertThat(outbox.to(email)).extracting(m -> m.purpose()).contains("REGISTRATION_WITH_EXISTING_CONTACT");

        // The page: no "already registered", the same neutral next step.
        MvcResult page = mvc.perform(post("/register").with(from(TestData.clientIp())).with(csrf())
                .param("phone", phone).param("name", "Tamu").param("language", "en")
                .param("password", "pisang-goreng-hangat-31")).andReturn();
        assertThat(page.getResponse().getRedirectedUrl()).isEqualTo("/login?registered");
        String login = mvc.perform(get("/login?registered")).andReturn().getResponse().getContentAsString();
        assertThat(login).contains("If this phone number or e-mail already had an account");
    }

    @Test
    void agentsDoNotFindStaffAccountsOnTheUsersPage() throws Exception {
        String agentEmail = TestData.email();
        String adminEmail = TestData.email();
        String colleague = TestData.email();
        registration.createStaff(Role.AGENT, agentEmail, "Rudi Santoso", "kopi-susu-gula-aren-11", null,
                ClientInfo.system());
        registration.createStaff(Role.ADMIN, adminEmail, "Maya Putri", "teh-tarik-manis-pagi-12", null,
                ClientInfo.system());
        registration.createStaff(Role.SUPERVISOR, colleague, "Penyelia Rahasia", "nasi-uduk-sambal-ijo-13", null,
                ClientInfo.system());

        Cookie agent = signIn(agentEmail, "kopi-susu-gula-aren-11");
        String agentView = mvc.perform(get("/staff/users").param("q", colleague).cookie(agent))
                .andReturn().getResponse().getContentAsString();
        // (The search box echoes the query; the result rows carry the name.)
        assertThat(agentView).doesNotContain("Penyelia Rahasia");

        Cookie admin = signIn(adminEmail, "teh-tarik-manis-pagi-12");
        String adminView = mvc.perform(get("/staff/users").param("q", colleague).cookie(admin))
                .andReturn().getResponse().getContentAsString();
        assertThat(adminView).contains("Penyelia Rahasia");
    }

    Cookie signIn(String email, String password) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(from(TestData.clientIp())).with(csrf())
                .param("identifier", email).param("password", password)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/staff");
        return result.getResponse().getCookie("WDSESSION");
    }

    @Test
    void rotatingTheDeviceIdDoesNotBypassTheVisitorLimit() {
        ApiClient one = new ApiClient(port);
        Response last = null;
        int created = 0;
        for (int i = 0; i < 80 && (last == null || last.status() != 429); i++) {
            one.header("X-Device-Id", "rotating-device-" + i + "-" + TestData.clientIp().replace('.', '-'));
            last = one.post("/api/v1/chat/visitors", Map.of("name", "Bot " + i));
            if (last.status() == 201) {
                created++;
            }
        }
        assertThat(last.status()).as(last.body()).isEqualTo(429);
        assertThat(created).isEqualTo(60);
        assertThat(last.header("Retry-After")).isNotNull();
    }
}
