package io.walletdesk.support.conversation;

import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.AuthorType;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.FirstResponseGiven;
import io.walletdesk.support.MessagePosted;
import io.walletdesk.support.MessageView;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.PostedMessage;
import io.walletdesk.support.evidence.EvidenceChain;
import io.walletdesk.support.sla.ServiceLevels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Posting a message exactly once: the next sequence number under the conversation's row lock, its
 * evidence-chain entry, the status and service-level clocks it moves, and {@link MessagePosted}.
 * Runs in the caller's transaction.
 */
@Component
class Posting {

    private final ConversationStore store;
    private final ConversationAccess access;
    private final ServiceLevels serviceLevels;
    private final EvidenceChain chain;
    private final AssistantFirstResponse firstResponse;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Posting(ConversationStore store, ConversationAccess access, ServiceLevels serviceLevels, EvidenceChain chain,
            AssistantFirstResponse firstResponse, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.access = access;
        this.serviceLevels = serviceLevels;
        this.chain = chain;
        this.firstResponse = firstResponse;
        this.events = events;
        this.clock = clock;
    }

    PostedMessage post(PostMessage command) {
        String body = PostMessage.validBody(command.body());
        String clientId = command.clientMessageId() == null || command.clientMessageId().isBlank()
                ? UUID.randomUUID().toString() : command.clientMessageId();
        if (!clientId.matches("[A-Za-z0-9_.:-]{1,64}")) {
            throw ProblemException.forField("validation", FailureKind.INVALID, "clientMessageId");
        }
        if (command.internalNote() && !command.by().isStaff()) {
            throw new ProblemException("forbidden", FailureKind.FORBIDDEN);
        }
        ConversationView conversation = access.locked(command.conversationId(), command.by());
        Optional<MessageView> existing = store.messageByClientId(conversation.id(), clientId);
        if (existing.isPresent()) {
            return new PostedMessage(existing.get(), true);
        }
        Instant now = clock.instant();
        ConversationStatus status = nextStatus(conversation, command);
        long seq = conversation.lastSeq() + 1;
        ClientInfo client = command.client();
        AuthorType authorType = AuthorType.of(command.by());
        boolean fromCustomer = authorType == AuthorType.CUSTOMER;
        MessageView message = new MessageView(conversation.id(), seq, clientId, authorType,
                command.by().name(), command.channel(), body, command.internalNote(), now,
                plausibleClientTime(command.clientTime(), now),
                fromCustomer && client != null ? client.device().deviceType() : null,
                fromCustomer && client != null ? client.device().os() : null,
                fromCustomer && client != null ? client.device().browser() : null,
                fromCustomer && client != null ? client.appVersion() : null);
        store.insertMessage(message, authorUserId(command.by()), client == null ? null : client.ip());
        chain.message(message);
        store.advance(conversation.id(), seq, status,
                now, status == ConversationStatus.RESOLVED ? conversation.resolvedAt() : null);
        if (status != conversation.status()) {
            serviceLevels.onStatus(conversation.id(), status, now);
        }
        if (authorType == AuthorType.AGENT && !command.internalNote()) {
            firstResponse.onStaffMessage(conversation.id());
            boolean first = serviceLevels.clocks(conversation.id()).map(c -> c.firstRespondedAt() == null).orElse(false);
            serviceLevels.onAgentReply(conversation.id(), now);
            if (first) {
                events.publishEvent(new FirstResponseGiven(conversation.id(), conversation.createdAt(), now));
            }
        } else if (fromCustomer) {
            serviceLevels.onCustomerMessage(conversation.id(), now);
        }
        events.publishEvent(new MessagePosted(conversation.id(), seq, command.internalNote(), authorType, command.channel(),
                conversation.language(), conversation.customerUserId()));
        return new PostedMessage(message, false);
    }

    /** A customer writing makes a waiting conversation active again; a reply never closes it by itself. */
    private static ConversationStatus nextStatus(ConversationView conversation, PostMessage command) {
        if (command.by().isStaff()) {
            return conversation.status();
        }
        return switch (conversation.status()) {
            case PENDING, SNOOZED, RESOLVED -> ConversationStatus.OPEN;
            case CLOSED -> throw new ProblemException("conversation-closed", FailureKind.CONFLICT);
            default -> conversation.status();
        };
    }

    /** The client's clock is kept as evidence (E3) unless it is absurd (more than a day off). */
    private static Instant plausibleClientTime(Instant clientTime, Instant now) {
        if (clientTime == null || Duration.between(clientTime, now).abs().compareTo(Duration.ofDays(1)) > 0) {
            return null;
        }
        return clientTime;
    }

    private static Long authorUserId(Participant participant) {
        if (participant instanceof Participant.Customer c) {
            return c.userId();
        }
        if (participant instanceof Participant.Staff s) {
            return s.userId();
        }
        return null;
    }
}
