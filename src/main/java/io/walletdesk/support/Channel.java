package io.walletdesk.support;

/** Where a message came from or goes to; a reply goes back through the channel the customer used. */
public enum Channel {
    CHAT, WEB_FORM, EMAIL, PHONE, WHATSAPP, TELEGRAM
}
