package io.walletdesk.support.intake;

import static org.assertj.core.api.Assertions.assertThat;


import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.WalletDeskTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * On PostgreSQL: a message the database refuses is never "kept safe" (it is a 400 at once), and an entry that
 * PostgreSQL refuses on replay no longer blocks every entry after it.
 */
@WalletDeskTest
class IntakePoisonPostgresTest {

    @LocalServerPort
    int port;
    @Autowired
    JournalingIntake intake;
    @Autowired
    IntakeJournal journal;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Environment environment;
    @Autowired
    MockMvc mvc;

    private long conversation(ApiClient customer) {
        String token = customer.post("/api/v1/chat/visitors", Map.of("name", "Rani")).json().get("token").asText();
        customer.header("X-Chat-Token", token);
        return customer.post("/api/v1/chat/conversations", Map.of()).json().get("id").asLong();
    }

    private List<String> bodies(long conversation) {
        return jdbc.sql("SELECT body FROM conversation_messages WHERE conversation_id = :id ORDER BY seq")
                .param("id", conversation).query(String.class).list();
    }

    @Test
    void aNulInAChatMessageIsA400NamingTheFieldNotAKeptMessage() {
        ApiClient customer = new ApiClient(port);
        long id = conversation(customer);
        int pendingBefore = journal.pending().size();
        ApiClient.Response sent = customer.post("/api/v1/chat/conversations/" + id + "/messages",
                Map.of("clientMessageId", "nul-1", "body", "Top-up \u0000 failed"));
        assertThat(sent.status()).as(sent.body()).isEqualTo(400);
        assertThat(sent.header("Content-Type")).contains("application/problem+json");
        assertThat(sent.json().get("errors").get(0).get("field").asText()).isEqualTo("body");
        ApiClient.Response left = customer.post("/api/v1/chat/leave-message",
                Map.of("body", "Call me\u0000", "email", "rani@example.org"));
        assertThat(left.status()).as(left.body()).isEqualTo(400);
        assertThat(journal.pending()).as("nothing journaled").hasSize(pendingBefore);
        assertThat(bodies(id)).isEmpty();
    }

    @Test
    void theLeaveAMessageFormStoresOnPostgresAndRejectsNul() throws Exception {
        String marker = UUID.randomUUID().toString();
        var ok = mvc.perform(MockMvcRequestBuilders.post("/support/message")
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("name", "Rani").param("email", "rani@example.org").param("body", "Form " + marker))
                .andReturn().getResponse();
        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(ok.getContentAsString()).contains("id=\"message-received\"").doesNotContain("id=\"message-journaled\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM conversation_messages WHERE body = :b").param("b", "Form " + marker)
                .query(Long.class).single()).isEqualTo(1);

        int pendingBefore = journal.pending().size();
        // The web edge refuses a NUL before the form is read (its error page is the edge's to test; MockMvc has no
        // error dispatch to render it): a 400, and nothing journaled.
        var nul = mvc.perform(MockMvcRequestBuilders.post("/support/message")
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("name", "Rani").param("email", "rani@example.org").param("body", "Form\u0000" + marker))
                .andReturn().getResponse();
        assertThat(nul.getStatus()).isEqualTo(400);
        // Refused by the edge guard before the controller (its translated page is the container's error dispatch,
        // which MockMvc does not perform; EdgeInputTest checks it over HTTP).
        assertThat(nul.getContentAsString()).doesNotContain("id=\"message-journaled\"");
        assertThat(journal.pending()).hasSize(pendingBefore);
    }

    @Test
    void aPoisonEntryInTheMiddleOfTheJournalIsSetAsideAndTheOtherNineteenArriveOnce() throws Exception {
        ApiClient customer = new ApiClient(port);
        long id = conversation(customer);
        String run = UUID.randomUUID().toString().substring(0, 8);
        String visitor = jdbc.sql("SELECT visitor_id FROM conversations WHERE id = :id").param("id", id)
                .query(String.class).single();
        // As an earlier version journaled it: a NUL in the body, which PostgreSQL refuses in text.
        for (int i = 1; i <= 20; i++) {
            journal.append(new JournalEntry("P-" + run + "-" + i, JournalEntry.Kind.MESSAGE, id, JournalEntry.ParticipantKind.VISITOR, null, visitor, "Rani",
                    "poison-" + run + "-" + i, i == 10 ? "Poison \u0000 " + i : "Journaled " + i, "CHAT", null, null, "en",
                    "203.0.113.9", "", null, null, Instant.now()));
        }
        for (int round = 0; round < 4; round++) {
            intake.replay();
        }
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            if (i != 10) {
                expected.add("Journaled " + i);
            }
        }
        assertThat(bodies(id)).as("the other 19, each once, in order").containsExactlyElementsOf(expected);
        assertThat(journal.pending()).extracting(JournalEntry::id).doesNotContain("P-" + run + "-10");
        assertThat(intake.deadLetters()).anySatisfy(dead -> {
            assertThat(dead.entry().id()).isEqualTo("P-" + run + "-10");
            assertThat(dead.entry().body()).isEqualTo("Poison \u0000 10");
        });
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'INTAKE_DEAD_LETTERED' AND details LIKE :d")
                .param("d", "%P-" + run + "-10%").query(Long.class).single()).isEqualTo(1);

        // Staff see it where they work, not only in the logs.
        String email = io.walletdesk.testing.TestData.email();
        registration.createStaff(io.walletdesk.identity.Role.AGENT, email, "Agent Dewi", "agen-sabar-sekali-77", null,
                io.walletdesk.shared.web.ClientInfo.system());
        var session = mvc.perform(MockMvcRequestBuilders.post("/login")
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .with(r -> {
                            r.setRemoteAddr(io.walletdesk.testing.TestData.clientIp());
                            return r;
                        }).param("identifier", email).param("password", "agen-sabar-sekali-77"))
                .andReturn().getResponse().getCookie("WDSESSION");
        var inbox = mvc.perform(MockMvcRequestBuilders.get("/staff/inbox")
                .cookie(session)).andReturn().getResponse();
        assertThat(inbox.getStatus()).isEqualTo(200);
        assertThat(inbox.getContentAsString()).contains("id=\"dead-letters\"");
    }

    @Autowired
    io.walletdesk.identity.internal.Registration registration;
}
