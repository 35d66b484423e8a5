package io.walletdesk.community.internal;

import io.walletdesk.community.TopicMovedToPrivateSupport;
import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.Accounts;
import io.walletdesk.shared.audit.AuditEntry;
import io.walletdesk.shared.audit.AuditTrail;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.StartConversation;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "This needs your account": the author or staff turn a topic into a private support conversation with the author.
 * The question (as published, i.e. masked) becomes the conversation's first message, a staff note links back to
 * the topic, and the public page only says that the topic moved to private support.
 */
@Service
class PrivateSupport {

    private final CommunityStore store;
    private final Conversations conversations;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final Clock clock;

    PrivateSupport(CommunityStore store, Conversations conversations, Accounts accounts, AuditTrail audit,
            ApplicationEventPublisher events, MessageSource messages, Clock clock) {
        this.store = store;
        this.conversations = conversations;
        this.accounts = accounts;
        this.audit = audit;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
    }

    @Transactional
    long moveToPrivate(Member by, long topicId, ClientInfo client) {
        Topic topic = store.lockTopic(topicId)
                .filter(t -> t.state() == TopicState.OPEN || t.state() == TopicState.PENDING)
                .orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        if (!by.staff() && by.userId() != topic.authorUserId()) {
            throw new ProblemException("forbidden", FailureKind.FORBIDDEN);
        }
        AccountView author = accounts.find(topic.authorUserId())
                .orElseThrow(() -> new ProblemException("not-found", FailureKind.NOT_FOUND));
        Participant.Customer customer = new Participant.Customer(author.id(), author.displayName());
        ConversationView conversation = conversations.openNew(new StartConversation(customer, Channel.WEB_FORM,
                topic.title(), author.displayName(), author.email(), author.phone(), topic.language()));
        Post question = store.posts(topicId).stream().filter(Post::opening).findFirst().orElseThrow();
        conversations.post(new PostMessage(conversation.id(), customer, "community-topic-" + topicId, question.body(),
                Channel.WEB_FORM, false, client, null));
        String note = messages.getMessage("community.private.note", new Object[] {"/community/topics/" + topicId},
                author.language().locale());
        Participant mover = by.staff() ? new Participant.Staff(by.userId(), by.displayName())
                : new Participant.System("community");
        conversations.post(new PostMessage(conversation.id(), mover, "community-note-" + topicId, note,
                Channel.WEB_FORM, true, client, null));
        store.updateTopic(topic.privately(conversation.id()), clock.instant());
        audit.record(AuditEntry.of("COMMUNITY_TOPIC_MOVED_TO_PRIVATE", by.userId(), by.role(), topic.authorUserId(),
                "topic=" + topicId + " conversation=" + conversation.id(), client));
        events.publishEvent(new TopicMovedToPrivateSupport(topicId, conversation.id(), by.userId()));
        events.publishEvent(new TopicChanged(topicId));
        return conversation.id();
    }
}
