package io.walletdesk.support;

import io.walletdesk.shared.web.ClientInfo;

/**
 * Command: write to support when nobody can chat (no agent online, after hours, chat down, no
 * JavaScript). Creates the conversation; replies go out by e-mail.
 */
public record LeaveMessage(Participant by, String name, String email, String phone, String language, String body,
        ClientInfo client, String clientMessageId) {

    public LeaveMessage(Participant by, String name, String email, String phone, String language, String body,
            ClientInfo client) {
        this(by, name, email, phone, language, body, client, null);
    }
}
