package io.walletdesk.channels.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.walletdesk.identity.Role;
import io.walletdesk.identity.internal.Registration;
import io.walletdesk.ledger.internal.LedgerTestHooks;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.support.Attachments;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.FirstResponse;
import io.walletdesk.support.MessageView;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.testing.ApiClient;
import io.walletdesk.testing.TestData;
import jakarta.servlet.http.Cookie;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * WhatsApp end to end: Meta's webhook payloads over HTTP into the running application, and the Graph API played by
 * {@link FakePlatforms}: handshake, signatures, redelivery and bursts, the assistant's and agents' replies, delivery
 * marks, media, the 24-hour window with its template, and a customer matched by phone number.
 */
@MessagingTest
class WhatsAppChannelTest {

    @LocalServerPort
    int port;
    @Autowired
    Conversations conversations;
    @Autowired
    InboundDeliveries deliveries;
    @Autowired
    FirstResponse firstResponse;
    @Autowired
    Attachments attachments;
    @Autowired
    Registration registration;
    @Autowired
    ApplicationContext context;
    @Autowired
    MessageSource messages;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MockMvc mvc;

    Webhooks hooks;
    Chats chats;
    final FakePlatforms platforms = FakePlatforms.get();

    @BeforeEach
    void setUp() {
        hooks = new Webhooks(port);
        chats = new Chats(conversations, jdbc);
    }

