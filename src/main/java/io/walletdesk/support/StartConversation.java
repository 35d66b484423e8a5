package io.walletdesk.support;

/** Command: a customer or visitor starts (or, within 7 days of resolution, reopens) a conversation. */
public record StartConversation(Participant by, Channel channel, String subject, String contactName,
        String contactEmail, String contactPhone, String language) {
}
