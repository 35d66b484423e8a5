package io.walletdesk.chat.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.walletdesk.identity.Accounts;
import io.walletdesk.identity.LockAccount;
import io.walletdesk.identity.LockReason;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.ChatSocket;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chat token ends with the session that got it (issue 11: an agent's token still read a customer's
 * messages after logout): at sign-out (page and app), password change and account lock, before the answer.
 */
@WalletDeskTest
class ChatTokenRevocationTest {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    Registration registration;
    @Autowired
    ChatTokens chatTokens;
    @Autowired
    Accounts accounts;

    private final String ip = TestData.clientIp();

    record Customer(long id, String phone) {
    }

    Customer customer() {
        String phone = TestData.phone();
        long id = registration.register(new Registration.RegisterCustomer(phone, null, "Wulan Sari", "en",
                TestData.PASSWORD), ClientInfo.system());
        return new Customer(id, phone);
    }

    /** Whether the chat API accepts the token (it lists the holder's conversations). */
    int chatStatus(String token) {
        return new ApiClient(port).header("X-Chat-Token", token).get("/api/v1/chat/conversations").status();
    }

    @Test
    void signingOutOfThePagesEndsTheChatTokenAndTheOpenSocket() throws Exception {
        Customer customer = customer();
        MvcResult signedIn = mvc.perform(post("/login").with(csrf()).with(r -> {
            r.setRemoteAddr(ip);
            return r;
        }).param("identifier", customer.phone()).param("password", TestData.PASSWORD)).andReturn();
        Cookie session = signedIn.getResponse().getCookie("WDSESSION");
        assertThat(session).isNotNull();
        String body = mvc.perform(get("/chat/token").cookie(session)).andReturn().getResponse().getContentAsString();
        String token = JsonMapper.builder().build().readTree(body).get("token").asText();
        assertThat(chatStatus(token)).isEqualTo(200);

        try (ChatSocket socket = new ChatSocket(port)) {
            socket.send(Map.of("type", "hello", "token", token, "language", "en"));
            assertThat(socket.await("welcome")).isNotNull();

            mvc.perform(post("/logout").cookie(session).with(csrf()));

            assertThat(chatStatus(token)).as("token after sign-out").isEqualTo(401);
            try {
                socket.send(Map.of("type", "send", "clientMessageId", "after-logout", "body", "masih bisa?"));
            } catch (RuntimeException closedByTheServer) {
                // expected: the server closed the socket at sign-out
            }
            assertThat(socket.quietFor("ack", Duration.ofSeconds(2))).as("the open socket was closed").isTrue();
        }
        try (ChatSocket again = new ChatSocket(port)) {
            again.send(Map.of("type", "hello", "token", token));
            assertThat(again.await("error").get("code").asText()).isEqualTo("invalid-token");
        }
    }

    @Test
    void signingOutOfTheAppEndsTheChatTokens() {
        Customer customer = customer();
        String token = chatTokens.forCustomer(customer.id(), "Wulan Sari");
        ApiClient app = new ApiClient(port).signIn(customer.phone(), TestData.PASSWORD);
        assertThat(chatStatus(token)).isEqualTo(200);
        assertThat(app.post("/api/v1/auth/revoke", Map.of()).status()).isEqualTo(204);
        assertThat(chatStatus(token)).isEqualTo(401);
    }

    @Test
    void changingThePasswordEndsTheChatTokens() {
        Customer customer = customer();
        String token = chatTokens.forCustomer(customer.id(), "Wulan Sari");
        ApiClient app = new ApiClient(port).signIn(customer.phone(), TestData.PASSWORD);
        var changed = app.post("/api/v1/me/password", Map.of("currentPassword", TestData.PASSWORD,
                "newPassword", "kupu-kupu-malam-hari-93"));
        assertThat(changed.status()).as(changed.body()).isEqualTo(204);
        assertThat(chatStatus(token)).isEqualTo(401);
    }

    @Test
    void lockingTheAccountEndsTheChatTokensButNotOtherUsers() {
        Customer customer = customer();
        Customer other = customer();
        String token = chatTokens.forCustomer(customer.id(), "Wulan Sari");
        String othersToken = chatTokens.forCustomer(other.id(), "Wulan Sari");
        accounts.lock(new LockAccount(customer.id(), LockReason.FRAUD_INVESTIGATION, null, null));
        assertThat(chatStatus(token)).isEqualTo(401);
        assertThat(chatStatus(othersToken)).isEqualTo(200);
    }
}
