package io.walletdesk.chat.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.walletdesk.shared.failure.ProblemException;

/**
 * The frames the server sends on the chat socket. {@code type} names the frame ({@code /widget.js} and the app
 * switch on it); the other fields are each record's components.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
sealed interface ServerFrame {

    /** After hello: the conversation the connection is attached to. */
    @JsonTypeName("welcome")
    record Welcome(long conversationId, String reference, String status, int agentsOnline, long readByOther)
            implements ServerFrame {
    }

    /** One message, in sequence. */
    @JsonTypeName("message")
    record Message(ChatMessages message) implements ServerFrame {
    }

    /** A sent message is stored ({@code duplicate}: it was already). */
    @JsonTypeName("ack")
    record Ack(String clientMessageId, long seq, boolean duplicate) implements ServerFrame {
    }

    /** A sent message is kept safe while the database recovers; it arrives later. */
    @JsonTypeName("ack")
    record Queued(String clientMessageId, boolean queued) implements ServerFrame {
        Queued(String clientMessageId) {
            this(clientMessageId, true);
        }
    }

    /** For a watching workspace: this conversation has a new message ({@code kind} message) or was changed. */
    @JsonTypeName("inbox")
    record Inbox(long conversationId, String kind, long seq) implements ServerFrame {
    }

    /** The other side is typing. */
    @JsonTypeName("typing")
    record Typing(String from) implements ServerFrame {
    }

    /** The other side has read up to {@code seq}. */
    @JsonTypeName("read")
    record Read(long seq) implements ServerFrame {
    }

    /** The answer to ping. */
    @JsonTypeName("pong")
    record Pong() implements ServerFrame {
    }

    /**
     * A refused frame; {@code clientMessageId} only when the frame could be read, {@code retryAfterSeconds}
     * only when waiting helps (a rate limit): the client resends the same message after that many seconds.
     */
    @JsonTypeName("error")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String code, String clientMessageId, Long retryAfterSeconds) implements ServerFrame {
        Error(String code) {
            this(code, null, null);
        }

        Error(String code, String clientMessageId) {
            this(code, clientMessageId, null);
        }

        static Error of(ProblemException problem, String clientMessageId) {
            Object retry = problem.properties().get("retryAfterSeconds");
            return new Error(problem.code(), clientMessageId,
                    retry instanceof Number seconds ? Long.valueOf(seconds.longValue()) : null);
        }
    }
}
