package io.walletdesk.channels.messaging;

import io.walletdesk.shared.i18n.LanguageGuess;
import io.walletdesk.shared.i18n.SupportedLanguage;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One stored Telegram update: text, photo or document messages of private chats into the sender's conversation;
 * {@code /start} is answered with a greeting in the user's language_code and opens nothing.
 */
@Component
class TelegramIngest {

    private final ChatIngest ingest;
    private final BotApi bot;
    private final MessagingOutbox outbox;
    private final OutboxSender sender;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    TelegramIngest(ChatIngest ingest, BotApi bot, MessagingOutbox outbox, OutboxSender sender, MessageSource messages,
            JsonMapper json, Clock clock) {
        this.ingest = ingest;
        this.bot = bot;
        this.outbox = outbox;
        this.sender = sender;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    void handle(InboundDeliveries.Pending pending) {
        JsonNode update = json.readTree(pending.payload());
        JsonNode message = update.path("message");
        if (message.isMissingNode()) {
            return; // edited messages, channel posts, callbacks: not conversations
        }
        String updateId = update.path("update_id").asString("");
        String chatId = message.path("chat").path("id").asString("");
        JsonNode from = message.path("from");
        String text = message.path("text").asString(null);
        String languageCode = from.path("language_code").asString(null);
        if (text != null && text.strip().matches("/start(@\\w+)?(\\s.*)?")) {
            SupportedLanguage language = SupportedLanguage.fromTag(languageCode).orElse(SupportedLanguage.EN);
            outbox.queue(Platform.TELEGRAM, "greeting:" + updateId, null, null, chatId, MessagingOutbox.Kind.TEXT,
                    messages.getMessage("channels.telegram.greeting", null, language.locale()), MessagingOutbox.State.PENDING);
            OutboundReplies.afterCommit(sender::kick);
            return;
        }
        String name = String.join(" ", from.path("first_name").asString(""), from.path("last_name").asString("")).strip();
        String externalId = "update:" + updateId;
        Instant sentAt = message.path("date").asLong(0) > 0 ? Instant.ofEpochSecond(message.path("date").asLong()) : null;
        ChatIngest.Opened opened = ingest.open(new ChatIngest.Sender(Platform.TELEGRAM, chatId, name, null,
                languageCode != null ? languageCode : LanguageGuess.of(text)), clock.instant());
        if (text != null) {
            ingest.text(opened, externalId, text, sentAt);
        }
        JsonNode photos = message.path("photo");
        if (photos.isArray() && !photos.isEmpty()) {
            JsonNode largest = photos.get(photos.size() - 1);
            file(opened, externalId, largest.path("file_id").asString(""), largest.path("file_size").asLong(0),
                    "photo.jpg", "image/jpeg", pending.attempts(), sentAt);
        }
        JsonNode document = message.path("document");
        if (!document.isMissingNode()) {
            file(opened, externalId, document.path("file_id").asString(""), document.path("file_size").asLong(0),
                    document.path("file_name").asString("document"), document.path("mime_type").asString(null),
                    pending.attempts(), sentAt);
        }
        String caption = message.path("caption").asString("");
        if (!caption.isBlank()) {
            ingest.text(opened, externalId + ":caption", caption, sentAt);
        }
    }

    private void file(ChatIngest.Opened opened, String externalId, String fileId, long size, String filename,
            String mimeType, int attempt, Instant sentAt) {
        Optional<byte[]> content;
        try {
            content = bot.file(fileId, size);
        } catch (PlatformHttp.Refused refused) {
            content = Optional.empty();
        } catch (PlatformHttp.Retryable later) {
            if (attempt < InboundDeliveries.MAX_ATTEMPTS) {
                throw later;
            }
            content = Optional.empty();
        }
        if (content.isPresent()) {
            ingest.file(opened, externalId, filename, content.get(), mimeType, sentAt);
        } else {
            ingest.notKept(opened, externalId, mimeType, sentAt);
        }
    }
}
