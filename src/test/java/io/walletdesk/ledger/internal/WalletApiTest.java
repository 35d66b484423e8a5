package io.walletdesk.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.ledger.internal.WalletFixtures.Customer;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.WalletDeskTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@WalletDeskTest
class WalletApiTest {

    @LocalServerPort
    int port;
    @Autowired
    CustomerWallets wallets;
    @Autowired
    SimulatedBank bank;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    WalletFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new WalletFixtures(port, wallets, bank);
    }

    @Test
    void topUpThenTransferMovesMoneyBothWays() {
        Customer budi = fixtures.verified("Budi Santoso");
        Customer siti = fixtures.verified("Siti Rahayu");
        fixtures.fund(budi, 500_000);
        assertThat(WalletFixtures.balance(budi)).isEqualTo(500_000);

        ApiClient.Response recipient = budi.api().get("/api/v1/wallet/recipients?phone=" + siti.phone());
        assertThat(recipient.status()).isEqualTo(200);
        assertThat(recipient.json().get("maskedName").asText()).isEqualTo("Si** Ra****");

        String key = UUID.randomUUID().toString();
        ApiClient.Response sent = WalletFixtures.transfer(budi, siti.phone(), 120_000, key);
        assertThat(sent.status()).as(sent.body()).isEqualTo(201);
        assertThat(sent.json().get("status").asText()).isEqualTo("COMPLETED");
        assertThat(sent.json().get("amount").asLong()).isEqualTo(-120_000);
        assertThat(WalletFixtures.balance(budi)).isEqualTo(380_000);
        assertThat(WalletFixtures.balance(siti)).isEqualTo(120_000);

        ApiClient.Response retry = WalletFixtures.transfer(budi, siti.phone(), 120_000, key);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.json().get("id").asLong()).isEqualTo(sent.json().get("id").asLong());
        assertThat(WalletFixtures.balance(budi)).isEqualTo(380_000);

        ApiClient.Response reused = WalletFixtures.transfer(budi, siti.phone(), 130_000, key);
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.json().get("code").asText()).isEqualTo("idempotency-key-reused");

        ApiClient.Response sitiView = siti.api().get("/api/v1/wallet/transactions/" + sent.json().get("id").asLong());
        assertThat(sitiView.json().get("amount").asLong()).isEqualTo(120_000);
        assertThat(sitiView.json().get("counterparty").asText()).isEqualTo("Bu** Sa*****");
    }

    @Test
    void transferFailuresHaveReasonCodes() {
        Customer budi = fixtures.verified("Budi Santoso");
        Customer siti = fixtures.verified("Siti Rahayu");
        Customer unverified = fixtures.customerWithPin("Agus Salim");
        fixtures.fund(budi, 100_000);

        assertCode(WalletFixtures.transfer(budi, siti.phone(), 200_000, key()), 422, "insufficient-balance");
        assertCode(WalletFixtures.transfer(budi, "081299999999", 10_000, key()), 404, "recipient-unknown");
        assertCode(WalletFixtures.transfer(budi, budi.phone(), 10_000, key()), 422, "recipient-is-self");
        assertCode(WalletFixtures.transfer(budi, siti.phone(), 500, key()), 400, "amount-out-of-range");
        assertCode(WalletFixtures.transfer(unverified, siti.phone(), 10_000, key()), 403, "transfer-needs-verification");
        assertCode(budi.api().header("Idempotency-Key", "")
                .post("/api/v1/wallet/transfers", Map.of("phone", siti.phone(), "amount", 10_000, "pin", WalletFixtures.PIN)),
                400, "idempotency-key-missing");
        // The recipient is unverified: at most Rp2.000.000 in the wallet.
        fixtures.fund(budi, 2_000_000);
        assertCode(WalletFixtures.transfer(budi, unverified.phone(), 2_000_001, key()), 422, "recipient-limit");
        fixtures.fund(unverified, 1_990_000);
        assertCode(WalletFixtures.transfer(budi, unverified.phone(), 20_000, key()), 422, "recipient-limit");
        // A failed request is not remembered: the same key works once the problem is gone.
        String key = key();
        assertCode(WalletFixtures.transfer(budi, siti.phone(), 20_000_000, key), 400, "amount-out-of-range");
        assertThat(WalletFixtures.transfer(budi, siti.phone(), 50_000, key).status()).isEqualTo(201);
    }

    @Test
    void threeWrongPinsBlockPayments() {
        Customer budi = fixtures.verified("Budi Santoso");
        fixtures.fund(budi, 100_000);
        for (int i = 0; i < 2; i++) {
            ApiClient.Response wrong = budi.api().header("Idempotency-Key", key()).post("/api/v1/wallet/payments",
                    Map.of("merchantCode", "WARUNG-BU-SRI", "amount", 10_000, "pin", "135799"));
            assertCode(wrong, 403, "pin-wrong");
        }
        ApiClient.Response third = budi.api().header("Idempotency-Key", key()).post("/api/v1/wallet/payments",
                Map.of("merchantCode", "WARUNG-BU-SRI", "amount", 10_000, "pin", "135799"));
        assertCode(third, 403, "pin-blocked");
        assertThat(third.header("Retry-After")).isNotNull();
        assertCode(WalletFixtures.pay(budi, "WARUNG-BU-SRI", 10_000, key()), 403, "pin-blocked");
        assertThat(WalletFixtures.balance(budi)).isEqualTo(100_000);
    }

    @Test
    void merchantPaymentTakesAFeeAndCanBeRefundedOnce() {
        Customer budi = fixtures.verified("Budi Santoso");
        fixtures.fund(budi, 100_000);
        ApiClient.Response paid = WalletFixtures.pay(budi, "KOPI-NUSANTARA", 50_000, key());
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        // The merchant's fee (0.7 %) is taken from its share; the customer paid the price and is shown no fee.
        assertThat(paid.json().get("fee").asLong()).isZero();
        assertThat(jdbc.sql("SELECT fee FROM wallet_transaction WHERE id = :id")
                .param("id", paid.json().get("id").asLong()).query(Long.class).single()).isEqualTo(350);
        assertThat(WalletFixtures.balance(budi)).isEqualTo(50_000);
        assertCode(WalletFixtures.pay(budi, "NO-SUCH-SHOP", 1_000, key()), 404, "merchant-unknown");
        assertCode(WalletFixtures.pay(budi, "KOPI-NUSANTARA", 60_000, key()), 422, "insufficient-balance");
    }

    @Test
    void topUpFailuresCarryTranslatedReasons() {
        Customer budi = fixtures.customerWithPin("Budi Santoso");
        assertReason(fixtures.topUp(budi, 100_000, "9876540000"), "FAILED", "BANK_ACCOUNT_INVALID");
        assertReason(fixtures.topUp(budi, 100_000, "9876541111"), "FAILED", "BANK_ACCOUNT_CLOSED");
        assertReason(fixtures.topUp(budi, 100_000, "9876542222"), "FAILED", "BANK_INSUFFICIENT_FUNDS");
        assertReason(fixtures.topUp(budi, 100_000, "9876543333"), "FAILED", "BANK_UNAVAILABLE");
        ApiClient.Response timeout = fixtures.topUp(budi, 100_000, "9876544444");
        assertThat(timeout.json().get("status").asText()).isEqualTo("PENDING");
        assertThat(timeout.json().get("waitingFor").asText()).isEqualTo("BANK_CONFIRMATION");
        // deliverAllNow() has run: the bank confirmed after the timeout.
        long id = timeout.json().get("id").asLong();
        assertThat(budi.api().get("/api/v1/wallet/transactions/" + id).json().get("status").asText()).isEqualTo("COMPLETED");
        ApiClient.Response cap = budi.api().header("Idempotency-Key", key()).post("/api/v1/wallet/top-ups",
                Map.of("bankCode", "BCA", "bankAccount", "1234567890", "amount", 2_000_000));
        assertCode(cap, 422, "balance-cap");
        ApiClient.Response indonesian = budi.api().language("id").get("/api/v1/wallet/transactions?status=FAILED");
        assertThat(indonesian.json().get(0).get("explanation").asText()).doesNotStartWith("reason.");
    }

    @Test
    void bankDailyLimitIsExplainedWithTheLimit() {
        Customer budi = fixtures.verified("Budi Santoso");
        ApiClient.Response first = fixtures.topUp(budi, 9_000_000, "5550001234");
        assertThat(first.status()).isEqualTo(201);
        ApiClient.Response second = budi.api().header("Idempotency-Key", key()).post("/api/v1/wallet/top-ups",
                Map.of("bankCode", "BNI", "bankAccount", "5550001234", "amount", 10_000_000));
        assertThat(second.status()).isEqualTo(201);
        ApiClient.Response third = budi.api().header("Idempotency-Key", key()).post("/api/v1/wallet/top-ups",
                Map.of("bankCode", "BNI", "bankAccount", "5550001234", "amount", 10_000));
        assertReason(third, "FAILED", "BANK_DAILY_LIMIT");
        assertThat(third.json().get("explanation").asText()).contains("Rp10.000.000");
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    static void assertCode(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("code").asText()).isEqualTo(code);
        assertThat(response.json().get("title").asText()).doesNotStartWith("problem.");
    }

    static void assertReason(ApiClient.Response response, String status, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("status").asText()).isEqualTo(status);
        assertThat(response.json().get("reasonCode").asText()).isEqualTo(reason);
        assertThat(response.json().get("explanation").asText()).doesNotStartWith("reason.");
        assertThat(response.json().get("nextStep").asText()).doesNotStartWith("reason.");
    }
}
