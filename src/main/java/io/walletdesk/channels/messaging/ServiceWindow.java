package io.walletdesk.channels.messaging;

import io.walletdesk.support.Channel;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.PostMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * WhatsApp's customer service window: free-form replies only within 24 hours of the customer's last message;
 * after that only an approved template may be sent. A reply held back is told to the agents as an internal note
 * that names the page offering the template.
 */
@Component
class ServiceWindow {

    static final Duration LENGTH = Duration.ofHours(24);

    private final MessagingThreads threads;
    private final Conversations conversations;
    private final MessageSource messages;
    private final Clock clock;

    ServiceWindow(MessagingThreads threads, Conversations conversations, MessageSource messages, Clock clock) {
        this.threads = threads;
        this.conversations = conversations;
        this.messages = messages;
        this.clock = clock;
    }

    /** When the window closes (or closed); empty for conversations not carried on WhatsApp. */
    Optional<Instant> closesAt(long conversationId) {
        return threads.of(conversationId).filter(t -> t.platform() == Platform.WHATSAPP)
                .map(t -> t.lastInboundAt().plus(LENGTH));
    }

    boolean open(long conversationId) {
        return closesAt(conversationId).map(closes -> clock.instant().isBefore(closes)).orElse(true);
    }

    /** Tells the agents that reply {@code seq} was held back and how to reach the customer now. */
    void heldNote(long conversationId, long seq) {
        String language = threads.of(conversationId).map(MessagingThreads.Thread::language).orElse("en");
        conversations.post(new PostMessage(conversationId, WhatsAppIngest.CHANNEL, "wa-held-" + seq,
                messages.getMessage("channels.window.heldNote", new Object[] {seq,
                    "/staff/messaging/conversations/" + conversationId}, MessagingOutbox.locale(language)),
                Channel.WHATSAPP, true, null, null));
    }
}
