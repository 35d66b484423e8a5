package io.walletdesk.channels.internal;

import java.util.Arrays;

/**
 * The outbox purposes whose mails get their own headers; the outbox carries the purpose as a code, every
 * other code is {@link #OTHER}.
 */
enum MailPurpose {
    /** A status-page subscription mail: one-click unsubscribe (RFC 8058). */
    STATUS_UPDATE,
    /** A new reply on a followed community topic: one-click unsubscribe (RFC 8058). */
    COMMUNITY_UPDATE,
    /** A person's answer in a conversation: not automatic. */
    SUPPORT_REPLY,
    /** The automatic receipt of a customer's mail: {@code Auto-Submitted: auto-replied}. */
    SUPPORT_ACKNOWLEDGEMENT,
    OTHER;

    static MailPurpose of(String code) {
        return Arrays.stream(values()).filter(p -> p != OTHER && p.name().equals(code)).findFirst().orElse(OTHER);
    }

    /** The RFC 3834 {@code Auto-Submitted} value, or null for a mail a person wrote. */
    String autoSubmitted() {
        return switch (this) {
            case SUPPORT_REPLY -> null;
            case SUPPORT_ACKNOWLEDGEMENT -> "auto-replied";
            case STATUS_UPDATE, COMMUNITY_UPDATE, OTHER -> "auto-generated";
        };
    }
}
