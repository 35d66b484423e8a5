package io.walletdesk.shared.outbox;

/** A message to send to a person through a channel; {@code purpose} is a code such as CONTACT_VERIFICATION. */
public record OutboundMessage(Channel channel, String recipient, String subject, String body, String purpose) {

    public enum Channel { EMAIL, SMS }
}
