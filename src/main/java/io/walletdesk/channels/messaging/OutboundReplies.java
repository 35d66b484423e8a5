package io.walletdesk.channels.messaging;

import io.walletdesk.support.Attachments;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.MessagePosted;
import io.walletdesk.support.MessageView;
import io.walletdesk.support.Participant;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Replies of agents and of the assistant in a conversation carried on WhatsApp or Telegram go back to that chat:
 * queued once per message (long ones in parts, as both apps cap a message at 4,096 characters) and sent after
 * commit. Internal notes and the customer's own messages stay here.
 */
@Component
class OutboundReplies {

    static final int MAX_PART = 4096;
    private static final java.util.regex.Pattern LOCAL_LINK =
            java.util.regex.Pattern.compile("(?<=^|\\s)/(help|status|verify|support|account|wallet|diagnose)(/[\\w/-]*)?(?=$|[\\s),.;:!?])",
                    java.util.regex.Pattern.MULTILINE);
    private static final Participant.System READER = new Participant.System("Messaging apps");

    private final MessagingThreads threads;
    private final MessagingOutbox outbox;
    private final Conversations conversations;
    private final Attachments attachments;
    private final ServiceWindow window;
    private final OutboxSender sender;
    private final String publicBaseUrl;

    OutboundReplies(MessagingThreads threads, MessagingOutbox outbox, Conversations conversations,
            Attachments attachments, ServiceWindow window, OutboxSender sender,
            @Value("${walletdesk.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
        this.threads = threads;
        this.outbox = outbox;
        this.conversations = conversations;
        this.attachments = attachments;
        this.window = window;
        this.sender = sender;
    }

    // The condition keeps customers' messages and notes out of the publication registry: no row, no two updates.
    @ApplicationModuleListener(condition = "!#posted.internalNote() && !#posted.fromCustomer()")
    void on(MessagePosted posted) {
        if (posted.internalNote() || posted.fromCustomer()) {
            return; // only replies go out; the event says so without a read
        }
        MessagingThreads.Thread thread = threads.of(posted.conversationId()).orElse(null);
        if (thread == null || !sender.enabled(thread.platform())) {
            return;
        }
        MessageView message = conversations.message(posted.conversationId(), posted.seq(), READER).orElse(null);
        if (message == null) {
            return;
        }
        boolean document = thread.platform() == Platform.TELEGRAM
                && attachments.ofMessage(posted.conversationId(), posted.seq(), READER).isPresent();
        boolean held = thread.platform() == Platform.WHATSAPP && !window.open(posted.conversationId());
        MessagingOutbox.State state = held ? MessagingOutbox.State.HELD : MessagingOutbox.State.PENDING;
        List<String> parts = document ? List.of(message.body())
                : GraphApi.parts(absoluteLinks(message.body(), publicBaseUrl), MAX_PART);
        boolean queued = false;
        for (int i = 0; i < parts.size(); i++) {
            queued |= outbox.queue(thread.platform(), posted.conversationId() + ":" + posted.seq() + ":" + i,
                    posted.conversationId(), posted.seq(), thread.address(),
                    document ? MessagingOutbox.Kind.DOCUMENT : MessagingOutbox.Kind.TEXT, parts.get(i), state);
        }
        if (queued && held) {
            window.heldNote(posted.conversationId(), posted.seq());
        } else if (queued) {
            afterCommit(sender::kick);
        }
    }

    /** Our own pages named by path (the assistant's "Read more: /help/...") become links that work in the app. */
    static String absoluteLinks(String body, String base) {
        return LOCAL_LINK.matcher(body).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(base + m.group()));
    }

    static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