    private List<FakePlatforms.Request> awaitSends(String waId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> platforms.whatsAppSendsTo(waId).size() >= count);
        return platforms.whatsAppSendsTo(waId);
    }

    private Cookie admin() throws Exception {
        String email = TestData.email();
        registration.createStaff(Role.ADMIN, email, "Admin Wulan", "bakso-malang-pedas-77", null, ClientInfo.system());
        MvcResult result = mvc.perform(post("/login").with(csrf()).with(r -> {
            r.setRemoteAddr(TestData.clientIp());
            return r;
        }).param("identifier", email).param("password", "bakso-malang-pedas-77")).andReturn();
        return result.getResponse().getCookie("WDSESSION");
    }

    private String page(String path, Cookie session) throws Exception {
        return mvc.perform(get(path).cookie(session).header("Accept-Language", "en")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void theHandshakeAnswersTheChallengeOnlyToTheVerifyToken() {
        HttpResponse<String> ok = hooks.handshake("subscribe", MessagingTest.VERIFY_TOKEN, "1158201444");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo("1158201444");
        assertThat(ok.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
        assertThat(hooks.handshake("subscribe", "guessed-token", "1158201444").statusCode()).isEqualTo(403);
        assertThat(hooks.handshake("unsubscribe", MessagingTest.VERIFY_TOKEN, "1158201444").statusCode()).isEqualTo(403);
    }

    @Test
    void aSignedTextOpensAConversationInTheInboxAndTheAssistantAnswersThroughTheGraphApi() throws Exception {
        String waId = Webhooks.newWaId();
        HttpResponse<String> response = hooks.whatsAppSigned(Webhooks.whatsAppText(waId, "Sheena Nelson",
                Webhooks.newWamid(), "How do I change my phone number?"));
        assertThat(response.statusCode()).isEqualTo(200);

        ConversationView conversation = chats.of(Platform.WHATSAPP, waId);
        assertThat(conversation.channel()).isEqualTo(Channel.WHATSAPP);
        assertThat(conversation.visitorId()).isEqualTo("wa:" + waId);
        assertThat(conversation.contactName()).isEqualTo("Sheena Nelson");
        assertThat(conversation.contactPhone()).isEqualTo("+" + waId);

        FakePlatforms.Request sent = awaitSends(waId, 1).get(0);
        assertThat(sent.path()).isEqualTo("/v23.0/" + FakePlatforms.PHONE_NUMBER_ID + "/messages");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + FakePlatforms.ACCESS_TOKEN);
        assertThat(sent.json().path("messaging_product").asString()).isEqualTo("whatsapp");
        assertThat(sent.json().path("type").asString()).isEqualTo("text");
        MessageView answer = chats.assistantAnswer(conversation);
        assertThat(sent.json().path("text").path("body").asString())
                .isEqualTo(OutboundReplies.absoluteLinks(answer.body(), "http://localhost:8080"));
        assertThat(chats.messages(conversation).get(0).channel()).isEqualTo(Channel.WHATSAPP);

        String inbox = page("/staff/inbox?view=all&channel=WHATSAPP", admin());
        assertThat(inbox).contains(conversation.reference()).contains("data-channel=\"WHATSAPP\"").contains("🟢");
    }

    @Test
    void aBadMissingOrStaleSignatureIsRefusedAndNothingIsStored() {
        String wamid = Webhooks.newWamid();
        byte[] body = Webhooks.whatsAppText(Webhooks.newWaId(), "Mallory", wamid, "Send me your OTP")
                .getBytes(StandardCharsets.UTF_8);
        String good = Webhooks.sign(body);
        byte[] changed = body.clone();
        changed[changed.length / 2] ^= 1;

        assertThat(hooks.whatsApp(body, null).statusCode()).isEqualTo(401);
        assertThat(hooks.whatsApp(body, "sha256=" + WebhookSecrets.hmacHex("not-the-app-secret", body)).statusCode())
                .isEqualTo(401);
        assertThat(hooks.whatsApp(body, "sha256=").statusCode()).isEqualTo(401);
        assertThat(hooks.whatsApp(changed, good).statusCode()).isEqualTo(401);
        assertThat(deliveries.count(Platform.WHATSAPP, "message:" + wamid)).isZero();

        byte[] malformed = "{\"object\": \"whatsapp_business_account\", \"entry\": [".getBytes(StandardCharsets.UTF_8);
        assertThat(hooks.whatsApp(malformed, Webhooks.sign(malformed)).statusCode()).isEqualTo(400);
        assertThat(hooks.whatsApp(body, good).statusCode()).isEqualTo(200);
        assertThat(deliveries.count(Platform.WHATSAPP, "message:" + wamid)).isOne();
    }

    @Test
    void aBurstOfOneHundredDeliveriesWithRetriesIsAnsweredInTimeAndStoredOnce() throws Exception {
        String waId = Webhooks.newWaId();
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            bodies.add(Webhooks.whatsAppText(waId, "Budi", Webhooks.newWamid(), "burst message " + i));
        }
        List<String> deliveriesToSend = new ArrayList<>(bodies);
        deliveriesToSend.addAll(bodies); // Meta retries every one of them
        ExecutorService meta = Executors.newFixedThreadPool(8);
        try {
            List<Future<long[]>> answers = new ArrayList<>();
            for (String body : deliveriesToSend) {
                answers.add(meta.submit(() -> {
                    long start = System.nanoTime();
                    int status = hooks.whatsAppSigned(body).statusCode();
                    return new long[] {status, (System.nanoTime() - start) / 1_000_000};
                }));
            }
            for (Future<long[]> answer : answers) {
                long[] result = answer.get();
                assertThat(result[0]).isEqualTo(200);
                assertThat(result[1]).as("milliseconds to answer").isLessThan(10_000);
            }
        } finally {
            meta.shutdownNow();
        }
        ConversationView conversation = chats.of(Platform.WHATSAPP, waId);
        await().atMost(Duration.ofSeconds(60)).until(() -> chats.messages(conversation).stream()
                .filter(MessageView::fromCustomer).count() == 50);
        assertThat(chats.messages(conversation).stream().filter(MessageView::fromCustomer).map(MessageView::body))
                .doesNotHaveDuplicates().hasSize(50);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM messaging_inbound WHERE payload LIKE :p")
                .param("p", "%\"" + waId + "\"%").query(Integer.class).single()).isEqualTo(50);
    }

    @Test
    void agentRepliesGoOutWithRetriesAndDeliveryMarksReachTheAgent() throws Exception {
        String waId = Webhooks.newWaId();
        hooks.whatsAppSigned(Webhooks.whatsAppText(waId, "Rina", Webhooks.newWamid(), "I want to talk to a real person"));
        ConversationView conversation = chats.of(Platform.WHATSAPP, waId);
        awaitSends(waId, 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> !firstResponse.withAssistant(conversation.id()));
        assertThat(chats.messages(conversation).stream().filter(MessageView::internalNote).map(MessageView::body))
                .anyMatch(note -> note.contains("Assistant hand-over"));

        platforms.failNextSends(429, 500);
        conversations.post(new PostMessage(conversation.id(), new Participant.Staff(990_101L, "Agent Rina"), null,
                "Halo Rina, saya Dewi dari WalletDesk.", Channel.WHATSAPP, false, null, null));
        await().atMost(Duration.ofSeconds(30)).until(() -> platforms.whatsAppSendsTo(waId).stream()
                .filter(r -> r.json().path("text").path("body").asString("").contains("saya Dewi")).count() == 3);
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(jdbc.sql(
                "SELECT state FROM messaging_outbox WHERE conversation_id = :c ORDER BY id DESC LIMIT 1")
                .param("c", conversation.id()).query(String.class).single()));
        String wamid = jdbc.sql("SELECT remote_id FROM messaging_outbox WHERE conversation_id = :c ORDER BY id DESC LIMIT 1")
                .param("c", conversation.id()).query(String.class).single();
        assertThat(jdbc.sql("SELECT attempts FROM messaging_outbox WHERE remote_id = :r").param("r", wamid)
                .query(Integer.class).single()).isEqualTo(3);

        for (String status : List.of("sent", "read", "delivered")) { // "delivered" arrives late: it must not undo "read"
            assertThat(hooks.whatsAppSigned(Webhooks.whatsAppStatus(wamid, waId, status, false)).statusCode()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> "READ".equals(delivery(wamid)));
        Thread.sleep(500);
        assertThat(delivery(wamid)).isEqualTo("READ");
        assertThat(page("/staff/messaging/conversations/" + conversation.id(), admin())).contains("Read");

        String first = jdbc.sql("SELECT remote_id FROM messaging_outbox WHERE conversation_id = :c ORDER BY id LIMIT 1")
                .param("c", conversation.id()).query(String.class).single();
        hooks.whatsAppSigned(Webhooks.whatsAppStatus(first, waId, "failed", true));
        await().atMost(Duration.ofSeconds(20)).until(() -> "FAILED".equals(delivery(first)));
        await().atMost(Duration.ofSeconds(10)).until(() -> chats.messages(conversation).stream()
                .anyMatch(m -> m.internalNote() && m.body().contains("131049")));
    }

    private String delivery(String wamid) {
        return jdbc.sql("SELECT delivery FROM messaging_outbox WHERE remote_id = :r").param("r", wamid)
                .query(String.class).optional().orElse(null);
    }

    @Test
    void picturesAndDocumentsAreStoredAsAttachmentsAndOtherMediaIsNamed() {
        String waId = Webhooks.newWaId();
        byte[] png = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 1, 2, 3};
        byte[] pdf = "%PDF-1.4\n% mutasi rekening\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        byte[] ogg = "OggS\0\2 voice note".getBytes(StandardCharsets.ISO_8859_1);
        String imageId = "1003383421387256" + Webhooks.newId();
        String pdfId = "1003383421387257" + Webhooks.newId();
        String audioId = "1003383421387258" + Webhooks.newId();
        platforms.serveMedia(imageId, "image/png", png);
        platforms.serveMedia(pdfId, "application/pdf", pdf);
        platforms.serveMedia(audioId, "audio/ogg", ogg);

        hooks.whatsAppSigned(Webhooks.whatsAppMessage(waId, "Ayu", Webhooks.newWamid(), "image",
                "{\"caption\": \"Bukti transfer\", \"mime_type\": \"image/png\", \"sha256\": \"x\", \"id\": \"" + imageId + "\"}"));
        ConversationView conversation = chats.of(Platform.WHATSAPP, waId);
        hooks.whatsAppSigned(Webhooks.whatsAppMessage(waId, "Ayu", Webhooks.newWamid(), "document",
                "{\"caption\": \"Mutasi\", \"filename\": \"mutasi.pdf\", \"mime_type\": \"application/pdf\", \"sha256\": \"x\", \"id\": \""
                        + pdfId + "\"}"));
        hooks.whatsAppSigned(Webhooks.whatsAppMessage(waId, "Ayu", Webhooks.newWamid(), "audio",
                "{\"mime_type\": \"audio/ogg; codecs=opus\", \"sha256\": \"x\", \"id\": \"" + audioId + "\", \"voice\": true}"));
        hooks.whatsAppSigned(Webhooks.whatsAppMessage(waId, "Ayu", Webhooks.newWamid(), "location",
                "{\"address\": \"Jl. Sudirman 1\", \"latitude\": -6.2, \"longitude\": 106.8, \"name\": \"Kantor\"}"));
        hooks.whatsAppSigned(Webhooks.whatsAppMessage(waId, "Ayu", Webhooks.newWamid(), "interactive",
                "{\"type\": \"button_reply\", \"button_reply\": {\"id\": \"opt-1\", \"title\": \"Top-up gagal\"}}"));

        await().atMost(Duration.ofSeconds(30)).until(() -> chats.messages(conversation).stream()
                .filter(MessageView::fromCustomer).count() >= 7);
        List<MessageView> fromCustomer = chats.messages(conversation).stream().filter(MessageView::fromCustomer).toList();
        MessageView picture = fromCustomer.stream().filter(m -> m.body().startsWith("[attachment] image")).findFirst().orElseThrow();
        assertThat(attachments.ofMessage(conversation.id(), picture.seq(), Chats.DESK).orElseThrow().content()).isEqualTo(png);
        MessageView document = fromCustomer.stream().filter(m -> m.body().contains("mutasi.pdf")).findFirst().orElseThrow();
        assertThat(attachments.ofMessage(conversation.id(), document.seq(), Chats.DESK).orElseThrow().contentType())
                .isEqualTo("application/pdf");
        assertThat(fromCustomer).extracting(MessageView::body).contains("Bukti transfer", "Mutasi", "Top-up gagal")
                .anyMatch(b -> b.contains("audio/ogg"))
                .anyMatch(b -> b.contains("Kantor Jl. Sudirman 1") && b.contains("-6.2"));
    }

    @Test
    void outsideTheTwentyFourHourWindowRepliesAreHeldAndTheConsoleOffersTheTemplate() throws Exception {
        String waId = Webhooks.newWaId();
        hooks.whatsAppSigned(Webhooks.whatsAppText(waId, "Joko", Webhooks.newWamid(), "Saldo saya tidak bertambah"));
        ConversationView conversation = chats.of(Platform.WHATSAPP, waId);
        awaitSends(waId, 1);
        jdbc.sql("UPDATE messaging_thread SET last_inbound_at = :t WHERE conversation_id = :c")
                .param("t", Timestamp.from(Instant.now().minus(Duration.ofHours(25)))).param("c", conversation.id()).update();
        int before = platforms.whatsAppSendsTo(waId).size();

        conversations.post(new PostMessage(conversation.id(), new Participant.Staff(990_102L, "Agent Dewi"), null,
                "Maaf menunggu lama, saldo sudah masuk.", Channel.WHATSAPP, false, null, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> chats.messages(conversation).stream()
                .anyMatch(m -> m.internalNote() && m.body().contains("/staff/messaging/conversations/" + conversation.id())));
        assertThat(platforms.whatsAppSendsTo(waId)).hasSize(before);

        Cookie admin = admin();
        String console = page("/staff/messaging/conversations/" + conversation.id(), admin);
        assertThat(console).contains("id=\"window-closed\"").contains("walletdesk_follow_up").contains("Held back");
        mvc.perform(post("/staff/messaging/conversations/" + conversation.id() + "/template").with(csrf()).cookie(admin));
        List<FakePlatforms.Request> sends = awaitSends(waId, before + 1);
        FakePlatforms.Request template = sends.get(sends.size() - 1);
        assertThat(template.json().path("type").asString()).isEqualTo("template");
        assertThat(template.json().path("template").path("name").asString()).isEqualTo("walletdesk_follow_up");
        assertThat(template.json().path("template").path("language").path("code").asString()).isEqualTo("id");
    }

    @Test
    void aCustomerMatchedByPhoneNumberHasTheirOwnFailedTopUpExplained() {
        String phone = TestData.phone();
        ApiClient api = new ApiClient(port);
        api.post("/api/v1/auth/register", Map.of("phone", phone, "email", TestData.email(), "name", "Sari Wulandari",
                "language", "en", "password", TestData.PASSWORD));
        api.signIn(phone, TestData.PASSWORD);
        long userId = api.get("/api/v1/me").json().get("id").asLong();
        api.header("Idempotency-Key", UUID.randomUUID().toString()).post("/api/v1/wallet/top-ups",
                Map.of("bankCode", "BCA", "bankAccount", "9876542222", "amount", 150_000));
        LedgerTestHooks.deliverBankCallbacksNow(context);

        String waId = "62" + phone.substring(1);
        hooks.whatsAppSigned(Webhooks.whatsAppText(waId, "Sari", Webhooks.newWamid(), "why did my top up fail?"));
        ConversationView conversation = chats.of(Platform.WHATSAPP, waId);
        assertThat(conversation.customerUserId()).isEqualTo(userId);
        String answer = awaitSends(waId, 1).get(0).json().path("text").path("body").asString();
        assertThat(answer).contains(messages.getMessage("reason.BANK_INSUFFICIENT_FUNDS.explain", null,
                SupportedLanguage.EN.locale())).contains("Rp150.000")
                .containsPattern("Read more: https?://[^ ]+/help/topup-failed");
    }
}
