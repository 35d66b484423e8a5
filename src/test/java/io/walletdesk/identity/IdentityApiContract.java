package io.walletdesk.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.identity.internal.Registration;
import io.walletdesk.identity.internal.AuthenticatorApp;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.outbox.OutboundMessages;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.ApiClient.Response;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.TestData;
import io.walletdesk.shared.web.ClientInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The identity and account-security behaviour through the real HTTP API. Runs against H2 and PostgreSQL
 * (see the two subclasses), including every failure path the issue names.
 */
abstract class IdentityApiContract {

    @LocalServerPort
    int port;
    @Autowired
    Registration registration;
    @Autowired
    OutboundMessages outbox;
    @Autowired
    AuditTrail audit;
    @Autowired
    MutableClock clock;

    ApiClient client() {
        return new ApiClient(port);
    }

    record Customer(long id, String phone, String email, ApiClient api) {
    }

    Customer registerCustomer() {
        String phone = TestData.phone();
        String email = TestData.email();
        ApiClient api = client();
        Response registered = api.post("/api/v1/auth/register", Map.of("phone", phone, "email", email,
                "name", "Rina Kartika", "language", "en", "password", TestData.PASSWORD));
        assertThat(registered.status()).as(registered.body()).isEqualTo(202);
        api.signIn(phone, TestData.PASSWORD);
        long id = api.get("/api/v1/me").json().get("id").asLong();
        return new Customer(id, phone, email, api);
    }

    ApiClient staff(Role role) {
        String email = TestData.email();
        registration.createStaff(role, email, "Staf Uji", "meja-bantuan-pagi-" + role.name().toLowerCase() + "-77",
                null, ClientInfo.system());
        return client().signIn(email, "meja-bantuan-pagi-" + role.name().toLowerCase() + "-77");
    }

    @Test
    void registrationNormalisesThePhoneNumberAndSignsIn() {
        Customer customer = registerCustomer();
        JsonNode me = customer.api().get("/api/v1/me").json();
        assertThat(me.get("phone").asText()).isEqualTo("+62" + customer.phone().substring(1));
        assertThat(me.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(me.get("supportOnly").asBoolean()).isFalse();
        // The same number in another format is the same account. Registering it again answers exactly as a new
        // registration does (ADR 0012: no account enumeration); no second account, the owner gets a message.
        String international = "+62 " + customer.phone().substring(1, 4) + " " + customer.phone().substring(4);
        Response fresh = client().post("/api/v1/auth/register", Map.of("phone", TestData.phone(), "name", "X Y",
                "password", TestData.PASSWORD));
        Response duplicate = client().post("/api/v1/auth/register", Map.of("phone", international, "name", "X Y",
                "password", "lain-sandi-yang-kuat-77"));
        assertThat(duplicate.status()).isEqualTo(fresh.status()).isEqualTo(202);
        assertThat(duplicate.body()).isEqualTo(fresh.body());
        assertThat(duplicate.body()).doesNotContain("taken");
        assertThat(client().signIn(international, TestData.PASSWORD)).isNotNull();
        assertThat(outbox.to("+62" + customer.phone().substring(1)))
                .anySatisfy(m -> assertThat(m.purpose()).isEqualTo("REGISTRATION_WITH_EXISTING_CONTACT"));
    }

    @Test
    void weakPasswordsAreRefusedWithTheReasonInTheCallersLanguage() {
        Map<String, String> body = Map.of("phone", TestData.phone(), "name", "Dewi Anggraini", "password", "password123");
        Response english = client().language("en").post("/api/v1/auth/register", body);
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.header("Content-Type")).startsWith("application/problem+json");
        assertThat(english.json().get("type").asText()).isEqualTo("/problems/password-weak");
        assertThat(english.json().get("errors").get(0).get("field").asText()).isEqualTo("password");
        assertThat(english.json().get("title").asText()).isEqualTo("Password too easy to guess");
        assertThat(client().language("id").post("/api/v1/auth/register", body).json().get("title").asText())
                .isEqualTo("Kata sandi terlalu mudah ditebak");
        assertThat(client().language("zh-CN").post("/api/v1/auth/register", body).json().get("title").asText())
                .isEqualTo("密码太容易被猜到");
        Response personal = client().post("/api/v1/auth/register", Map.of("phone", TestData.phone(),
                "name", "Dewi Anggraini", "password", "anggraini-suka-kopi"));
        assertThat(personal.json().get("type").asText()).isEqualTo("/problems/password-personal");
        Response shortOne = client().post("/api/v1/auth/register", Map.of("phone", TestData.phone(),
                "name", "Dewi Anggraini", "password", "x7#Kq"));
        assertThat(shortOne.json().get("detail").asText()).contains("10");
    }

