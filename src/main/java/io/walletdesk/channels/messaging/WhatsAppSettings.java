package io.walletdesk.channels.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The WhatsApp Business Platform (Cloud API) number we answer on. Off unless the app secret, verify token, access
 * token and phone number id are all set (README, "Messaging apps").
 *
 * @param templateName the approved template offered outside the 24-hour customer service window
 */
@ConfigurationProperties("walletdesk.whatsapp")
record WhatsAppSettings(String appSecret, String verifyToken, String accessToken, String phoneNumberId, String apiBase,
        String apiVersion, String templateName) {

    WhatsAppSettings {
        apiBase = blank(apiBase) ? "https://graph.facebook.com" : apiBase.strip().replaceAll("/+$", "");
        apiVersion = blank(apiVersion) ? "v23.0" : apiVersion.strip();
        templateName = blank(templateName) ? "walletdesk_follow_up" : templateName.strip();
    }

    boolean enabled() {
        return !blank(appSecret) && !blank(verifyToken) && !blank(accessToken) && !blank(phoneNumberId);
    }

    /** {@code {base}/{version}/{path}}. */
    String url(String path) {
        return apiBase + "/" + apiVersion + "/" + path;
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
