package io.walletdesk.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.ledger.internal.WalletFixtures.Customer;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.WalletDeskTest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The secrets that once defaulted to strings in the public source buy nothing any more. */
@WalletDeskTest
class PublicDefaultSecretsTest {

    /** The callback secret every copy of the source used to share. */
    static final String OLD_PUBLIC_CALLBACK_SECRET = "walletdesk-development-bank-callback-secret";

    @LocalServerPort
    int port;
    @Autowired
    CustomerWallets wallets;
    @Autowired
    SimulatedBank bank;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    Environment environment;

    @Test
    void aCallbackSignedWithTheOldPublicDefaultCreditsNothing() throws Exception {
        WalletFixtures fixtures = new WalletFixtures(port, wallets, bank);
        Customer budi = fixtures.customerWithPin("Budi Santoso");
        // 7777: the simulated bank never confirms this top-up.
        long id = fixtures.topUp(budi, 100_000, "7000007777").json().get("id").asLong();
        String reference = jdbc.sql("SELECT bank_reference FROM wallet_transaction WHERE id = :id").param("id", id)
                .query(String.class).single();
        String body = "{\"reference\":\"" + reference + "\",\"status\":\"SUCCESS\",\"amount\":100000}";
        long timestamp = clock.instant().getEpochSecond();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec((OLD_PUBLIC_CALLBACK_SECRET + ":BCA").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = "sha256=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));

        ApiClient.Response forged = new ApiClient(port).header(BankSignatures.TIMESTAMP_HEADER, String.valueOf(timestamp))
                .header(BankSignatures.SIGNATURE_HEADER, signature).post("/api/v1/public/bank-callbacks/BCA", body);

        assertThat(forged.status()).as(forged.body()).isEqualTo(401);
        assertThat(WalletFixtures.balance(budi)).isZero();
        assertThat(jdbc.sql("SELECT status FROM wallet_transaction WHERE id = :id").param("id", id).query(String.class)
                .single()).isEqualTo("PENDING");
    }

    @Test
    void noSecretHasItsOldPublicValue() {
        assertThat(environment.getProperty("walletdesk.wallet.bank.callback-secret")).isNotBlank()
                .isNotEqualTo(OLD_PUBLIC_CALLBACK_SECRET);
        assertThat(environment.getProperty("walletdesk.wallet.pin.pepper")).isNotBlank()
                .isNotEqualTo("walletdesk-development-pin-pepper");
        assertThat(environment.getProperty("walletdesk.security.data-key")).isNotBlank()
                .isNotEqualTo("d2FsbGV0ZGVzay1kZXZlbG9wbWVudC1rZXktMzJieXQ=");
    }
}
