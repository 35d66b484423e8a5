package io.walletdesk.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.ledger.internal.WalletFixtures.Customer;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.WalletDeskTest;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Pending top-ups: duplicate, failing, missing and late bank callbacks, signatures, expiry. */
@WalletDeskTest
class TopUpLifecycleTest {

    @LocalServerPort
    int port;
    @Autowired
    CustomerWallets wallets;
    @Autowired
    SimulatedBank bank;
    @Autowired
    TopUps topUps;
    @Autowired
    BankSignatures signatures;
    @Autowired
    Clock clock;
    @Autowired
    JdbcClient jdbc;

    WalletFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new WalletFixtures(port, wallets, bank);
    }

    private String status(Customer customer, long id) {
        return customer.api().get("/api/v1/wallet/transactions/" + id).json().get("status").asText();
    }

    @Test
    void duplicateCallbackCreditsOnce() {
        Customer budi = fixtures.customerWithPin("Budi Santoso");
        ApiClient.Response topUp = fixtures.topUp(budi, 100_000, "7000005555");
        long id = topUp.json().get("id").asLong();
        assertThat(status(budi, id)).isEqualTo("COMPLETED");
        assertThat(WalletFixtures.balance(budi)).isEqualTo(100_000);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM journal_entry WHERE transaction_id = :id").param("id", id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void bankDeclinesByCallback() {
        Customer budi = fixtures.customerWithPin("Budi Santoso");
        long id = fixtures.topUp(budi, 100_000, "7000006666").json().get("id").asLong();
        ApiClient.Response view = budi.api().get("/api/v1/wallet/transactions/" + id);
        assertThat(view.json().get("status").asText()).isEqualTo("FAILED");
        assertThat(view.json().get("reasonCode").asText()).isEqualTo("BANK_DECLINED");
        assertThat(WalletFixtures.balance(budi)).isZero();
    }

    @Test
    void unconfirmedTopUpExpiresAndLateConfirmationGoesToSuspenseOnce() {
        Customer budi = fixtures.customerWithPin("Budi Santoso");
        long id = fixtures.topUp(budi, 100_000, "7000007777").json().get("id").asLong();
        ApiClient.Response pending = budi.api().get("/api/v1/wallet/transactions/" + id);
        assertThat(pending.json().get("status").asText()).isEqualTo("PENDING");
        assertThat(pending.json().get("waitingText").asText()).contains("Waiting for your bank");

        topUps.expireDue(clock.instant().plus(Duration.ofHours(47)));
        assertThat(status(budi, id)).isEqualTo("PENDING");
        topUps.expireDue(clock.instant().plus(Duration.ofHours(49)));
        ApiClient.Response expired = budi.api().get("/api/v1/wallet/transactions/" + id);
        assertThat(expired.json().get("status").asText()).isEqualTo("FAILED");
        assertThat(expired.json().get("reasonCode").asText()).isEqualTo("TOPUP_EXPIRED");

        String reference = jdbc.sql("SELECT bank_reference FROM wallet_transaction WHERE id = :id").param("id", id)
                .query(String.class).single();
        String body = "{\"reference\":\"" + reference + "\",\"status\":\"SUCCESS\",\"amount\":100000}";
        for (int i = 0; i < 2; i++) {
            ApiClient.Response late = signed("BCA", body, signatures.sign("BCA", clock.instant().getEpochSecond(), body));
            assertThat(late.status()).isEqualTo(200);
            assertThat(late.json().get("result").asText()).isEqualTo(i == 0 ? "LATE_TO_SUSPENSE" : "ALREADY_SETTLED");
        }
        assertThat(WalletFixtures.balance(budi)).isZero();
    }

    @Test
    void badSignatureIsRejected() {
        Customer budi = fixtures.customerWithPin("Budi Santoso");
        long id = fixtures.topUp(budi, 100_000, "7000007777").json().get("id").asLong();
        String reference = jdbc.sql("SELECT bank_reference FROM wallet_transaction WHERE id = :id").param("id", id)
                .query(String.class).single();
        String body = "{\"reference\":\"" + reference + "\",\"status\":\"SUCCESS\",\"amount\":100000}";
        ApiClient.Response forged = signed("BCA", body, "sha256=" + "0".repeat(64));
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("code").asText()).isEqualTo("bank-signature-invalid");
        ApiClient.Response otherBank = signed("BCA", body, signatures.sign("BRI", clock.instant().getEpochSecond(), body));
        assertThat(otherBank.status()).isEqualTo(401);
        ApiClient.Response good = signed("BCA", body, signatures.sign("BCA", clock.instant().getEpochSecond(), body));
        assertThat(good.json().get("result").asText()).isEqualTo("COMPLETED");
        assertThat(WalletFixtures.balance(budi)).isEqualTo(100_000);
    }

    private ApiClient.Response signed(String bankCode, String body, String signature) {
        return new ApiClient(port).header(BankSignatures.TIMESTAMP_HEADER, String.valueOf(clock.instant().getEpochSecond()))
                .header(BankSignatures.SIGNATURE_HEADER, signature)
                .post("/api/v1/public/bank-callbacks/" + bankCode, body);
    }
}
