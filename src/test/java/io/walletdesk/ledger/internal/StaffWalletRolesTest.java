package io.walletdesk.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import io.walletdesk.identity.AccountStatus;
import io.walletdesk.identity.Accounts;
import io.walletdesk.identity.LockReason;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.ledger.internal.WalletFixtures.Customer;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The wallet's staff actions against ADR 0004: agents lock, only supervisors lift a lock; approving an identity
 * verification lifts only a lock that asked for one; agents see no staff accounts.
 */
@WalletDeskTest
class StaffWalletRolesTest {

    /** The lock reasons whose next step for the customer is to verify their identity (lock.todo.*). */
    private static final Set<LockReason> LIFTED_BY_VERIFICATION =
            EnumSet.of(LockReason.IDENTITY_VERIFICATION_REQUIRED, LockReason.CREDENTIAL_BRUTE_FORCE);

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

    WalletFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new WalletFixtures(port, wallets, bank);
    }

    private record Staff(long userId, ApiClient api) {
    }

    private Staff staff(Role role) {
        String email = TestData.email();
        long id = registration.createStaff(role, email, "Staf " + role, TestData.PASSWORD, null, ClientInfo.system());
        return new Staff(id, new ApiClient(port).signIn(email, TestData.PASSWORD));
    }

    @Test
    void anAgentsFraudLockSurvivesTheSameAgentsApprovalOfAnUploadedId() throws Exception {
        Staff agent = staff(Role.AGENT);
        Customer budi = fixtures.customerWithPin("Budi Santoso");
        ApiClient.Response locked = agent.api().post("/api/v1/staff/users/" + budi.userId() + "/lock",
                Map.of("reason", "FRAUD_INVESTIGATION", "note", "reported by a merchant"));
        assertThat(locked.status()).as(locked.body()).isEqualTo(200);

        long id = upload(budi);

        ApiClient.Response approved = agent.api().post("/api/v1/staff/wallet/verifications/" + id + "/decision",
                Map.of("approve", true));
        assertThat(approved.status()).as(approved.body()).isEqualTo(200);
        assertThat(approved.json().get("status").asText()).isEqualTo("APPROVED");

        assertThat(accounts.find(budi.userId()).orElseThrow().status()).isEqualTo(AccountStatus.LOCKED);
        assertThat(accounts.find(budi.userId()).orElseThrow().lockReason()).isEqualTo(LockReason.FRAUD_INVESTIGATION);
        assertThat(wallets.find(budi.userId()).orElseThrow().locked()).isTrue();
        assertThat(audit.recent(budi.userId(), 20)).noneMatch(r -> r.action().equals("ACCOUNT_UNLOCKED"));
        assertThat(audit.recent(budi.userId(), 20)).filteredOn(r -> r.action().equals("KYC_APPROVED"))
                .singleElement().satisfies(r -> {
                    assertThat(r.actorUserId()).isEqualTo(agent.userId());
                    assertThat(r.actorRole()).isEqualTo("AGENT");
                    assertThat(r.details()).contains("FRAUD_INVESTIGATION");
                });

        // Lifting it stays a supervisor's.
        assertThat(agent.api().post("/api/v1/staff/users/" + budi.userId() + "/unlock", Map.of()).status()).isEqualTo(403);
        Staff supervisor = staff(Role.SUPERVISOR);
        assertThat(supervisor.api().post("/api/v1/staff/users/" + budi.userId() + "/unlock", Map.of("note", "checked"))
                .status()).isEqualTo(200);
        assertThat(accounts.find(budi.userId()).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
    }

    @Test
    void approvalLiftsOnlyLocksThatAskForVerificationAndNamesTheActorsRole() {
        Staff agent = staff(Role.AGENT);
        for (LockReason reason : LockReason.values()) {
            Customer customer = fixtures.customerWithPin("Sari Wulandari");
            ApiClient.Response locked = agent.api().post("/api/v1/staff/users/" + customer.userId() + "/lock",
                    Map.of("reason", reason.name()));
            assertThat(locked.status()).as(reason + " " + locked.body()).isEqualTo(200);
            AccountStatus before = accounts.find(customer.userId()).orElseThrow().status();
            long id = verifications.submit(customer.userId(), VerificationAndRulesTest.PNG, VerificationAndRulesTest.JPEG,
                    ClientInfo.system());

            ApiClient.Response approved = agent.api().post("/api/v1/staff/wallet/verifications/" + id + "/decision",
                    Map.of("approve", true));
            assertThat(approved.status()).as(reason + " " + approved.body()).isEqualTo(200);

            AccountStatus after = accounts.find(customer.userId()).orElseThrow().status();
            assertThat(wallets.find(customer.userId()).orElseThrow().tier()).as(reason.name()).isEqualTo(WalletTier.VERIFIED);
            if (LIFTED_BY_VERIFICATION.contains(reason)) {
                assertThat(after).as(reason.name()).isEqualTo(AccountStatus.ACTIVE);
                assertThat(wallets.find(customer.userId()).orElseThrow().locked()).as(reason.name()).isFalse();
                assertThat(audit.recent(customer.userId(), 20)).filteredOn(r -> r.action().equals("ACCOUNT_UNLOCKED"))
                        .as(reason.name()).singleElement().satisfies(r -> {
                            assertThat(r.actorUserId()).isEqualTo(agent.userId());
                            assertThat(r.actorRole()).isEqualTo("AGENT");
                        });
            } else {
                assertThat(after).as(reason.name()).isEqualTo(before);
                assertThat(audit.recent(customer.userId(), 20)).as(reason.name())
                        .noneMatch(r -> r.action().equals("ACCOUNT_UNLOCKED"));
            }
        }
    }

    @Test
    void rejectionNamesTheActorsRoleAndLiftsNothing() {
        Staff supervisor = staff(Role.SUPERVISOR);
        Customer budi = fixtures.customerWithPin("Budi Santoso");
        supervisor.api().post("/api/v1/staff/users/" + budi.userId() + "/lock",
                Map.of("reason", "IDENTITY_VERIFICATION_REQUIRED"));
        long id = verifications.submit(budi.userId(), VerificationAndRulesTest.PNG, VerificationAndRulesTest.JPEG,
                ClientInfo.system());
        ApiClient.Response rejected = supervisor.api().post("/api/v1/staff/wallet/verifications/" + id + "/decision",
                Map.of("approve", false, "reason", "UNREADABLE"));
        assertThat(rejected.status()).as(rejected.body()).isEqualTo(200);
        assertThat(accounts.find(budi.userId()).orElseThrow().status()).isEqualTo(AccountStatus.LOCKED);
        assertThat(audit.recent(budi.userId(), 20)).filteredOn(r -> r.action().equals("KYC_REJECTED"))
                .singleElement().satisfies(r -> assertThat(r.actorRole()).isEqualTo("SUPERVISOR"));
    }

    @Test
    void customersReachNoStaffWalletActionAndAgentsSeeNoStaffAccounts() {
        Customer budi = fixtures.verified("Budi Santoso");
        fixtures.fund(budi, 100_000);
        long paid = WalletFixtures.pay(budi, "KOPI-NUSANTARA", 10_000, UUID.randomUUID().toString()).json().get("id").asLong();
        assertThat(budi.api().get("/api/v1/staff/wallet/customers/" + budi.userId() + "/transactions").status())
                .isEqualTo(403);
        assertThat(budi.api().post("/api/v1/staff/wallet/transactions/" + paid + "/reversal", Map.of()).status())
                .isEqualTo(403);
        assertThat(budi.api().get("/api/v1/staff/wallet/verifications").status()).isEqualTo(403);

        Staff agent = staff(Role.AGENT);
        Staff otherStaff = staff(Role.SUPERVISOR);
        assertThat(agent.api().get("/api/v1/staff/wallet/customers/" + budi.userId() + "/transactions").status())
                .isEqualTo(200);
        // A staff account is not a customer: not found, whoever asks.
        assertThat(agent.api().get("/api/v1/staff/wallet/customers/" + otherStaff.userId() + "/transactions").status())
                .isEqualTo(404);
        assertThat(agent.api().get("/api/v1/staff/wallet/customers/99999999/transactions").status()).isEqualTo(404);
        // Refunds are an agent's work (ADR 0004 reserves only unlocking and staff accounts); audited with the role.
        ApiClient.Response refunded = agent.api().post("/api/v1/staff/wallet/transactions/" + paid + "/reversal",
                Map.of("note", "double charge"));
        assertThat(refunded.status()).as(refunded.body()).isEqualTo(201);
        assertThat(audit.recent(budi.userId(), 20)).filteredOn(r -> r.action().equals("WALLET_REFUND"))
                .singleElement().satisfies(r -> assertThat(r.actorRole()).isEqualTo("AGENT"));
    }

    private long upload(Customer customer) throws Exception {
        // Through the API as the locked customer would (support-only session, verification allowed).
        String token = new ApiClient(port).post("/api/v1/auth/token", Map.of("grantType", "password",
                "identifier", customer.phone(), "password", TestData.PASSWORD)).json().get("accessToken").asText();
        var response = mvc.perform(multipart("/api/v1/wallet/verification")
                        .file(new MockMultipartFile("idPhoto", "id.png", "image/png", VerificationAndRulesTest.PNG))
                        .file(new MockMultipartFile("selfie", "me.jpg", "image/jpeg", VerificationAndRulesTest.JPEG))
                        .header("Authorization", "Bearer " + token))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(response.getContentAsString())
                .get("id").asLong();
    }
}
