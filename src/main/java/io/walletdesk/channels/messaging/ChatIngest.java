package io.walletdesk.channels.messaging;

import io.walletdesk.identity.AccountStatus;
import io.walletdesk.identity.Accounts;
import io.walletdesk.shared.crypto.Digests;
import io.walletdesk.shared.i18n.SupportedLanguage;
import io.walletdesk.shared.text.PhoneNumbers;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.Attachments;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.StartConversation;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What both apps share once a message is understood: who wrote (a wallet customer matched by their verified phone
 * number, else a visitor known by their chat), their conversation (one per issue, continued or reopened), the
 * message itself and the chat replies go back to. Runs in the delivery's transaction.
 */
@Component
class ChatIngest {

    /** Who wrote, from where. {@code phone} is set only when the platform vouches for it (WhatsApp's sender). */
    record Sender(Platform platform, String address, String name, String phone, String languageHint) {
    }

    /** A sender's open conversation and how they act in it. */
    record Opened(ConversationView conversation, Participant participant, SupportedLanguage language, Platform platform) {
    }

    private final Conversations conversations;
    private final Attachments attachments;
    private final Accounts accounts;
    private final MessagingThreads threads;
    private final MessageSource messages;
    private final TransactionTemplate savepoint;

    ChatIngest(Conversations conversations, Attachments attachments, Accounts accounts, MessagingThreads threads,
            MessageSource messages, PlatformTransactionManager transactions) {
        this.conversations = conversations;
        this.attachments = attachments;
        this.accounts = accounts;
        this.threads = threads;
        this.messages = messages;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    Opened open(Sender sender, Instant at) {
        Optional<io.walletdesk.identity.AccountView> account = Optional.ofNullable(sender.phone())
                .flatMap(PhoneNumbers::e164).flatMap(accounts::findCustomerByPhone)
                .filter(a -> a.status() != AccountStatus.DISABLED);
        Participant participant = account.<Participant>map(a -> new Participant.Customer(a.id(), a.displayName()))
                .orElseGet(() -> new Participant.Visitor(sender.platform().visitorId(sender.address()), name(sender)));
        SupportedLanguage language = account.map(io.walletdesk.identity.AccountView::language)
                .or(() -> SupportedLanguage.fromTag(sender.languageHint())).orElse(SupportedLanguage.ID);
        ConversationView conversation = conversations.startOrContinue(new StartConversation(participant,
                sender.platform().channel(), null, name(sender), null, sender.phone(), language.tag()));
        threads.touch(conversation.id(), sender.platform(), sender.address(), language.tag(), at);
        return new Opened(conversation, participant, SupportedLanguage.fromTag(conversation.language()).orElse(language),
                sender.platform());
    }

    /** Posts the text once per platform message id (the id is hashed into the client message id). */
    void text(Opened opened, String externalId, String text, Instant sentAt) {
        String body = text == null ? "" : text.replace("\u0000", "").strip();
        if (body.isEmpty()) {
            return;
        }
        if (body.length() > PostMessage.MAX_BODY) {
            body = body.substring(0, PostMessage.MAX_BODY);
        }
        conversations.post(new PostMessage(opened.conversation().id(), opened.participant(), clientId(externalId, ""),
                body, opened.platform().channel(), false, null, sentAt));
    }

    /**
     * Stores a downloaded file through the support desk's attachments (the same type sniffing and size limit as
     * uploads); a file it refuses becomes a line saying what was sent and not kept.
     */
    void file(Opened opened, String externalId, String filename, byte[] content, String declaredType, Instant sentAt) {
        try {
            savepoint.executeWithoutResult(status -> attachments.attach(opened.conversation().id(), opened.participant(),
                    clientId(externalId, ":file"), filename, content, opened.platform().channel(), null));
        } catch (ProblemException refused) {
            notKept(opened, externalId, declaredType, sentAt);
        }
    }

    /** A file that was sent but is not kept (unsupported type, too large, or the platform would not give it). */
    void notKept(Opened opened, String externalId, String declaredType, Instant sentAt) {
        text(opened, externalId + ":not-kept", say(opened, "channels.media.notKept",
                declaredType == null ? "?" : declaredType), sentAt);
    }

    String say(Opened opened, String key, Object... args) {
        return messages.getMessage(key, args, opened.language().locale());
    }

    private static String name(Sender sender) {
        String name = sender.name() == null ? "" : sender.name().replace("\u0000", "").strip();
        return name.isEmpty() ? sender.address() : name.substring(0, Math.min(name.length(), 100));
    }

    /** A client message id within [A-Za-z0-9_.:-]{1,64} for any platform id. */
    static String clientId(String externalId, String suffix) {
        return "im:" + Digests.sha256(externalId + suffix).substring(0, 48);
    }
}
