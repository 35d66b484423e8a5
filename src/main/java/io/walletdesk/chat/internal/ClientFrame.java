package io.walletdesk.chat.internal;

import java.time.Instant;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * The frames a client sends on the chat socket, by {@code type}. Read leniently: a missing or odd field gets its
 * default (the widget and older apps send what they send), and an unreadable client clock is not recorded.
 */
sealed interface ClientFrame {

    Pattern EMAIL = Pattern.compile("[^@\\s\\x00]+@[^@\\s\\x00]+\\.[^@\\s\\x00]{2,}");

    /** Attach to a conversation ({@code conversationId} null: the customer's own) from after {@code lastSeq}. */
    record Hello(String token, Long conversationId, String language, long lastSeq, String email) implements ClientFrame {
    }

    record Send(String clientMessageId, String body, Instant clientTime) implements ClientFrame {
    }

    /** A staff member's workspace: hear of every conversation they may see that changes, not just one. */
    record Watch(String token) implements ClientFrame {
    }

    record Typing() implements ClientFrame {
    }

    record Read(long seq) implements ClientFrame {
    }

    record Ping() implements ClientFrame {
    }

    record Unknown() implements ClientFrame {
    }

    /** The e-mail a visitor gave before the chat, if it looks like one; anything else is dropped, not refused. */
    static String email(String text) {
        return text != null && text.length() <= 254 && EMAIL.matcher(text).matches() ? text : null;
    }

    static ClientFrame of(JsonNode frame) {
        return switch (frame.path("type").asText("")) {
            case "hello" -> new Hello(frame.path("token").asText(null),
                    frame.hasNonNull("conversationId") ? frame.get("conversationId").asLong() : null,
                    frame.path("language").asText("en"), Math.max(0, frame.path("lastSeq").asLong(0)),
                    email(frame.path("email").asText(null)));
            case "send" -> new Send(frame.path("clientMessageId").asText(null), frame.path("body").asText(""),
                    frame.hasNonNull("clientTime") ? instant(frame.get("clientTime").asText()) : null);
            case "watch" -> new Watch(frame.path("token").asText(null));
            case "typing" -> new Typing();
            case "read" -> new Read(frame.path("seq").asLong(0));
            case "ping" -> new Ping();
            default -> new Unknown();
        };
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
