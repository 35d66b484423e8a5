package io.walletdesk.identity;

import io.walletdesk.shared.i18n.SupportedLanguage;
import java.time.Instant;

/** A read-only view of a user account for other modules and staff tools. */
public record AccountView(long id, Role role, String displayName, String phone, String email,
        SupportedLanguage language, AccountStatus status, LockReason lockReason, Instant lockedAt,
        boolean twoFactorEnabled, Instant createdAt) {

    /** "Budi Santoso" becomes "Bu** Sa*****": enough to confirm a payee without revealing them. */
    public String maskedName() {
        StringBuilder masked = new StringBuilder();
        for (String part : displayName.trim().split("\\s+")) {
            if (!masked.isEmpty()) {
                masked.append(' ');
            }
            int visible = Math.min(2, part.length());
            masked.append(part, 0, visible).append("*".repeat(part.length() - visible));
        }
        return masked.toString();
    }
}
