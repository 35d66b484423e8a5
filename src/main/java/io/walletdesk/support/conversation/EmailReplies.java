package io.walletdesk.support.conversation;

import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.outbox.OutboundMessage;
import io.walletdesk.shared.outbox.OutboundMessages;
import io.walletdesk.support.AuthorType;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.MessageLeftForLater;
import io.walletdesk.support.MessagePosted;
import io.walletdesk.support.MessageView;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Customers who wrote through the web form or e-mail get the acknowledgement and agents' replies by e-mail,
 * in their language, with the reference in the subject so their answer threads back. The mails wait in
 * the outbox until the e-mail channel sends them.
 */
@Component
class EmailReplies {

    private final ConversationStore store;
    private final OutboundMessages outbox;
    private final MessageSource messages;
    private final int offlineReplyHours;

    EmailReplies(ConversationStore store, OutboundMessages outbox, MessageSource messages,
            @Value("${walletdesk.support.offline-reply-hours:24}") int offlineReplyHours) {
        this.store = store;
        this.outbox = outbox;
        this.messages = messages;
        this.offlineReplyHours = offlineReplyHours;
    }

    @ApplicationModuleListener
    void acknowledge(MessageLeftForLater left) {
        store.find(left.conversationId()).filter(c -> c.contactEmail() != null).ifPresent(conversation -> {
            Locale locale = locale(conversation);
            outbox.queue(new OutboundMessage(OutboundMessage.Channel.EMAIL, conversation.contactEmail(),
                    "[" + conversation.reference() + "] " + messages.getMessage("support.mail.ackSubject", null, locale),
                    messages.getMessage("support.mail.ackBody",
                            new Object[] {conversation.reference(), offlineReplyHours}, locale),
                    "SUPPORT_ACKNOWLEDGEMENT"));
        });
    }

    // Only agents' answers are registered as publications for this listener: no registry row for the rest.
    @ApplicationModuleListener(condition = "!#posted.internalNote() && #posted.authorType().name() == 'AGENT'")
    void forwardAgentReply(MessagePosted posted) {
        if (posted.internalNote() || posted.authorType() != AuthorType.AGENT) {
            return; // only agents' answers are mailed; the event says who wrote without a read
        }
        ConversationView conversation = store.find(posted.conversationId()).orElse(null);
        if (conversation == null || conversation.contactEmail() == null
                || (conversation.channel() != Channel.EMAIL && !store.repliesByEmail(conversation.id()))) {
            return;
        }
        MessageView message = store.message(posted.conversationId(), posted.seq()).orElse(null);
        if (message == null) {
            return;
        }
        Locale locale = locale(conversation);
        outbox.queue(new OutboundMessage(OutboundMessage.Channel.EMAIL, conversation.contactEmail(),
                "[" + conversation.reference() + "] " + messages.getMessage("support.mail.replySubject", null, locale),
                messages.getMessage("support.mail.replyBody", new Object[] {message.authorName(), message.body(),
                    conversation.reference()}, locale),
                "SUPPORT_REPLY"));
    }

    private static Locale locale(ConversationView conversation) {
        return SupportedLanguage.fromTag(conversation.language()).orElse(SupportedLanguage.EN).locale();
    }
}