    @Test
    void validationErrorsNameTheFields() {
        Response invalid = client().post("/api/v1/auth/register", Map.of("phone", "", "password", ""));
        assertThat(invalid.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        invalid.json().get("errors").forEach(e -> fields.add(e.get("field").asText()));
        assertThat(fields).contains("phone", "name", "password");
        Response malformed = client().post("/api/v1/auth/register", "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("type").asText()).isEqualTo("/problems/malformed-request");
        assertThat(malformed.body()).doesNotContain("Exception").doesNotContain("at io.");
    }

    @Test
    void fiveWrongPasswordsPauseSignInForFifteenMinutes() {
        Customer customer = registerCustomer();
        ApiClient attacker = client();
        Map<String, String> wrong = Map.of("grantType", "password", "identifier", customer.phone(), "password", "salah-sekali-123");
        for (int i = 1; i <= 4; i++) {
            Response attempt = attacker.post("/api/v1/auth/token", wrong);
            assertThat(attempt.status()).isEqualTo(401);
            assertThat(attempt.json().get("type").asText()).isEqualTo("/problems/invalid-credentials");
        }
        Response fifth = attacker.post("/api/v1/auth/token", wrong);
        assertThat(fifth.status()).isEqualTo(429);
        assertThat(fifth.json().get("type").asText()).isEqualTo("/problems/sign-in-blocked");
        assertThat(Long.parseLong(fifth.header("Retry-After"))).isBetween(800L, 900L);

        Map<String, String> right = Map.of("grantType", "password", "identifier", customer.phone(), "password", TestData.PASSWORD);
        assertThat(client().post("/api/v1/auth/token", right).status()).as("blocked even with the right password").isEqualTo(429);

        clock.advance(Duration.ofMinutes(16));
        assertThat(client().post("/api/v1/auth/token", right).status()).isEqualTo(200);
        assertThat(audit.recent(customer.id(), 50)).extracting(AuditTrail.AuditRecord::action).contains("SIGN_IN_BLOCKED");
    }

    @Test
    void eachClientAddressIsRateLimited() {
        ApiClient flood = client();
        Map<String, String> body = Map.of("grantType", "password", "identifier", TestData.phone(), "password", "x-y-z-1234567");
        // Fixed five-minute windows: 61 attempts exceed 30 in at least one window wherever the boundary falls.
        Response last = null;
        for (int i = 0; i < 61 && (last == null || last.status() != 429); i++) {
            last = flood.post("/api/v1/auth/token", body);
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.json().get("type").asText()).isEqualTo("/problems/rate-limited");
        assertThat(last.header("Retry-After")).isNotNull();
        // Another address is not affected.
        assertThat(client().post("/api/v1/auth/token", body).status()).isEqualTo(401);
    }

    @Test
    void totpProtectsSignInOnceEnabled() {
        Customer customer = registerCustomer();
        JsonNode setup = customer.api().post("/api/v1/me/2fa/setup", Map.of()).json();
        String secret = setup.get("secret").asText();
        assertThat(setup.get("otpauthUri").asText()).startsWith("otpauth://totp/WalletDesk:").contains("secret=" + secret);

        Response wrongFirst = customer.api().post("/api/v1/me/2fa/enable", Map.of("code", "000000"));
        assertThat(wrongFirst.status()).isEqualTo(400);
        long step = AuthenticatorApp.step(clock.instant());
        Response enabled = customer.api().post("/api/v1/me/2fa/enable", Map.of("code", AuthenticatorApp.code(secret, step)));
        assertThat(enabled.status()).as(enabled.body()).isEqualTo(200);
        List<String> recovery = new ArrayList<>();
        enabled.json().get("recoveryCodes").forEach(c -> recovery.add(c.asText()));
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();

        Map<String, String> password = Map.of("grantType", "password", "identifier", customer.email(), "password", TestData.PASSWORD);
        Response needsCode = client().post("/api/v1/auth/token", password);
        assertThat(needsCode.status()).isEqualTo(401);
        assertThat(needsCode.json().get("type").asText()).isEqualTo("/problems/second-factor-required");

        Response wrongCode = client().post("/api/v1/auth/token", with(password, "otp", "123456"));
        assertThat(wrongCode.status()).isEqualTo(401);
        assertThat(wrongCode.json().get("type").asText()).isEqualTo("/problems/invalid-second-factor");

        Response replay = client().post("/api/v1/auth/token", with(password, "otp", AuthenticatorApp.code(secret, step)));
        assertThat(replay.status()).as("a code already used cannot be replayed").isEqualTo(401);

        clock.advance(Duration.ofSeconds(30));
        Response withCode = client().post("/api/v1/auth/token",
                with(password, "otp", AuthenticatorApp.code(secret, AuthenticatorApp.step(clock.instant()))));
        assertThat(withCode.status()).isEqualTo(200);

        Response withRecovery = client().post("/api/v1/auth/token", with(password, "otp", recovery.get(0)));
        assertThat(withRecovery.status()).isEqualTo(200);
        Response recoveryAgain = client().post("/api/v1/auth/token", with(password, "otp", recovery.get(0)));
        assertThat(recoveryAgain.status()).as("recovery codes work once").isEqualTo(401);
        assertThat(audit.recent(customer.id(), 50)).extracting(AuditTrail.AuditRecord::action).contains("TWO_FACTOR_ENABLED");
    }

    @Test
    void lockedCustomerGetsASupportOnlySessionAndStaffRolesAreEnforced() {
        Customer customer = registerCustomer();
        ApiClient agent = staff(Role.AGENT);
        ApiClient supervisor = staff(Role.SUPERVISOR);

        Response locked = agent.post("/api/v1/staff/users/" + customer.id() + "/lock",
                Map.of("reason", "UNUSUAL_VELOCITY", "note", "Ten transfers in a minute"));
        assertThat(locked.status()).as(locked.body()).isEqualTo(200);
        assertThat(locked.json().get("status").asText()).isEqualTo("LOCKED");

        // The existing token now only reaches support: the change applies at once.
        JsonNode me = customer.api().language("id").get("/api/v1/me").json();
        assertThat(me.get("supportOnly").asBoolean()).isTrue();
        assertThat(me.get("statusExplanation").get("reasonCode").asText()).isEqualTo("UNUSUAL_VELOCITY");
        Response history = customer.api().get("/api/v1/me/sign-ins");
        assertThat(history.status()).isEqualTo(403);
        assertThat(history.json().get("type").asText()).isEqualTo("/problems/account-restricted");

        // A locked customer can still sign in, to a support-only session.
        Response signIn = client().post("/api/v1/auth/token", Map.of("grantType", "password",
                "identifier", customer.phone(), "password", TestData.PASSWORD));
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.json().get("supportOnly").asBoolean()).isTrue();

        Response agentUnlock = agent.post("/api/v1/staff/users/" + customer.id() + "/unlock", Map.of("note", "ok"));
        assertThat(agentUnlock.status()).as("agents cannot lift a lock").isEqualTo(403);
        Response unlocked = supervisor.post("/api/v1/staff/users/" + customer.id() + "/unlock", Map.of("note", "Verified by phone"));
        assertThat(unlocked.status()).isEqualTo(200);
        assertThat(customer.api().get("/api/v1/me/sign-ins").status()).isEqualTo(200);

        assertThat(audit.recent(customer.id(), 50)).extracting(AuditTrail.AuditRecord::action)
                .contains("ACCOUNT_LOCKED", "ACCOUNT_UNLOCKED");
        Response auditForAgent = agent.get("/api/v1/staff/audit?userId=" + customer.id());
        assertThat(auditForAgent.status()).as("the audit log is for supervisors").isEqualTo(403);
        assertThat(supervisor.get("/api/v1/staff/audit?userId=" + customer.id()).status()).isEqualTo(200);
    }

    @Test
    void aCustomerCannotReadAnotherCustomersData() {
        Customer alice = registerCustomer();
        Customer bob = registerCustomer();
        // Bob signs in from a new phone: he gets a notification.
        client().header("X-Device-Id", "bob-second-phone-01").signIn(bob.phone(), TestData.PASSWORD);
        JsonNode bobsNotifications = bob.api().get("/api/v1/me/notifications").json();
        long notificationId = -1;
        for (JsonNode n : bobsNotifications) {
            if (n.get("kind").asText().equals("NEW_DEVICE_SIGN_IN")) {
                notificationId = n.get("id").asLong();
            }
        }
        assertThat(notificationId).as("new-device notification").isPositive();

        assertThat(alice.api().post("/api/v1/me/notifications/" + notificationId + "/read", Map.of()).status())
                .isEqualTo(404);
        assertThat(alice.api().get("/api/v1/staff/users/" + bob.id()).status()).isEqualTo(403);
        assertThat(alice.api().get("/api/v1/staff/users/" + bob.id() + "/sign-ins").status()).isEqualTo(403);
        assertThat(alice.api().get("/api/v1/me").json().get("id").asLong()).isEqualTo(alice.id());
        assertThat(bob.api().get("/api/v1/me/notifications").json().get(0).has("readAt")).isFalse();
        assertThat(client().get("/api/v1/me").status()).isEqualTo(401);
        assertThat(client().bearer("wda_forged").get("/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void signInHistoryRecordsDeviceAndResult() {
        Customer customer = registerCustomer();
        client().post("/api/v1/auth/token", Map.of("grantType", "password", "identifier", customer.phone(),
                "password", "salah-sekali-123"));
        JsonNode history = customer.api().get("/api/v1/me/sign-ins").json();
        assertThat(history.get(0).get("result").asText()).isEqualTo("WRONG_PASSWORD");
        assertThat(history.get(1).get("result").asText()).isEqualTo("SUCCESS");
        assertThat(history.get(1).get("os").asText()).isEqualTo("Android 13");
        assertThat(history.get(1).get("browser").asText()).startsWith("Chrome");
        assertThat(history.get(1).get("ip").asText()).startsWith("10.");
    }

    @Test
    void changingTheEmailNeedsThePasswordAndACodeSentToTheNewAddress() {
        Customer customer = registerCustomer();
        String newEmail = TestData.email();
        Response wrongPassword = customer.api().post("/api/v1/me/contact-changes", Map.of("kind", "EMAIL",
                "newValue", newEmail, "password", "not-my-password-1"));
        assertThat(wrongPassword.status()).isEqualTo(400);
        assertThat(wrongPassword.json().get("field").asText()).isEqualTo("password");

        Response started = customer.api().post("/api/v1/me/contact-changes", Map.of("kind", "EMAIL",
                "newValue", newEmail, "password", TestData.PASSWORD));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        long changeId = started.json().get("id").asLong();
        String body = outbox.to(newEmail).get(0).body();
        Matcher code = Pattern.compile("\\b(\\d{6})\\b").matcher(body);
        assertThat(code.find()).isTrue();

        Response wrongCode = customer.api().post("/api/v1/me/contact-changes/" + changeId + "/confirm",
                Map.of("code", code.group(1).equals("000000") ? "111111" : "000000"));
        assertThat(wrongCode.status()).isEqualTo(400);
        Customer other = registerCustomer();
        assertThat(other.api().post("/api/v1/me/contact-changes/" + changeId + "/confirm", Map.of("code", code.group(1)))
                .status()).as("another user's change").isEqualTo(404);
        assertThat(customer.api().post("/api/v1/me/contact-changes/" + changeId + "/confirm", Map.of("code", code.group(1)))
                .status()).isEqualTo(204);
        assertThat(customer.api().get("/api/v1/me").json().get("email").asText()).isEqualTo(newEmail);
        assertThat(audit.recent(customer.id(), 20)).extracting(AuditTrail.AuditRecord::action).contains("CONTACT_CHANGED");
    }

    @Test
    void refreshTokensRotateAndAReusedOneRevokesTheFamily() {
        Customer customer = registerCustomer();
        JsonNode first = client().post("/api/v1/auth/token", Map.of("grantType", "password",
                "identifier", customer.phone(), "password", TestData.PASSWORD)).json();
        Response rotated = client().post("/api/v1/auth/token", Map.of("grantType", "refresh_token",
                "refreshToken", first.get("refreshToken").asText()));
        assertThat(rotated.status()).isEqualTo(200);
        Response reused = client().post("/api/v1/auth/token", Map.of("grantType", "refresh_token",
                "refreshToken", first.get("refreshToken").asText()));
        assertThat(reused.status()).isEqualTo(401);
        assertThat(client().bearer(rotated.json().get("accessToken").asText()).get("/api/v1/me").status())
                .as("the whole family is revoked after reuse").isEqualTo(401);
    }

    @Test
    void changingThePasswordSignsOtherAppsOut() {
        Customer customer = registerCustomer();
        ApiClient otherApp = client().signIn(customer.phone(), TestData.PASSWORD);
        Response changed = customer.api().post("/api/v1/me/password", Map.of("currentPassword", TestData.PASSWORD,
                "newPassword", "sepeda-merah-di-pasar-88"));
        assertThat(changed.status()).isEqualTo(204);
        assertThat(otherApp.get("/api/v1/me").status()).isEqualTo(401);
        assertThat(client().signIn(customer.phone(), "sepeda-merah-di-pasar-88")).isNotNull();
    }

    @Test
    void onlyAdminsCreateStaffAccounts() {
        ApiClient admin = staff(Role.ADMIN);
        ApiClient agent = staff(Role.AGENT);
        String email = TestData.email();
        Map<String, String> body = Map.of("email", email, "name", "Joko Widodo", "role", "SUPERVISOR",
                "password", "lantai-tiga-ruang-rapat-5");
        assertThat(agent.post("/api/v1/staff/team", body).status()).isEqualTo(403);
        Response created = admin.post("/api/v1/staff/team", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(client().signIn(email, "lantai-tiga-ruang-rapat-5").get("/api/v1/staff/audit").status())
                .as("the new supervisor reads the audit log").isEqualTo(200);
        Response weak = admin.post("/api/v1/staff/team", Map.of("email", TestData.email(), "name", "Ani",
                "role", "AGENT", "password", "password123"));
        assertThat(weak.json().get("type").asText()).isEqualTo("/problems/password-weak");
        // Staff accounts are invisible to non-admins.
        long supervisorId = created.json().get("userId").asLong();
        assertThat(agent.get("/api/v1/staff/users/" + supervisorId).status()).isEqualTo(404);
        assertThat(admin.get("/api/v1/staff/users/" + supervisorId).status()).isEqualTo(200);
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> copy = new java.util.HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
