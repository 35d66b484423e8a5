package io.walletdesk.channels.messaging;

import io.walletdesk.support.Channel;

/** A messaging app; stored by name. */
enum Platform {
    WHATSAPP(Channel.WHATSAPP, "wa:"), TELEGRAM(Channel.TELEGRAM, "tg:");

    private final Channel channel;
    private final String visitorPrefix;

    Platform(Channel channel, String visitorPrefix) {
        this.channel = channel;
        this.visitorPrefix = visitorPrefix;
    }

    Channel channel() {
        return channel;
    }

    /** The visitor id of someone known only by their address on this platform. */
    String visitorId(String address) {
        return visitorPrefix + address;
    }
}
