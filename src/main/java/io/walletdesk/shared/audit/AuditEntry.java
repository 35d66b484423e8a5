package io.walletdesk.shared.audit;

import io.walletdesk.shared.web.ClientInfo;

/**
 * One event for the audit log. {@code action} is a stable upper-case code such as {@code SIGN_IN} or
 * {@code ACCOUNT_LOCKED}; {@code actorUserId} is null for anonymous actors and the system.
 */
public record AuditEntry(String action, Long actorUserId, String actorRole, Long subjectUserId, String details,
        String ip, String userAgent) {

    public static AuditEntry of(String action, Long actorUserId, String actorRole, Long subjectUserId, String details,
            ClientInfo client) {
        return new AuditEntry(action, actorUserId, actorRole, subjectUserId, details,
                client == null ? null : client.ip(), client == null ? null : client.userAgent());
    }
}
