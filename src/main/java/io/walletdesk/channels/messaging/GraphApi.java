package io.walletdesk.channels.messaging;

import io.walletdesk.support.Attachments;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The WhatsApp Cloud API calls we make: send a text or a template, fetch a customer's media. */
@Component
class GraphApi {

    private final WhatsAppSettings settings;
    private final PlatformHttp http;
    private final JsonMapper json;

    GraphApi(WhatsAppSettings settings, PlatformHttp http, JsonMapper json) {
        this.settings = settings;
        this.http = http;
        this.json = json;
    }

    record Text(boolean preview_url, String body) {
    }

    record TextMessage(String messaging_product, String recipient_type, String to, String type, Text text) {
    }

    record Language(String code) {
    }

    record Template(String name, Language language) {
    }

    record TemplateMessage(String messaging_product, String recipient_type, String to, String type, Template template) {
    }

    /** Sends a text; returns the message id (wamid) Meta's statuses will name. */
    String sendText(String to, String body) {
        return send(new TextMessage("whatsapp", "individual", to, "text", new Text(false, body)));
    }

    /** Sends an approved template (the only kind allowed outside the 24-hour window). */
    String sendTemplate(String to, String name, String languageCode) {
        return send(new TemplateMessage("whatsapp", "individual", to, "template",
                new Template(name, new Language(languageCode))));
    }

    private String send(Object message) {
        PlatformHttp.Answer answer = http.postJson(settings.url(settings.phoneNumberId() + "/messages"), auth(),
                json.writeValueAsBytes(message));
        JsonNode messages = json.readTree(answer.body()).path("messages");
        return messages.isArray() && !messages.isEmpty() ? messages.get(0).path("id").asString(null) : null;
    }

    /** A downloaded file and the type Meta declared for it. */
    record Media(byte[] content, String mimeType) {
    }

    /**
     * The media's bytes through its short-lived URL; empty when Meta says it is larger than an upload may be (it is
     * then not downloaded at all).
     */
    Optional<Media> media(String mediaId) {
        JsonNode meta = json.readTree(http.get(settings.url(mediaId), auth()).body());
        long size = meta.path("file_size").asLong(-1);
        if (size > Attachments.MAX_BYTES) {
            return Optional.empty();
        }
        String url = meta.path("url").asString(null);
        if (url == null) {
            throw new PlatformHttp.Refused("media " + mediaId + " has no url");
        }
        byte[] content = http.get(url, auth()).body();
        return content.length > Attachments.MAX_BYTES ? Optional.empty()
                : Optional.of(new Media(content, meta.path("mime_type").asString(null)));
    }

    private Map<String, String> auth() {
        return Map.of("Authorization", "Bearer " + settings.accessToken());
    }

    static List<String> parts(String body, int max) {
        List<String> parts = new java.util.ArrayList<>();
        for (int start = 0; start < body.length(); start += max) {
            parts.add(body.substring(start, Math.min(body.length(), start + max)));
        }
        return parts;
    }
}
