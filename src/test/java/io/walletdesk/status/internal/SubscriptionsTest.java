package io.walletdesk.status.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.walletdesk.shared.outbox.OutboundMessage;
import io.walletdesk.shared.outbox.OutboundMessages;
import io.walletdesk.testing.MutableClock;
import io.walletdesk.testing.TestData;
import io.walletdesk.testing.WalletDeskTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** E-mail subscriptions: double opt-in, per component, notified on every update and on resolution, one-click out. */
@WalletDeskTest
class SubscriptionsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OutboundMessages outbox;
    @Autowired
    StatusAdmin admin;
    @Autowired
    MutableClock clock;

    private final String ip = TestData.clientIp();

    private RequestPostProcessor client() {
        return request -> {
            request.setRemoteAddr(ip);
            return request;
        };
    }

    @Test
    void aConfirmedSubscriberHearsOfEveryUpdateOfItsComponentsUntilUnsubscribing() throws Exception {
        String email = "Watcher." + System.nanoTime() + "@Example.com";
        String address = email.toLowerCase();
        mvc.perform(post("/status/subscribe").with(client()).with(csrf()).header("Accept-Language", "id")
                        .param("email", email).param("components", "transfers"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Periksa kotak masuk")));
        OutboundMessage confirmation = outbox.to(address).get(0);
        assertThat(confirmation.purpose()).isEqualTo("STATUS_SUBSCRIPTION_CONFIRM");
        assertThat(confirmation.subject()).contains("Konfirmasi");
        String token = token(confirmation.body());

        String before = StatusFixtures.incident(admin, "Transfers slow", "transfers", ComponentStatus.DEGRADED_PERFORMANCE);
        assertThat(updates(address)).as("not confirmed yet: no mail").isEmpty();

        mvc.perform(get("/status/subscriptions/confirm").param("token", token))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"token\"")));
        assertThat(updates(address)).as("opening the link alone confirms nothing").isEmpty();
        mvc.perform(post("/status/subscriptions/confirm").with(csrf()).param("token", token).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("subscription is confirmed")));
        mvc.perform(post("/status/subscriptions/confirm").with(csrf()).param("token", token))
                .andExpect(status().isBadRequest());

        admin.addUpdate(before, new StatusAdmin.NewUpdate(IncidentStatus.MONITORING, StatusFixtures.texts("Fix deployed"),
                Map.of(), true), StatusAdmin.Actor.system());
        StatusFixtures.incident(admin, "Chat slow", "live-chat", ComponentStatus.DEGRADED_PERFORMANCE);
        admin.addUpdate(before, new StatusAdmin.NewUpdate(IncidentStatus.RESOLVED, StatusFixtures.texts("All good"),
                Map.of(), true), StatusAdmin.Actor.system());
        admin.addUpdate(before, new StatusAdmin.NewUpdate(IncidentStatus.POSTMORTEM, StatusFixtures.texts("Quiet note"),
                Map.of(), false), StatusAdmin.Actor.system());

        List<OutboundMessage> updates = updates(address);
        assertThat(updates).as("monitoring and resolved, in Indonesian; not the chat incident nor the silent note")
                .hasSize(2);
        assertThat(updates.get(0).subject()).contains("Transfers slow (ID)", "Selesai");
        assertThat(updates.get(0).body()).contains("All good (ID)", "/status/incidents/" + before);
        assertThat(updates.get(1).body()).contains("Fix deployed (ID)", "Dipantau");

        String unsubscribe = token(updates.get(0).body());
        mvc.perform(get("/status/subscriptions/unsubscribe").param("token", unsubscribe))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Unsubscribe")));
        mvc.perform(post("/status/subscriptions/unsubscribe").with(csrf()).param("token", unsubscribe))
                .andExpect(status().isOk()).andExpect(content().string(containsString("You are unsubscribed")));
        StatusFixtures.incident(admin, "Transfers down", "transfers", ComponentStatus.MAJOR_OUTAGE);
        assertThat(updates(address)).hasSize(2);
    }

    @Test
    void subscribingAgainRevealsNothingAndAnExpiredLinkFails() throws Exception {
        String email = "again." + System.nanoTime() + "@example.com";
        mvc.perform(post("/status/subscribe").with(client()).with(csrf()).param("email", email))
                .andExpect(status().isOk());
        String token = token(outbox.to(email).get(0).body());
        clock.advance(Subscriptions.CONFIRMATION_TTL.plus(Duration.ofMinutes(1)));
        mvc.perform(post("/status/subscriptions/confirm").with(csrf()).param("token", token))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("expired")));

        mvc.perform(post("/status/subscribe").with(client()).with(csrf()).param("email", email))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Check your inbox")));
        String fresh = token(outbox.to(email).get(0).body());
        mvc.perform(post("/status/subscriptions/confirm").with(csrf()).param("token", fresh)).andExpect(status().isOk());
        mvc.perform(post("/status/subscribe").with(client()).with(csrf()).param("email", email))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Check your inbox")));
        assertThat(outbox.to(email).get(0).purpose()).isEqualTo("STATUS_SUBSCRIPTION");
        assertThat(outbox.to(email).get(0).body()).contains("/status/subscriptions/unsubscribe?token=");
    }

    @Test
    void followingOneIncidentEndsWithItsResolution() throws Exception {
        String incident = StatusFixtures.incident(admin, "Help centre slow", "help-centre",
                ComponentStatus.DEGRADED_PERFORMANCE);
        String other = StatusFixtures.incident(admin, "Help centre search broken", "help-centre",
                ComponentStatus.PARTIAL_OUTAGE);
        mvc.perform(get("/status/incidents/" + incident).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("问题解决时通知我")))
                .andExpect(content().string(containsString("name=\"incident\" value=\"" + incident + "\"")));
        String email = "follow." + System.nanoTime() + "@example.com";
        mvc.perform(post("/status/subscribe").with(client()).with(csrf()).param("email", email)
                        .param("incident", incident))
                .andExpect(status().isOk());
        mvc.perform(post("/status/subscriptions/confirm").with(csrf()).param("token", token(outbox.to(email).get(0).body())))
                .andExpect(status().isOk());

        admin.addUpdate(other, new StatusAdmin.NewUpdate(IncidentStatus.MONITORING, StatusFixtures.texts("Other"),
                Map.of(), true), StatusAdmin.Actor.system());
        assertThat(updates(email)).as("only the followed incident, not its component").isEmpty();
        admin.addUpdate(incident, new StatusAdmin.NewUpdate(IncidentStatus.RESOLVED, StatusFixtures.texts("Fast again"),
                Map.of(), true), StatusAdmin.Actor.system());
        assertThat(updates(email)).hasSize(1);
        admin.addUpdate(incident, new StatusAdmin.NewUpdate(IncidentStatus.POSTMORTEM, StatusFixtures.texts("Report"),
                Map.of(), true), StatusAdmin.Actor.system());
        StatusFixtures.incident(admin, "Everything down", "wallet-app", ComponentStatus.MAJOR_OUTAGE);
        assertThat(updates(email)).as("following ended with the resolution").hasSize(1);
        mvc.perform(post("/status/subscribe").with(client()).with(csrf()).param("email", email)
                        .param("incident", "nosuchincident"))
                .andExpect(status().isNotFound());
    }

    @Test
    void badAddressesAndUnknownComponentsAreRefused() throws Exception {
        mvc.perform(post("/status/subscribe").with(client()).with(csrf()).param("email", "not-an-address"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("valid e-mail address")));
        mvc.perform(post("/status/subscribe").with(client()).with(csrf()).param("email", "x" + System.nanoTime()
                        + "@example.com").param("components", "no-such-thing"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/status/subscriptions/unsubscribe").with(csrf()).param("token", "forged"))
                .andExpect(status().isOk());
    }

    private List<OutboundMessage> updates(String address) {
        return outbox.to(address).stream().filter(m -> m.purpose().equals("STATUS_UPDATE")).toList();
    }

    private static String token(String body) {
        return body.substring(body.lastIndexOf("token=") + 6).split("\\s")[0];
    }
}
