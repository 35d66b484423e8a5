package io.walletdesk.channels.messaging;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Webhook requests as Meta and Telegram send them, over real HTTP to the running application. The payloads follow
 * the platforms' documentation (WhatsApp Cloud API webhook examples; Telegram's Update object).
 */
final class Webhooks {

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;

    Webhooks(int port) {
        this.port = port;
    }

    static String sign(byte[] body) {
        return "sha256=" + WebhookSecrets.hmacHex(MessagingTest.APP_SECRET, body);
    }

    HttpResponse<String> whatsApp(byte[] body, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + WhatsAppWebhookController.PATH))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return send(request.build());
    }

    HttpResponse<String> whatsAppSigned(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return whatsApp(body, sign(body));
    }

    HttpResponse<String> handshake(String mode, String token, String challenge) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + WhatsAppWebhookController.PATH
                + "?hub.mode=" + mode + "&hub.verify_token=" + token + "&hub.challenge=" + challenge)).GET().build());
    }

    HttpResponse<String> telegram(String json, String secret) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + TelegramWebhookController.PATH))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (secret != null) {
            request.header("X-Telegram-Bot-Api-Secret-Token", secret);
        }
        return send(request.build());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new WhatsApp id (digits of an E.164 number) that no other test uses. */
    static String newWaId() {
        return "62819" + String.format("%08d", SEQUENCE.incrementAndGet() % 100_000_000L);
    }

    static String newWamid() {
        return "wamid.HBgLNjI4MTkwMDAwMDAwFQIAEhgg" + SEQUENCE.incrementAndGet() + "QTRBNjU5OUFFRTAzODEwMDhCQQA=";
    }

    static long newId() {
        return SEQUENCE.incrementAndGet();
    }

    /** A notification with one message of the given type; {@code content} is the message's type-specific object. */
    static String whatsAppMessage(String waId, String name, String wamid, String type, String content) {
        return """
                {
                  "object": "whatsapp_business_account",
                  "entry": [{
                    "id": "102290129340398",
                    "changes": [{
                      "value": {
                        "messaging_product": "whatsapp",
                        "metadata": {"display_phone_number": "6281110001234", "phone_number_id": "%s"},
                        "contacts": [{"profile": {"name": "%s"}, "wa_id": "%s"}],
                        "messages": [{
                          "from": "%s",
                          "id": "%s",
                          "timestamp": "%d",
                          "type": "%s",
                          "%s": %s
                        }]
                      },
                      "field": "messages"
                    }]
                  }]
                }
                """.formatted(FakePlatforms.PHONE_NUMBER_ID, name, waId, waId, wamid, Instant.now().getEpochSecond(), type,
                type, content);
    }

    static String whatsAppText(String waId, String name, String wamid, String text) {
        return whatsAppMessage(waId, name, wamid, "text", "{\"body\": \"" + text + "\"}");
    }

    /** A status notification (sent, delivered, read, or failed with Meta's error object). */
    static String whatsAppStatus(String wamid, String waId, String status, boolean withError) {
        String errors = withError ? """
                ,"errors": [{
                  "code": 131049,
                  "title": "This message was not delivered to maintain healthy ecosystem engagement.",
                  "message": "This message was not delivered to maintain healthy ecosystem engagement.",
                  "error_data": {"details": "In order to maintain a healthy ecosystem engagement, the message failed to be delivered."},
                  "href": "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/"
                }]""" : "";
        return """
                {
                  "object": "whatsapp_business_account",
                  "entry": [{
                    "id": "102290129340398",
                    "changes": [{
                      "value": {
                        "messaging_product": "whatsapp",
                        "metadata": {"display_phone_number": "6281110001234", "phone_number_id": "%s"},
                        "statuses": [{
                          "id": "%s",
                          "status": "%s",
                          "timestamp": "%d",
                          "recipient_id": "%s",
                          "conversation": {"id": "4eb8d6b2b2e4ba2f1e0d6a1b1f8e4c2a", "origin": {"type": "service"}},
                          "pricing": {"billable": true, "pricing_model": "PMP", "category": "service"}
                          %s
                        }]
                      },
                      "field": "messages"
                    }]
                  }]
                }
                """.formatted(FakePlatforms.PHONE_NUMBER_ID, wamid, status, Instant.now().getEpochSecond(), waId, errors);
    }

    /** A Telegram Update with a private-chat message; {@code content} are the message's own fields (text, photo...). */
    static String telegramUpdate(long updateId, long chatId, String firstName, String languageCode, String content) {
        return """
                {
                  "update_id": %d,
                  "message": {
                    "message_id": %d,
                    "from": {"id": %d, "is_bot": false, "first_name": "%s", "language_code": "%s"},
                    "chat": {"id": %d, "first_name": "%s", "type": "private"},
                    "date": %d,
                    %s
                  }
                }
                """.formatted(updateId, updateId % 100_000, chatId, firstName, languageCode, chatId, firstName,
                Instant.now().getEpochSecond(), content);
    }
}
