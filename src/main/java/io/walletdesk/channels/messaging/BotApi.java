package io.walletdesk.channels.messaging;

import io.walletdesk.support.Attachments;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The Telegram Bot API calls we make: sendMessage, sendDocument, and fetching a file a user sent. */
@Component
class BotApi {

    private final TelegramSettings settings;
    private final PlatformHttp http;
    private final JsonMapper json;

    BotApi(TelegramSettings settings, PlatformHttp http, JsonMapper json) {
        this.settings = settings;
        this.http = http;
        this.json = json;
    }

    record SendMessage(String chat_id, String text) {
    }

    /** Sends a text; returns Telegram's message id. */
    String sendMessage(String chatId, String text) {
        return messageId(http.postJson(settings.method("sendMessage"), Map.of(),
                json.writeValueAsBytes(new SendMessage(chatId, text))));
    }

    /** Sends a file as a document (multipart/form-data, as the Bot API takes uploads). */
    String sendDocument(String chatId, String filename, String contentType, byte[] content, String caption) {
        String boundary = "wd-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        field(body, boundary, "chat_id", chatId);
        if (caption != null) {
            field(body, boundary, "caption", caption);
        }
        String safeName = filename.replaceAll("[\"\\r\\n\\\\]", "_");
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"document\"; filename=\"" + safeName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return messageId(http.post(settings.method("sendDocument"), Map.of(),
                "multipart/form-data; boundary=" + boundary, body.toByteArray()));
    }

    private static void field(java.io.ByteArrayOutputStream body, String boundary, String name, String value) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private String messageId(PlatformHttp.Answer answer) {
        JsonNode reply = json.readTree(answer.body());
        if (!reply.path("ok").asBoolean(false)) {
            throw new PlatformHttp.Refused(reply.path("description").asString("not ok"));
        }
        return reply.path("result").path("message_id").asString(null);
    }

    /** A file's bytes by its file_id; empty when Telegram says it is larger than an upload may be. */
    Optional<byte[]> file(String fileId, long declaredSize) {
        if (declaredSize > Attachments.MAX_BYTES) {
            return Optional.empty();
        }
        JsonNode reply = json.readTree(http.get(settings.method("getFile?file_id="
                + java.net.URLEncoder.encode(fileId, StandardCharsets.UTF_8)), Map.of()).body());
        String path = reply.path("result").path("file_path").asString(null);
        if (!reply.path("ok").asBoolean(false) || path == null) {
            throw new PlatformHttp.Refused("getFile " + fileId + ": " + reply.path("description").asString("no file_path"));
        }
        if (reply.path("result").path("file_size").asLong(0) > Attachments.MAX_BYTES) {
            return Optional.empty();
        }
        byte[] content = http.get(settings.file(path), Map.of()).body();
        return content.length > Attachments.MAX_BYTES ? Optional.empty() : Optional.of(content);
    }
}
