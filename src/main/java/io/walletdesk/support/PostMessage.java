package io.walletdesk.support;

import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.time.Instant;

/**
 * Command: add a message. {@code clientMessageId} makes it idempotent; {@code internalNote} (staff only)
 * is never shown to the customer.
 */
public record PostMessage(long conversationId, Participant by, String clientMessageId, String body, Channel channel,
        boolean internalNote, ClientInfo client, Instant clientTime) {

    /** The longest message body, in characters after stripping. */
    public static final int MAX_BODY = 10_000;

    /**
     * The one rule for what a message body may be, wherever a message enters: not blank, at most
     * {@link #MAX_BODY} characters once stripped, and no U+0000 (PostgreSQL text cannot hold it). Returns
     * the stripped body.
     */
    public static String validBody(String body) {
        rejectNul("body", body);
        String stripped = body == null ? "" : body.strip();
        if (stripped.isEmpty()) {
            throw ProblemException.forField("message-empty", FailureKind.INVALID, "body");
        }
        if (stripped.length() > MAX_BODY) {
            throw ProblemException.forField("message-too-long", FailureKind.INVALID, "body", MAX_BODY);
        }
        return stripped;
    }

    /** U+0000 cannot be stored in PostgreSQL text and has no place in what people write. */
    public static void rejectNul(String field, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw ProblemException.forField("text-nul", FailureKind.INVALID, field);
        }
    }
}
