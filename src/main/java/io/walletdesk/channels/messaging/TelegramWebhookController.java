package io.walletdesk.channels.messaging;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Telegram bot's webhook (set with setWebhook and our secret_token): every request must carry
 * {@code X-Telegram-Bot-Api-Secret-Token}; each update_id is stored once and answered 200 at once. Not part of the
 * public API.
 */
@RestController
class TelegramWebhookController {

    static final String PATH = "/channels/telegram/webhook";

    private final TelegramSettings settings;
    private final InboundDeliveries deliveries;
    private final InboundWork work;
    private final JsonMapper json;

    TelegramWebhookController(TelegramSettings settings, InboundDeliveries deliveries, InboundWork work, JsonMapper json) {
        this.settings = settings;
        this.deliveries = deliveries;
        this.work = work;
        this.json = json;
    }

    @PostMapping(path = PATH)
    ResponseEntity<Void> receive(@RequestHeader(name = "X-Telegram-Bot-Api-Secret-Token", required = false) String secret,
            @RequestBody(required = false) byte[] body) {
        if (!settings.enabled()) {
            return ResponseEntity.notFound().build();
        }
        if (!WebhookSecrets.sameToken(settings.secretToken(), secret)) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        JsonNode update;
        try {
            update = body == null ? null : json.readTree(body);
        } catch (JacksonException malformed) {
            update = null;
        }
        if (update == null || !update.path("update_id").canConvertToLong() || !update.path("update_id").isIntegralNumber()) {
            return ResponseEntity.badRequest().build();
        }
        String payload = json.writeValueAsString(update);
        if (payload.length() > 100_000) {
            return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).build();
        }
        if (deliveries.store(List.of(new InboundDeliveries.Delivery(Platform.TELEGRAM,
                "update:" + update.path("update_id").asLong(), InboundDeliveries.Kind.MESSAGE, payload))) > 0) {
            work.kick();
        }
        return ResponseEntity.ok().build();
    }
}
