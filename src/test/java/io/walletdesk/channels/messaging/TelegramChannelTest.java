package io.walletdesk.channels.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.support.Attachments;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.MessageView;
import io.walletdesk.support.Participant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Telegram end to end: updates as the Bot API posts them to our webhook, and the Bot API played by
 * {@link FakePlatforms}: the secret token, update_id deduplication, /start in the user's language, text, photo and
 * document messages, the assistant's and agents' replies; and the official-channel check listing the bot.
 */
@MessagingTest
class TelegramChannelTest {

    @LocalServerPort
    int port;
    @Autowired
    Conversations conversations;
    @Autowired
    InboundDeliveries deliveries;
    @Autowired
    Attachments attachments;
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

    private List<FakePlatforms.Request> awaitSends(long chatId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> platforms.telegramSendsTo(Long.toString(chatId)).size() >= count);
        return platforms.telegramSendsTo(Long.toString(chatId));
    }

    private static String text(String value) {
        return "\"text\": \"" + value + "\"";
    }

    @Test
    void aMessageOpensAConversationAndTheAssistantAnswersThroughTheBotApiOnce() {
        long chatId = Webhooks.newId();
        long updateId = Webhooks.newId();
        String update = Webhooks.telegramUpdate(updateId, chatId, "Andi", "en", text("How do I change my phone number?"));
        assertThat(hooks.telegram(update, MessagingTest.TELEGRAM_SECRET).statusCode()).isEqualTo(200);
        assertThat(hooks.telegram(update, MessagingTest.TELEGRAM_SECRET).statusCode()).isEqualTo(200); // Telegram retried

        ConversationView conversation = chats.of(Platform.TELEGRAM, Long.toString(chatId));
        assertThat(conversation.channel()).isEqualTo(Channel.TELEGRAM);
        assertThat(conversation.visitorId()).isEqualTo("tg:" + chatId);
        assertThat(conversation.language()).isEqualTo("en");
        FakePlatforms.Request sent = awaitSends(chatId, 1).get(0);
        assertThat(sent.path()).isEqualTo("/bot" + FakePlatforms.BOT_TOKEN + "/sendMessage");
        MessageView answer = chats.assistantAnswer(conversation);
        assertThat(sent.json().path("text").asString())
                .isEqualTo(OutboundReplies.absoluteLinks(answer.body(), "http://localhost:8080"))
                .contains("http://localhost:8080/account/contact");
        assertThat(deliveries.count(Platform.TELEGRAM, "update:" + updateId)).isOne();
        assertThat(chats.messages(conversation).stream().filter(MessageView::fromCustomer)).hasSize(1);

        conversations.post(new io.walletdesk.support.PostMessage(conversation.id(),
                new Participant.Staff(990_201L, "Agent Putri"), null, "Hi Andi, Putri here.", Channel.TELEGRAM, false, null, null));
        await().atMost(Duration.ofSeconds(20)).until(() -> platforms.telegramSendsTo(Long.toString(chatId)).stream()
                .anyMatch(r -> r.json().path("text").asString("").equals("Hi Andi, Putri here.")));
    }

    @Test
    void aMissingOrWrongSecretTokenIsRefusedAndNothingIsStored() {
        long updateId = Webhooks.newId();
        String update = Webhooks.telegramUpdate(updateId, Webhooks.newId(), "Mallory", "en", text("hello"));
        assertThat(hooks.telegram(update, null).statusCode()).isEqualTo(401);
        assertThat(hooks.telegram(update, MessagingTest.TELEGRAM_SECRET + "x").statusCode()).isEqualTo(401);
        assertThat(hooks.telegram(update, "").statusCode()).isEqualTo(401);
        assertThat(deliveries.count(Platform.TELEGRAM, "update:" + updateId)).isZero();
        assertThat(hooks.telegram("{\"message\": {}}", MessagingTest.TELEGRAM_SECRET).statusCode()).isEqualTo(400);
    }

    @Test
    void startGreetsInTheUsersLanguageWithoutOpeningAConversation() {
        long chatId = Webhooks.newId();
        hooks.telegram(Webhooks.telegramUpdate(Webhooks.newId(), chatId, "Siti", "id", text("/start")),
                MessagingTest.TELEGRAM_SECRET);
        FakePlatforms.Request greeting = awaitSends(chatId, 1).get(0);
        assertThat(greeting.json().path("text").asString())
                .isEqualTo(messages.getMessage("channels.telegram.greeting", null, SupportedLanguage.ID.locale()));
        long zhChat = Webhooks.newId();
        hooks.telegram(Webhooks.telegramUpdate(Webhooks.newId(), zhChat, "Wei", "zh-hans", text("/start")),
                MessagingTest.TELEGRAM_SECRET);
        assertThat(awaitSends(zhChat, 1).get(0).json().path("text").asString())
                .isEqualTo(messages.getMessage("channels.telegram.greeting", null, SupportedLanguage.ZH_CN.locale()));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM messaging_thread WHERE platform = 'TELEGRAM' AND address = :a")
                .param("a", Long.toString(chatId)).query(Integer.class).single()).isZero();
    }

    @Test
    void photosAndDocumentsAreFetchedIntoAttachmentsAndAgentsFilesGoOutAsDocuments() {
        long chatId = Webhooks.newId();
        byte[] jpeg = new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1};
        byte[] pdf = "%PDF-1.7\n% struk\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        String small = "AgACAgQAAxkBAAIBs" + Webhooks.newId();
        String large = "AgACAgQAAxkBAAIBt" + Webhooks.newId();
        String document = "BQACAgQAAxkBAAIBu" + Webhooks.newId();
        platforms.serveMedia(large, "image/jpeg", jpeg);
        platforms.serveMedia(document, "application/pdf", pdf);
        hooks.telegram(Webhooks.telegramUpdate(Webhooks.newId(), chatId, "Dewi", "id", """
                "photo": [
                  {"file_id": "%s", "file_unique_id": "s1", "file_size": 1200, "width": 90, "height": 67},
                  {"file_id": "%s", "file_unique_id": "l1", "file_size": %d, "width": 800, "height": 600}
                ],
                "caption": "Struk top-up saya"
                """.formatted(small, large, jpeg.length)), MessagingTest.TELEGRAM_SECRET);
        ConversationView conversation = chats.of(Platform.TELEGRAM, Long.toString(chatId));
        hooks.telegram(Webhooks.telegramUpdate(Webhooks.newId(), chatId, "Dewi", "id", """
                "document": {"file_name": "struk.pdf", "mime_type": "application/pdf", "file_id": "%s",
                  "file_unique_id": "d1", "file_size": %d}
                """.formatted(document, pdf.length)), MessagingTest.TELEGRAM_SECRET);

        await().atMost(Duration.ofSeconds(30)).until(() -> chats.messages(conversation).stream()
                .filter(MessageView::fromCustomer).count() >= 3);
        List<MessageView> fromCustomer = chats.messages(conversation).stream().filter(MessageView::fromCustomer).toList();
        MessageView photo = fromCustomer.stream().filter(m -> m.body().contains("photo.jpg")).findFirst().orElseThrow();
        assertThat(attachments.ofMessage(conversation.id(), photo.seq(), Chats.DESK).orElseThrow().content()).isEqualTo(jpeg);
        MessageView file = fromCustomer.stream().filter(m -> m.body().contains("struk.pdf")).findFirst().orElseThrow();
        assertThat(attachments.ofMessage(conversation.id(), file.seq(), Chats.DESK).orElseThrow().content()).isEqualTo(pdf);
        assertThat(fromCustomer).extracting(MessageView::body).contains("Struk top-up saya");

        attachments.attach(conversation.id(), new Participant.Staff(990_202L, "Agent Putri"), "agent-file-" + chatId,
                "panduan.pdf", pdf, Channel.TELEGRAM, ClientInfo.system());
        await().atMost(Duration.ofSeconds(20)).until(() -> platforms.telegramSendsTo(Long.toString(chatId)).stream()
                .anyMatch(r -> r.path().endsWith("/sendDocument") && r.text().contains("filename=\"panduan.pdf\"")
                        && r.text().contains("%PDF-1.7")));
    }

    @Test
    void theOfficialChannelCheckListsTheWhatsAppNumberAndTheTelegramBot() throws Exception {
        String verify = mvc.perform(get("/verify").header("Accept-Language", "en")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(verify).contains("+62 811-1000-1234").contains("@WalletDeskBot").contains("Telegram support bot");
    }
}
