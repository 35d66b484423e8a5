package io.walletdesk.channels.messaging;

import io.walletdesk.shared.i18n.LanguageGuess;
import io.walletdesk.support.Channel;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One stored WhatsApp delivery: a customer's message (text, image, document, audio, location, interactive reply)
 * into their conversation, or a status (sent, delivered, read, failed) onto the reply it is about.
 */
@Component
class WhatsAppIngest {

    static final Participant.System CHANNEL = new Participant.System("WhatsApp");

    private final ChatIngest ingest;
    private final GraphApi graph;
    private final MessagingOutbox outbox;
    private final Conversations conversations;
    private final MessageSource messages;
    private final JsonMapper json;
    private final Clock clock;

    WhatsAppIngest(ChatIngest ingest, GraphApi graph, MessagingOutbox outbox, Conversations conversations,
            MessageSource messages, JsonMapper json, Clock clock) {
        this.ingest = ingest;
        this.graph = graph;
        this.outbox = outbox;
        this.conversations = conversations;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    void handle(InboundDeliveries.Pending pending) {
        JsonNode envelope = json.readTree(pending.payload());
        if (pending.kind() == InboundDeliveries.Kind.STATUS) {
            status(envelope.path("status"));
        } else {
            message(envelope.path("message"), envelope.path("contact"), pending.attempts());
        }
    }

    private void message(JsonNode message, JsonNode contact, int attempt) {
        String from = message.path("from").asString("");
        String id = message.path("id").asString("");
        String type = message.path("type").asString("unknown");
        Instant sentAt = sentAt(message.path("timestamp").asLong(0));
        ChatIngest.Opened opened = ingest.open(new ChatIngest.Sender(Platform.WHATSAPP, from,
                contact.path("profile").path("name").asString(null), "+" + from, LanguageGuess.of(textOf(message))),
                clock.instant());
        switch (type) {
            case "text" -> ingest.text(opened, id, message.path("text").path("body").asString(""), sentAt);
            case "image", "document", "audio", "video", "sticker" -> media(opened, id, type, message.path(type), attempt, sentAt);
            case "location" -> {
                JsonNode at = message.path("location");
                String place = String.join(" ", at.path("name").asString(""), at.path("address").asString("")).strip();
                ingest.text(opened, id, ingest.say(opened, "channels.location", place.isEmpty() ? "-" : place,
                        at.path("latitude").asString(""), at.path("longitude").asString("")), sentAt);
            }
            case "interactive", "button" -> ingest.text(opened, id, textOf(message), sentAt);
            default -> ingest.text(opened, id, ingest.say(opened, "channels.unsupported", type), sentAt);
        }
    }

    /** The words of a text message or of the option a customer tapped. */
    private static String textOf(JsonNode message) {
        JsonNode interactive = message.path("interactive");
        return switch (message.path("type").asString("")) {
            case "text" -> message.path("text").path("body").asString("");
            case "interactive" -> interactive.path("button_reply").path("title").asString(
                    interactive.path("list_reply").path("title").asString(""));
            case "button" -> message.path("button").path("text").asString("");
            default -> message.path(message.path("type").asString("")).path("caption").asString("");
        };
    }

    private void media(ChatIngest.Opened opened, String id, String type, JsonNode media, int attempt, Instant sentAt) {
        String mimeType = media.path("mime_type").asString(null);
        String filename = media.path("filename").asString(type + extension(mimeType));
        Optional<GraphApi.Media> downloaded;
        try {
            downloaded = graph.media(media.path("id").asString(""));
        } catch (PlatformHttp.Refused refused) {
            downloaded = Optional.empty();
        } catch (PlatformHttp.Retryable later) {
            if (attempt < InboundDeliveries.MAX_ATTEMPTS) {
                throw later;
            }
            downloaded = Optional.empty();
        }
        if (downloaded.isPresent()) {
            ingest.file(opened, id, filename, downloaded.get().content(), mimeType, sentAt);
        } else {
            ingest.notKept(opened, id, mimeType, sentAt);
        }
        String caption = media.path("caption").asString("");
        if (!caption.isBlank()) {
            ingest.text(opened, id + ":caption", caption, sentAt);
        }
    }

    /** A delivery mark for one of our replies; a failure is also told to the agents as an internal note. */
    private void status(JsonNode status) {
        String wamid = status.path("id").asString("");
        Optional<DeliveryMark> mark = DeliveryMark.of(status.path("status").asString(""));
        if (mark.isEmpty()) {
            return;
        }
        JsonNode error = status.path("errors").path(0);
        String reason = error.isMissingNode() ? null : (error.path("code").asString("") + " "
                + error.path("title").asString("") + " " + error.path("error_data").path("details").asString("")).strip();
        Optional<MessagingOutbox.Sent> sent = outbox.markDelivery(wamid, mark.get(), reason);
        if (sent.isPresent() && mark.get() == DeliveryMark.FAILED && sent.get().conversationId() != null) {
            long conversationId = sent.get().conversationId();
            Locale locale = MessagingOutbox.locale(sent.get().language());
            conversations.post(new PostMessage(conversationId, CHANNEL, ChatIngest.clientId(wamid, ":failed"),
                    messages.getMessage("channels.delivery.failedNote", new Object[] {
                        sent.get().seq() == null ? "-" : sent.get().seq(), reason == null ? "-" : reason}, locale),
                    Channel.WHATSAPP, true, null, null));
        }
    }

    private Instant sentAt(long epochSeconds) {
        return epochSeconds <= 0 ? null : Instant.ofEpochSecond(epochSeconds);
    }

    private static String extension(String mimeType) {
        if (mimeType == null) {
            return "";
        }
        return switch (mimeType.split(";")[0].strip()) {
            case "image/jpeg" -> ".jpg";
            case "image/png" -> ".png";
            case "image/webp" -> ".webp";
            case "application/pdf" -> ".pdf";
            case "audio/ogg" -> ".ogg";
            default -> "";
        };
    }
}
