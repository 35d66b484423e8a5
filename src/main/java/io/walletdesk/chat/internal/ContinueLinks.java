package io.walletdesk.chat.internal;

import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.outbox.OutboundMessage;
import io.walletdesk.shared.outbox.OutboundMessages;
import io.walletdesk.support.Participant;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A visitor who gave an e-mail address gets a personal link that opens the same conversation on any other
 * device (A6): the phone's battery dies, they continue on a laptop without starting over.
 */
@Component
class ContinueLinks {

    private final ChatTokens tokens;
    private final OutboundMessages outbox;
    private final MessageSource messages;
    private final String publicBaseUrl;

    ContinueLinks(ChatTokens tokens, OutboundMessages outbox, MessageSource messages,
            @Value("${walletdesk.public-base-url:http://localhost:8080}") String publicBaseUrl) {
        this.tokens = tokens;
        this.outbox = outbox;
        this.messages = messages;
        this.publicBaseUrl = publicBaseUrl;
    }

    void send(String visitorToken, String email, String language) {
        if (!(tokens.resolve(visitorToken).orElse(null) instanceof Participant.Visitor visitor)) {
            return;
        }
        String link = publicBaseUrl + "/support/continue/" + tokens.forSameVisitor(visitor.visitorId(), visitor.name());
        Locale locale = SupportedLanguage.fromTag(language).orElse(SupportedLanguage.EN).locale();
        outbox.queue(new OutboundMessage(OutboundMessage.Channel.EMAIL, email.strip().toLowerCase(Locale.ROOT),
                messages.getMessage("chat.continue.subject", null, locale),
                messages.getMessage("chat.continue.body", new Object[] {link}, locale), "CHAT_CONTINUE_LINK"));
    }
}
