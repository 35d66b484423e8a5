package io.walletdesk.channels.messaging;

import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Meta's webhook for the WhatsApp Business Platform: the subscription handshake, and notifications checked against
 * {@code X-Hub-Signature-256} on the raw bytes before they are parsed. A notification is stored (each message and
 * each status once) and answered 200 at once; the work follows after commit. Not part of the public API.
 */
@RestController
class WhatsAppWebhookController {

    static final String PATH = "/channels/whatsapp/webhook";

    private final WhatsAppSettings settings;
    private final InboundDeliveries deliveries;
    private final InboundWork work;
    private final JsonMapper json;

    WhatsAppWebhookController(WhatsAppSettings settings, InboundDeliveries deliveries, InboundWork work, JsonMapper json) {
        this.settings = settings;
        this.deliveries = deliveries;
        this.work = work;
        this.json = json;
    }

    @GetMapping(path = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> verify(@RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String token,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        if (!settings.enabled()) {
            return ResponseEntity.notFound().build();
        }
        if (!"subscribe".equals(mode) || !WebhookSecrets.sameToken(settings.verifyToken(), token)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        if (challenge == null || !challenge.matches("[A-Za-z0-9._~-]{1,200}")) {
            return ResponseEntity.badRequest().build();
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
    }

    @PostMapping(path = PATH)
    ResponseEntity<Void> receive(@RequestHeader(name = "X-Hub-Signature-256", required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        if (!settings.enabled()) {
            return ResponseEntity.notFound().build();
        }
        if (!WebhookSecrets.validSignature(signature, body, settings.appSecret())) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        JsonNode notification;
        try {
            notification = json.readTree(body);
        } catch (JacksonException malformed) {
            return ResponseEntity.badRequest().build();
        }
        if (!"whatsapp_business_account".equals(notification.path("object").asString(""))) {
            return ResponseEntity.ok().build();
        }
        List<InboundDeliveries.Delivery> found = new ArrayList<>();
        for (JsonNode entry : notification.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                collect(change.path("value"), found);
            }
        }
        if (!found.isEmpty() && deliveries.store(found) > 0) {
            work.kick();
        }
        return ResponseEntity.ok().build();
    }

    /** Each message (with its sender's profile) and each status of one change, for our number only. */
    private void collect(JsonNode value, List<InboundDeliveries.Delivery> found) {
        String phoneNumberId = value.path("metadata").path("phone_number_id").asString("");
        if (!phoneNumberId.equals(settings.phoneNumberId())) {
            return;
        }
        for (JsonNode message : value.path("messages")) {
            String id = message.path("id").asString("");
            String from = message.path("from").asString("");
            if (id.isEmpty() || !from.matches("\\d{6,20}")) {
                continue;
            }
            ObjectNode envelope = json.createObjectNode();
            envelope.put("phone_number_id", phoneNumberId);
            for (JsonNode contact : value.path("contacts")) {
                if (from.equals(contact.path("wa_id").asString(""))) {
                    envelope.set("contact", contact);
                }
            }
            envelope.set("message", message);
            found.add(new InboundDeliveries.Delivery(Platform.WHATSAPP, clip("message:" + id), InboundDeliveries.Kind.MESSAGE,
                    json.writeValueAsString(envelope)));
        }
        for (JsonNode status : value.path("statuses")) {
            String id = status.path("id").asString("");
            if (id.isEmpty()) {
                continue;
            }
            ObjectNode envelope = json.createObjectNode();
            envelope.set("status", status);
            found.add(new InboundDeliveries.Delivery(Platform.WHATSAPP,
                    clip("status:" + id + ":" + status.path("status").asString("")), InboundDeliveries.Kind.STATUS,
                    json.writeValueAsString(envelope)));
        }
    }

    /** Platform ids are short; a longer one is kept by its hash so the unique key still holds. */
    static String clip(String externalId) {
        return externalId.length() <= 200 ? externalId
                : externalId.substring(0, 120) + "#" + io.walletdesk.shared.crypto.Digests.sha256(externalId);
    }
}
