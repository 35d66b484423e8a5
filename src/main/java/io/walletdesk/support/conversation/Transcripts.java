package io.walletdesk.support.conversation;

import io.walletdesk.support.ConversationView;
import io.walletdesk.support.MessageView;
import io.walletdesk.support.Participant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The whole conversation as plain text with UTC and Jakarta times, for the customer to keep (E2). */
@Component
class Transcripts {

    private static final DateTimeFormatter WIB = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'WIB'")
            .withZone(ZoneId.of("Asia/Jakarta"));

    private final ConversationStore store;
    private final ConversationAccess access;
    private final MessageSource messages;

    Transcripts(ConversationStore store, ConversationAccess access, MessageSource messages) {
        this.store = store;
        this.access = access;
        this.messages = messages;
    }

    String transcript(long conversationId, Participant reader) {
        ConversationView conversation = access.visible(conversationId, reader);
        StringBuilder text = new StringBuilder();
        text.append("WalletDesk ").append(conversation.reference()).append('\n');
        Locale locale = LocaleContextHolder.getLocale();
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
                text.append('[').append(m.createdAt()).append(" | ").append(WIB.format(m.createdAt())).append("] ")
                        .append(m.authorName() == null ? m.authorType() : m.authorName())
                        .append(m.internalNote() ? noteMark : "").append(":\n")
                        .append(m.body()).append("\n\n");
                after = m.seq();
            }
        }
    }
}
