package io.walletdesk.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.walletdesk.ledger.internal.WalletFixtures.Customer;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The PIN limit under parallel guesses: exactly the configured count is recorded, then everything is blocked. */
@WalletDeskTest
class PinLimitConcurrencyTest {

    private static final int PARALLEL = 20;

    @LocalServerPort
    int port;
    @Autowired
    CustomerWallets wallets;
    @Autowired
    SimulatedBank bank;
    @Autowired
    Pins pins;
    @Autowired
    JdbcClient jdbc;

    WalletFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new WalletFixtures(port, wallets, bank);
    }

    @Test
    void twentyParallelWrongPinsBlockAtExactlyThree() throws Exception {
        Customer budi = fixtures.verified("Budi Santoso");
        fixtures.fund(budi, 100_000);
        String token = token(budi);

        List<ApiClient.Response> responses = burst(token, java.util.Collections.nCopies(PARALLEL, "135799"));

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(403));
        List<String> codes = responses.stream().map(PinLimitConcurrencyTest::code).toList();
        assertThat(codes).filteredOn("pin-wrong"::equals).hasSize(2);
        assertThat(codes).filteredOn("pin-blocked"::equals).hasSize(PARALLEL - 2);
        assertThat(recordedFailures(budi)).isEqualTo(3);
        // Blocked: the right PIN does not pass either.
        assertThat(code(WalletFixtures.pay(budi, "WARUNG-BU-SRI", 10_000, UUID.randomUUID().toString())))
                .isEqualTo("pin-blocked");
        assertThat(WalletFixtures.balance(budi)).isEqualTo(100_000);
    }

    @Test
    void aRightPinCheckedAgainstAnEarlierLookDoesNotPassOnceBlocked() {
        Customer budi = fixtures.verified("Budi Santoso");
        // A payment request read the wallet before the block (the race of a burst) ...
        CustomerWallets.Wallet before = wallets.find(budi.userId()).orElseThrow();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> pins.verify(budi.userId(), "135799", ClientInfo.system()))
                    .isInstanceOf(ProblemException.class);
        }
        // ... and checks the right PIN after it: the block decides, not the earlier look.
        assertThatThrownBy(() -> pins.verify(before, WalletFixtures.PIN, ClientInfo.system()))
                .isInstanceOfSatisfying(ProblemException.class, p -> assertThat(p.code()).isEqualTo("pin-blocked"));
        assertThat(recordedFailures(budi)).isEqualTo(3);
    }

    @Test
    void aRightPinInsideABurstNeverAnswers5xxAndTheBlockHolds() throws Exception {
        Customer budi = fixtures.verified("Budi Santoso");
        fixtures.fund(budi, 100_000);
        String token = token(budi);
        List<String> pinsSent = new ArrayList<>(java.util.Collections.nCopies(PARALLEL - 1, "135799"));
        pinsSent.add(PARALLEL / 2, WalletFixtures.PIN);

        List<ApiClient.Response> responses = burst(token, pinsSent);

        assertThat(responses).allSatisfy(r -> assertThat(r.status()).as(r.body()).isIn(201, 403));
        long wrongAnswers = responses.stream().map(PinLimitConcurrencyTest::code).filter("pin-wrong"::equals).count();
        // Every recorded failure answered pin-wrong, except the one that set the block.
        assertThat(recordedFailures(budi)).isEqualTo(wrongAnswers + 1);
        assertThat(code(WalletFixtures.pay(budi, "WARUNG-BU-SRI", 10_000, UUID.randomUUID().toString())))
                .isEqualTo("pin-blocked");
    }

    private List<ApiClient.Response> burst(String token, List<String> pinsSent) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(pinsSent.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ApiClient.Response>> futures = new ArrayList<>();
            for (String pin : pinsSent) {
                futures.add(pool.submit(() -> {
                    ApiClient client = new ApiClient(port).bearer(token).header("Idempotency-Key", UUID.randomUUID().toString());
                    start.await();
                    return client.post("/api/v1/wallet/payments",
                            Map.of("merchantCode", "WARUNG-BU-SRI", "amount", 10_000, "pin", pin));
                }));
            }
            start.countDown();
            List<ApiClient.Response> responses = new ArrayList<>();
            for (Future<ApiClient.Response> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    private String token(Customer customer) {
        return new ApiClient(port).post("/api/v1/auth/token", Map.of("grantType", "password",
                "identifier", customer.phone(), "password", TestData.PASSWORD)).json().get("accessToken").asText();
    }

    private long recordedFailures(Customer customer) {
        return jdbc.sql("SELECT COUNT(*) FROM wallet_pin_failure WHERE user_id = :user").param("user", customer.userId())
                .query(Long.class).single();
    }

    private static String code(ApiClient.Response response) {
        if (response.status() == 201) {
            return "paid";
        }
        String type = response.json().path("type").asText("");
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
