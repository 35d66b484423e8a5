package io.walletdesk.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.walletdesk.identity.Role;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.ledger.internal.WalletFixtures.Customer;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/** What a client can send to the wallet that is not what it should: never a 5xx, always a clear 4xx naming the field. */
@WalletDeskTest
class WalletHostileInputTest {

    @LocalServerPort
    int port;
    @Autowired
    CustomerWallets wallets;
    @Autowired
    SimulatedBank bank;
    @Autowired
    Registration registration;
    @Autowired
    MockMvc mvc;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcClient jdbc;

    WalletFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new WalletFixtures(port, wallets, bank);
    }

    @Test
    void amountsMustBeWholeNumbersNotStringsExponentsOrFractions() {
        Customer budi = fixtures.verified("Budi Santoso");
        fixtures.fund(budi, 100_000);
        Customer siti = fixtures.verified("Siti Rahayu");
        List<String> wrong = List.of("\"10000\"", "1e4", "1E4", "10000.0", "10000.5", "1.0e4", "true", "[10000]",
                "{\"value\":10000}", "99999999999999999999999", "\"\"", "-0.0");
        for (String amount : wrong) {
            assertNamesAmount(budi.api().header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/wallet/payments",
                    "{\"merchantCode\":\"KOPI-NUSANTARA\",\"amount\":" + amount + ",\"pin\":\"" + WalletFixtures.PIN + "\"}"),
                    amount);
            assertNamesAmount(budi.api().header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/wallet/transfers",
                    "{\"phone\":\"" + siti.phone() + "\",\"amount\":" + amount + ",\"pin\":\"" + WalletFixtures.PIN + "\"}"),
                    amount);
            assertNamesAmount(budi.api().header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/wallet/top-ups",
                    "{\"bankCode\":\"BCA\",\"bankAccount\":\"1234567890\",\"amount\":" + amount + "}"), amount);
        }
        // Nothing was stored: the balance is untouched and no transaction exists beyond the funding top-up.
        assertThat(WalletFixtures.balance(budi)).isEqualTo(100_000);
        assertThat(budi.api().get("/api/v1/wallet/transactions").json().size()).isEqualTo(1);
        // A plain integer still works.
        ApiClient.Response paid = budi.api().header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/wallet/payments",
                "{\"merchantCode\":\"KOPI-NUSANTARA\",\"amount\":10000,\"pin\":\"" + WalletFixtures.PIN + "\"}");
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    }

    private static void assertNamesAmount(ApiClient.Response response, String amount) {
        assertThat(response.status()).as(amount + " " + response.body()).isEqualTo(400);
        assertThat(response.header("Content-Type")).as(amount).startsWith("application/problem+json");
        assertThat(response.json().path("errors").path(0).path("field").asText()).as(amount + " " + response.body())
                .isEqualTo("amount");
    }

    @Test
    void recipientLookUpsAreLimitedPerUser() {
        // Stay clear of a window boundary, so that the count below is one window's.
        long intoWindow = Math.floorMod(clock.instant().toEpochMilli(), Duration.ofMinutes(10).toMillis());
        if (Duration.ofMinutes(10).toMillis() - intoWindow < 60_000) {
            clock.advance(Duration.ofMinutes(2));
        }
        Customer budi = fixtures.verified("Budi Santoso");
        Customer siti = fixtures.verified("Siti Rahayu");
        for (int i = 0; i < 20; i++) {
            String phone = i % 2 == 0 ? siti.phone() : TestData.phone();
            ApiClient.Response found = budi.api().get("/api/v1/wallet/recipients?phone=" + phone.replace("+", "%2B"));
            assertThat(found.status()).as(found.body()).isIn(200, 404);
        }
        ApiClient.Response refused = budi.api().get("/api/v1/wallet/recipients?phone=" + siti.phone().replace("+", "%2B"));
        assertThat(refused.status()).as(refused.body()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 600L);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.body()).doesNotContain("Si**");
        // The limit is the user's, not everyone's.
        assertThat(siti.api().get("/api/v1/wallet/recipients?phone=" + budi.phone().replace("+", "%2B")).status())
                .isEqualTo(200);
    }

    @Test
    void transactionRoutesWithSomethingElseThanAnIdAreNotFound() throws Exception {
        String phone = TestData.phone();
        long id = registration.register(new Registration.RegisterCustomer(phone, null, "Budi Santoso", "en", TestData.PASSWORD),
                ClientInfo.system());
        wallets.open(id);
        Cookie customer = signIn(phone);
        for (String path : List.of("/wallet/transactions/abc", "/wallet/transactions/1e3",
                "/wallet/transactions/99999999999999999999", "/wallet/transactions/-1", "/wallet/transactions/999999999")) {
            MockHttpServletResponse response = mvc.perform(get(path).cookie(customer).header("Accept-Language", "en"))
                    .andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(404);
        }
        ApiClient.Response api = fixtures.customer("Siti Rahayu").api().get("/api/v1/wallet/transactions/abc");
        assertThat(api.status()).isBetween(400, 404);

        String email = TestData.email();
        registration.createStaff(Role.AGENT, email, "Agen Dukungan", TestData.PASSWORD, null, ClientInfo.system());
        Cookie agent = signIn(email);
        for (String path : List.of("/staff/wallet/customers/abc", "/staff/wallet/verifications/abc/selfie",
                "/staff/wallet/verifications/1/passport")) {
            MockHttpServletResponse response = mvc.perform(get(path).cookie(agent)).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(404);
        }
        MockHttpServletResponse decided = mvc.perform(post("/staff/wallet/verifications/abc").with(csrf()).cookie(agent)
                .param("decision", "approve")).andReturn().getResponse();
        assertThat(decided.getStatus()).isEqualTo(404);
        MockHttpServletResponse reversed = mvc.perform(post("/staff/wallet/transactions/1/reversal").with(csrf()).cookie(agent)
                .param("customerId", "abc")).andReturn().getResponse();
        assertThat(reversed.getStatus()).isBetween(400, 404);
    }

    private Cookie signIn(String identifier) throws Exception {
        MockHttpServletResponse response = mvc.perform(post("/login").with(csrf()).with(request -> {
                    request.setRemoteAddr(TestData.clientIp());
                    return request;
                }).param("identifier", identifier).param("password", TestData.PASSWORD)).andReturn().getResponse();
        Cookie cookie = response.getCookie("WDSESSION");
        assertThat(cookie).as("signed in").isNotNull();
        return cookie;
    }
}
