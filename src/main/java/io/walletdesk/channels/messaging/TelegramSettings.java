package io.walletdesk.channels.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The Telegram support bot. Off unless both the bot token and the webhook secret token are set. */
@ConfigurationProperties("walletdesk.telegram")
record TelegramSettings(String botToken, String secretToken, String apiBase) {

    TelegramSettings {
        apiBase = WhatsAppSettings.blank(apiBase) ? "https://api.telegram.org" : apiBase.strip().replaceAll("/+$", "");
    }

    boolean enabled() {
        return !WhatsAppSettings.blank(botToken) && !WhatsAppSettings.blank(secretToken);
    }

    /** A Bot API method: {@code {base}/bot{token}/{method}}. */
    String method(String method) {
        return apiBase + "/bot" + botToken + "/" + method;
    }

    /** A file from getFile: {@code {base}/file/bot{token}/{path}}. */
    String file(String path) {
        return apiBase + "/file/bot" + botToken + "/" + path;
    }
}
