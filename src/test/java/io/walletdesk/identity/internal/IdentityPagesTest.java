package io.walletdesk.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.walletdesk.identity.AccountStatus;
import io.walletdesk.identity.Accounts;
import io.walletdesk.identity.LockAccount;
import io.walletdesk.identity.LockReason;
import io.walletdesk.identity.Role;
import io.walletdesk.identity.UnlockAccount;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.time.Duration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import jakarta.servlet.http.Cookie;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The server-rendered pages: sign-in flows, restricted sessions, languages, headers and error pages. */
@WalletDeskTest
class IdentityPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Registration registration;
    @Autowired
    Accounts accounts;
    @Autowired
    TwoFactor twoFactor;
    @Autowired
    MutableClock clock;

    private final String ip = TestData.clientIp();

    private RequestPostProcessor client() {
        return request -> {
            request.setRemoteAddr(ip);
            request.addHeader("User-Agent", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0 Safari/537.36");
            return request;
        };
    }

    private long customer(String phone) {
        return registration.register(new Registration.RegisterCustomer(phone, null, "Agus Salim", "en",
                TestData.PASSWORD), ClientInfo.system());
    }

    private Cookie signIn(String identifier, String password, String expectedRedirect) throws Exception {
        MvcResult result = mvc.perform(post("/login").with(client()).with(csrf())
                        .param("identifier", identifier).param("password", password))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(expectedRedirect))
                .andReturn();
        return sessionCookie(result);
    }

    /** Spring Session keeps the session in the database and identifies it by this cookie. */
    private static Cookie sessionCookie(MvcResult result) {
        Cookie cookie = result.getResponse().getCookie("WDSESSION");
        assertThat(cookie).as("session cookie").isNotNull();
        return cookie;
    }

    @Test
    void pagesSpeakTheVisitorsLanguage() throws Exception {
        mvc.perform(get("/login").header("Accept-Language", "zh-CN,zh;q=0.9"))
                .andExpect(content().string(Matchers.containsString("<h1>登录</h1>")))
                .andExpect(content().string(Matchers.containsString("lang=\"zh-CN\"")));
        mvc.perform(get("/login").header("Accept-Language", "id-ID"))
                .andExpect(content().string(Matchers.containsString("<h1>Masuk</h1>")));
        mvc.perform(get("/login").header("Accept-Language", "fr-FR"))
                .andExpect(content().string(Matchers.containsString("<h1>Sign in</h1>")));
        // An explicit choice wins over the browser's header.
        mvc.perform(get("/login").header("Accept-Language", "zh-CN").cookie(new jakarta.servlet.http.Cookie("wd_lang", "id")))
                .andExpect(content().string(Matchers.containsString("<h1>Masuk</h1>")));
    }

    @Test
    void registrationShowsWhyAPasswordIsRefusedAndKeepsTheOtherFields() throws Exception {
        String phone = TestData.phone();
        mvc.perform(post("/register").with(client()).with(csrf()).header("Accept-Language", "id")
                        .param("phone", phone).param("name", "Agus Salim").param("language", "id")
                        .param("password", "password123"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("Kata sandi ini terlalu mudah ditebak")))
                .andExpect(content().string(Matchers.containsString("value=\"" + phone + "\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("password123"))));
    }

    @Test
    void registrationSignsTheCustomerIn() throws Exception {
        MvcResult result = mvc.perform(post("/register").with(client()).with(csrf())
                        .param("phone", TestData.phone()).param("name", "Agus Salim").param("language", "en")
                        .param("password", TestData.PASSWORD))
                .andExpect(redirectedUrl("/account?welcome"))
                .andReturn();
        mvc.perform(get("/account").cookie(sessionCookie(result)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Hello, Agus Salim")));
    }

    @Test
    void wrongPasswordsArePausedAfterFive() throws Exception {
        String phone = TestData.phone();
        customer(phone);
        for (int i = 0; i < 4; i++) {
            mvc.perform(post("/login").with(client()).with(csrf()).param("identifier", phone).param("password", "salah-salah-12"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().string(Matchers.containsString("not right")));
        }
        mvc.perform(post("/login").with(client()).with(csrf()).param("identifier", phone).param("password", "salah-salah-12"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().exists("Retry-After"))
                .andExpect(content().string(Matchers.containsString("try again in 15 minutes")));
    }

    @Test
    void aLockedCustomerReachesSupportAndNothingElse() throws Exception {
        String phone = TestData.phone();
        long id = customer(phone);
        accounts.lock(new LockAccount(id, LockReason.FRAUD_INVESTIGATION, "test", null));
        Cookie session = signIn(phone, TestData.PASSWORD, "/account/status");
        mvc.perform(get("/account/status").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Your account is locked")))
                .andExpect(content().string(Matchers.containsString("Our team is checking activity reported as fraud.")));
        mvc.perform(get("/support").cookie(session))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"support-restricted\"")));
        for (String page : new String[] {"/account", "/account/security", "/account/password", "/wallet"}) {
            mvc.perform(get(page).cookie(session)).andExpect(redirectedUrl("/account/status"));
        }
        mvc.perform(get("/staff").cookie(session)).andExpect(redirectedUrl("/account/status"));
        // ...except identity verification, which is how a locked customer unlocks themselves.
        mvc.perform(get("/account/status").cookie(session))
                .andExpect(content().string(Matchers.containsString("id=\"verify-identity\"")));
        mvc.perform(get("/wallet/verify").cookie(session)).andExpect(status().isOk());
    }

    @Test
    void aLockTakesEffectOnAnOpenSession() throws Exception {
        String phone = TestData.phone();
        long id = customer(phone);
        Cookie session = signIn(phone, TestData.PASSWORD, "/account");
        mvc.perform(get("/account/security").cookie(session)).andExpect(status().isOk());
        accounts.lock(new LockAccount(id, LockReason.CUSTOMER_REQUEST, "lost phone", null));
        mvc.perform(get("/account/security").cookie(session)).andExpect(redirectedUrl("/account/status"));
        accounts.unlock(new UnlockAccount(id, "found it", null));
        mvc.perform(get("/account/security").cookie(session)).andExpect(status().isOk());
    }

    @Test
    void secondFactorIsAskedAfterThePassword() throws Exception {
        String phone = TestData.phone();
        long id = customer(phone);
        String secret = twoFactor.start(id).secret();
        twoFactor.enable(id, Totp.code(secret, Totp.step(clock.instant())), ClientInfo.system());
        Cookie pending = signIn(phone, TestData.PASSWORD, "/login/2fa");
        mvc.perform(get("/account").cookie(pending)).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/login/2fa").cookie(pending).with(client()).with(csrf()).param("code", "000000"))
                .andExpect(status().isUnauthorized());
        clock.advance(Duration.ofSeconds(30));
        MvcResult done = mvc.perform(post("/login/2fa").cookie(pending).with(client()).with(csrf())
                        .param("code", Totp.code(secret, Totp.step(clock.instant()))))
                .andExpect(redirectedUrl("/account")).andReturn();
        mvc.perform(get("/account/security").cookie(sessionCookie(done)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Two-step verification is on. 10 recovery codes left.")));
    }

    @Test
    void staffPagesNeedAStaffRole() throws Exception {
        String phone = TestData.phone();
        long id = customer(phone);
        Cookie customerSession = signIn(phone, TestData.PASSWORD, "/account");
        mvc.perform(get("/staff/users/" + id).cookie(customerSession)).andExpect(status().isForbidden());

        String agentEmail = TestData.email();
        registration.createStaff(Role.AGENT, agentEmail, "Nina Agen", "meja-bantuan-pagi-77", null, ClientInfo.system());
        Cookie agent = signIn(agentEmail, "meja-bantuan-pagi-77", "/staff");
        mvc.perform(get("/staff/users/" + id).cookie(agent))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Agus Salim")));
        mvc.perform(post("/staff/users/" + id + "/lock").cookie(agent).with(client()).with(csrf())
                        .param("reason", "FRAUD_INVESTIGATION").param("note", "reported"))
                .andExpect(redirectedUrl("/staff/users/" + id));
        assertThat(accounts.find(id).orElseThrow().status()).isEqualTo(AccountStatus.LOCKED);
        mvc.perform(post("/staff/users/" + id + "/unlock").cookie(agent).with(client()).with(csrf()).param("note", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/audit").cookie(agent)).andExpect(status().isForbidden());
    }

    @Test
    void formsNeedACsrfTokenAndPagesCarrySecurityHeaders() throws Exception {
        mvc.perform(post("/login").with(client()).param("identifier", "x").param("password", "y"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", Matchers.containsString("frame-ancestors 'none'")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"));
        mvc.perform(get("/account")).andExpect(redirectedUrl("/login"));
    }

    @Test
    void errorPagesAreTranslatedAndNeverShowAStackTrace() throws Exception {
        String phone = TestData.phone();
        customer(phone);
        Cookie session = signIn(phone, TestData.PASSWORD, "/account");
        mvc.perform(post("/notifications/999999999/read").cookie(session).with(csrf()).header("Accept-Language", "zh-CN"))
                .andExpect(status().isNotFound())
                // The account's own language (English here) wins over the browser's Accept-Language.
                .andExpect(content().string(Matchers.containsString("<h1>Not found</h1>")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Exception"))));
    }

    @Test
    void theLanguageSwitcherRemembersTheChoiceOnTheAccount() throws Exception {
        String phone = TestData.phone();
        long id = customer(phone);
        Cookie session = signIn(phone, TestData.PASSWORD, "/account");
        mvc.perform(post("/language").cookie(session).with(csrf()).param("lang", "zh-CN").param("back", "//evil.example"))
                .andExpect(redirectedUrl("/"));
        assertThat(accounts.find(id).orElseThrow().language().tag()).isEqualTo("zh-CN");
        mvc.perform(get("/account").cookie(session).header("Accept-Language", "en"))
                .andExpect(content().string(Matchers.containsString("您好，Agus Salim")));
    }

    @Test
    void changingThePasswordEndsTheOtherSessions() throws Exception {
        String phone = TestData.phone();
        customer(phone);
        Cookie laptop = signIn(phone, TestData.PASSWORD, "/account");
        Cookie phoneSession = signIn(phone, TestData.PASSWORD, "/account");
        mvc.perform(post("/account/password").cookie(phoneSession).with(client()).with(csrf())
                        .param("currentPassword", TestData.PASSWORD).param("newPassword", "layang-layang-biru-31"))
                .andExpect(redirectedUrl("/account/security"));
        mvc.perform(get("/account").cookie(phoneSession)).andExpect(status().isOk());
        mvc.perform(get("/account").cookie(laptop)).andExpect(redirectedUrl("/login"));
    }

    @Autowired
    io.walletdesk.shared.outbox.OutboundMessages outbox;

    @Test
    void contactChangeAndNotificationsWorkThroughThePages() throws Exception {
        String phone = TestData.phone();
        customer(phone);
        Cookie session = signIn(phone, TestData.PASSWORD, "/account");
        String newEmail = TestData.email();
        mvc.perform(post("/account/contact").cookie(session).with(client()).with(csrf()).header("Accept-Language", "id")
                        .param("kind", "EMAIL").param("newValue", newEmail).param("password", "bukan-sandi-saya-1"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("The password you entered is not right.")));
        MvcResult started = mvc.perform(post("/account/contact").cookie(session).with(client()).with(csrf())
                        .param("kind", "EMAIL").param("newValue", newEmail).param("password", TestData.PASSWORD))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("We sent a 6-digit code")))
                .andReturn();
        java.util.regex.Matcher action = java.util.regex.Pattern.compile("/account/contact/(\\d+)/confirm")
                .matcher(started.getResponse().getContentAsString());
        assertThat(action.find()).isTrue();
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(outbox.to(newEmail).get(0).body());
        assertThat(code.find()).isTrue();
        mvc.perform(post("/account/contact/" + action.group(1) + "/confirm").cookie(session).with(client()).with(csrf())
                        .param("code", code.group(1)))
                .andExpect(redirectedUrl("/account/security"));
        mvc.perform(get("/account").cookie(session)).andExpect(content().string(Matchers.containsString(newEmail)));
        mvc.perform(get("/notifications").cookie(session))
                .andExpect(content().string(Matchers.containsString("Your e-mail address was changed")));
    }

    @Test
    void theContactFormChangesThePhoneOnlyWhenPhoneIsChosen() throws Exception {
        String phone = TestData.phone();
        customer(phone);
        Cookie session = signIn(phone, TestData.PASSWORD, "/account");
        // Anything but PHONE (empty, another spelling) means an e-mail change, so a phone number is refused.
        for (String kind : new String[] {"", "phone", "SMS"}) {
            mvc.perform(post("/account/contact").cookie(session).with(client()).with(csrf())
                            .param("kind", kind).param("newValue", TestData.phone()).param("password", TestData.PASSWORD))
                    .andExpect(status().isBadRequest());
        }
        mvc.perform(post("/account/contact").cookie(session).with(client()).with(csrf())
                        .param("kind", "PHONE").param("newValue", TestData.phone()).param("password", TestData.PASSWORD))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("We sent a 6-digit code")));
    }
}
