package io.walletdesk.support.conversation;

import io.walletdesk.support.ConversationView;
import io.walletdesk.support.MessageView;
import io.walletdesk.support.Participant;
import io.walletdesk.shared.time.UserTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The whole conversation as plain text with UTC times and the reader's local ones, for the customer to keep (E2). */
@Component
class Transcripts {

    private final ConversationStore store;
    private final ConversationAccess access;
    private final MessageSource messages;
    private final UserTime userTime;

    Transcripts(ConversationStore store, ConversationAccess access, MessageSource messages, UserTime userTime) {
        this.userTime = userTime;
        this.store = store;
        this.access = access;
        this.messages = messages;
    }

    String transcript(long conversationId, Participant reader) {
        ConversationView conversation = access.visible(conversationId, reader);
        StringBuilder text = new StringBuilder();
        text.append("WalletDesk ").append(conversation.reference()).append('\n');
        Locale locale = LocaleContextHolder.getLocale();
        ZoneId zone = userTime.currentZone();
        text.append(messages.getMessage("transcript.opened", new Object[] {conversation.createdAt().toString()}, locale))
                .append("\n\n");
        String noteMark = " (" + messages.getMessage("transcript.internalNote", null, locale) + ")";
        long after = 0;
        while (true) {
            List<MessageView> batch = store.messagesAfter(conversationId, after, reader.isStaff(), 500);
            if (batch.isEmpty()) {
                return text.toString();
            }
            for (MessageView m : batch) {
                text.append('[').append(m.createdAt()).append(" | ").append(UserTime.formatPrecise(m.createdAt(), locale, zone)).append("] ")
                        .append(m.authorName() == null ? m.authorType() : m.authorName())
                        .append(m.internalNote() ? noteMark : "").append(":\n")
                        .append(m.body()).append("\n\n");
                after = m.seq();
            }
        }
    }
}
