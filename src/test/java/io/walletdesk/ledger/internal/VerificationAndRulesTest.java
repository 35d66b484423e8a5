package io.walletdesk.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import io.walletdesk.identity.AccountStatus;
import io.walletdesk.identity.Accounts;
import io.walletdesk.identity.LockAccount;
import io.walletdesk.identity.LockReason;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.ledger.internal.WalletFixtures.Customer;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/** Identity verification (upload, staff approval unlocks and upgrades) and the suspicious-activity rules. */
@WalletDeskTest
class VerificationAndRulesTest {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};

    @LocalServerPort
    int port;
    @Autowired
    CustomerWallets wallets;
    @Autowired
    SimulatedBank bank;
    @Autowired
    IdentityVerifications verifications;
    @Autowired
    Accounts accounts;
    @Autowired
    Registration registration;
    @Autowired
    AuditTrail audit;
    @Autowired
    MockMvc mvc;
    @Autowired
    io.walletdesk.ledger.internal.Pins pins;
    @Autowired
    java.time.Clock clock;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    WalletFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new WalletFixtures(port, wallets, bank);
    }

    private ApiClient staff() {
        String email = TestData.email();
        registration.createStaff(Role.AGENT, email, "Agen Dukungan", TestData.PASSWORD, null, ClientInfo.system());
        return new ApiClient(port).signIn(email, TestData.PASSWORD);
    }

    @Test
    void uploadIsTypeSniffedAndApprovalUnlocksAndVerifies() throws Exception {
        Customer budi = fixtures.customerWithPin("Budi Santoso");
        String token = new ApiClient(port).post("/api/v1/auth/token", Map.of("grantType", "password",
                "identifier", budi.phone(), "password", TestData.PASSWORD)).json().get("accessToken").asText();
        String notAnImage = mvc.perform(multipart("/api/v1/wallet/verification")
                        .file(new MockMultipartFile("idPhoto", "id.png", "image/png", "<script>x</script>".getBytes()))
                        .file(new MockMultipartFile("selfie", "me.jpg", "image/jpeg", JPEG))
                        .header("Authorization", "Bearer " + token))
                .andReturn().getResponse().getContentAsString();
        assertThat(notAnImage).contains("kyc-file-type");

        accounts.lock(new LockAccount(budi.userId(), LockReason.IDENTITY_VERIFICATION_REQUIRED, "test", null));
        long id = verifications.submit(budi.userId(), PNG, JPEG, ClientInfo.system());
        assertThat(verifications.latest(budi.userId()).orElseThrow().status()).isEqualTo(IdentityVerifications.Status.PENDING);

        ApiClient agent = staff();
        ApiClient.Response list = agent.get("/api/v1/staff/wallet/verifications");
        assertThat(list.body()).contains("\"id\":" + id);
        ApiClient.Response missingReason = agent.post("/api/v1/staff/wallet/verifications/" + id + "/decision",
                Map.of("approve", false));
        assertThat(missingReason.status()).isEqualTo(400);
        ApiClient.Response approved = agent.post("/api/v1/staff/wallet/verifications/" + id + "/decision",
                Map.of("approve", true));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");
        assertThat(accounts.find(budi.userId()).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(wallets.find(budi.userId()).orElseThrow().tier()).isEqualTo(WalletTier.VERIFIED);
        assertThat(agent.post("/api/v1/staff/wallet/verifications/" + id + "/decision", Map.of("approve", true)).status())
                .isEqualTo(409);
        assertThat(audit.recent(budi.userId(), 20)).anyMatch(r -> r.action().equals("KYC_APPROVED"));
    }

    @Test
    void manyNewRecipientsLockTheAccount() {
        Customer budi = fixtures.verified("Budi Santoso");
        fixtures.fund(budi, 1_000_000);
        List<Customer> friends = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            friends.add(fixtures.customer("Teman Ke " + i));
        }
        for (int i = 0; i < 5; i++) {
            assertThat(WalletFixtures.transfer(budi, friends.get(i).phone(), 10_000, UUID.randomUUID().toString()).status())
                    .isEqualTo(201);
        }
        ApiClient.Response sixth = WalletFixtures.transfer(budi, friends.get(5).phone(), 10_000, UUID.randomUUID().toString());
        assertThat(sixth.status()).isEqualTo(403);
        assertThat(sixth.json().get("code").asText()).isEqualTo("wallet-locked-suspicious");
        assertThat(accounts.find(budi.userId()).orElseThrow().lockReason()).isEqualTo(LockReason.UNUSUAL_VELOCITY);
        assertThat(audit.recent(budi.userId(), 20)).anyMatch(r -> r.action().equals("WALLET_RULE_LOCKED"));
        assertThat(WalletFixtures.balance(fixtures.customer("Someone Else"))).isZero();
    }

    @Test
    void largeAmountRightAfterANewDeviceSignInLocks() {
        Customer budi = fixtures.verified("Budi Santoso");
        Customer siti = fixtures.verified("Siti Rahayu");
        fixtures.fund(budi, 6_000_000);
        wallets.newDeviceSignIn(budi.userId(), clock.instant());
        assertThat(WalletFixtures.transfer(budi, siti.phone(), 100_000, UUID.randomUUID().toString()).status()).isEqualTo(201);
        ApiClient.Response large = WalletFixtures.transfer(budi, siti.phone(), 5_000_000, UUID.randomUUID().toString());
        assertThat(large.status()).isEqualTo(403);
        assertThat(large.json().get("code").asText()).isEqualTo("wallet-locked-suspicious");
        assertThat(accounts.find(budi.userId()).orElseThrow().lockReason()).isEqualTo(LockReason.NEW_DEVICE_LARGE_TRANSACTION);
        assertThat(WalletFixtures.balance(siti)).isEqualTo(100_000);
    }

    @Test
    void manyWrongPinsOverTheDayLockTheAccount() {
        Customer budi = fixtures.verified("Budi Santoso");
        // Two earlier rounds of three wrong PINs today (each ended in a 60-minute block, now over).
        for (int i = 0; i < 6; i++) {
            jdbc.sql("INSERT INTO wallet_pin_failure (user_id, occurred_at) VALUES (?, ?)")
                    .params(budi.userId(), java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofHours(3))))
                    .update();
        }
        for (int i = 0; i < 3; i++) {
            try {
                pins.verify(budi.userId(), "999999", ClientInfo.system());
            } catch (io.walletdesk.shared.failure.ProblemException expected) {
                assertThat(expected.code()).isIn("pin-wrong", "pin-blocked");
            }
        }
        assertThat(accounts.find(budi.userId()).orElseThrow().status()).isEqualTo(AccountStatus.LOCKED);
        assertThat(accounts.find(budi.userId()).orElseThrow().lockReason()).isEqualTo(LockReason.CREDENTIAL_BRUTE_FORCE);
    }

    @Test
    void openApiDocumentsTheWalletApi() {
        ApiClient.Response docs = new ApiClient(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/v1/wallet/transfers").contains("/api/v1/wallet/top-ups")
                .contains("/api/v1/wallet/payments").contains("/api/v1/wallet/transactions/{id}")
                .contains("/api/v1/public/bank-callbacks/{bankCode}").contains("Idempotency-Key");
    }

    @Test
    void staffRefundsAPaymentOnce() {
        Customer budi = fixtures.verified("Budi Santoso");
        fixtures.fund(budi, 100_000);
        long paid = WalletFixtures.pay(budi, "TIKET-KERETA", 40_000, UUID.randomUUID().toString()).json().get("id").asLong();
        ApiClient agent = staff();
        ApiClient.Response refund = agent.post("/api/v1/staff/wallet/transactions/" + paid + "/reversal", Map.of("note", "double charge"));
        assertThat(refund.status()).as(refund.body()).isEqualTo(201);
        assertThat(refund.json().get("kind").asText()).isEqualTo("REFUND");
        assertThat(WalletFixtures.balance(budi)).isEqualTo(100_000);
        ApiClient.Response again = agent.post("/api/v1/staff/wallet/transactions/" + paid + "/reversal", Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asText()).isEqualTo("already-reversed");
        ApiClient.Response original = budi.api().get("/api/v1/wallet/transactions/" + paid);
        assertThat(original.json().get("status").asText()).isEqualTo("REVERSED");
        assertThat(original.json().get("explanation").asText()).contains("refunded");
    }
}
