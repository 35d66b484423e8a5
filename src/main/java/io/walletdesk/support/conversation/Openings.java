package io.walletdesk.support.conversation;

import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationReopened;
import io.walletdesk.support.ConversationStarted;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.LeaveMessage;
import io.walletdesk.support.MessageLeftForLater;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.Priority;
import io.walletdesk.support.StartConversation;
import io.walletdesk.support.sla.ServiceLevels;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Starting, reopening and leaving messages: how a conversation comes to be. Runs in the caller's transaction. */
@Component
class Openings {

    private final ConversationStore store;
    private final Posting posting;
    private final ServiceLevels serviceLevels;
    private final AssistantFirstResponse firstResponse;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Openings(ConversationStore store, Posting posting, ServiceLevels serviceLevels, AssistantFirstResponse firstResponse,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.posting = posting;
        this.serviceLevels = serviceLevels;
        this.firstResponse = firstResponse;
        this.events = events;
        this.clock = clock;
    }

    ConversationView startOrContinue(StartConversation command) {
        Long customer = customer(command.by());
        String visitor = visitor(command.by());
        if (customer == null && visitor == null) {
            throw new ProblemException("forbidden", FailureKind.FORBIDDEN);
        }
        Instant now = clock.instant();
        Optional<ConversationView> active = store.latestActive(customer, visitor);
        if (active.isPresent()) {
            return active.get();
        }
        Optional<ConversationView> recent = store.latestResolvedSince(customer, visitor,
                now.minus(Conversations.REOPEN_WINDOW));
        if (recent.isPresent()) {
            ConversationView reopened = recent.get();
            store.lock(reopened.id());
            store.advance(reopened.id(), reopened.lastSeq(), ConversationStatus.OPEN, now, null);
            serviceLevels.onStatus(reopened.id(), ConversationStatus.OPEN, now);
            events.publishEvent(new ConversationReopened(reopened.id()));
            return store.find(reopened.id()).orElseThrow();
        }
        return insert(command, customer, visitor, now, now);
    }

    ConversationView openNew(StartConversation command) {
        Long customer = customer(command.by());
        String visitor = visitor(command.by());
        if (customer == null && visitor == null) {
            throw new ProblemException("forbidden", FailureKind.FORBIDDEN);
        }
        return insert(command, customer, visitor, clock.instant(), clock.instant());
    }

    ConversationView leaveMessage(LeaveMessage command) {
        String email = command.email() == null || command.email().isBlank() ? null
                : command.email().strip().toLowerCase(Locale.ROOT);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}")) {
            throw ProblemException.forField("invalid-email", FailureKind.INVALID, "email");
        }
        Participant by = command.by() != null ? command.by()
                : new Participant.Visitor("v-" + UUID.randomUUID(), command.name() == null ? "-" : command.name().strip());
        if (by instanceof Participant.Visitor && email == null && (command.phone() == null || command.phone().isBlank())) {
            throw ProblemException.forField("contact-needed", FailureKind.INVALID, "email");
        }
        if (by.isStaff()) {
            throw new ProblemException("forbidden", FailureKind.FORBIDDEN);
        }
        ConversationView conversation = startOrContinue(new StartConversation(by, Channel.WEB_FORM, null,
                command.name(), email, command.phone(), command.language()));
        if (email != null && conversation.contactEmail() == null) {
            store.setContactEmail(conversation.id(), email);
        }
        store.replyByEmail(conversation.id());
        posting.post(new PostMessage(conversation.id(), by, command.clientMessageId(), command.body(), Channel.WEB_FORM,
                false, command.client(), null));
        ConversationView stored = store.find(conversation.id()).orElseThrow();
        events.publishEvent(new MessageLeftForLater(stored.id()));
        return stored;
    }

    private ConversationView insert(StartConversation command, Long customer, String visitor, Instant createdAt,
            Instant clocksFrom) {
        long id = store.insert(customer, visitor, trim(command.contactName(), 100), trim(command.contactEmail(), 254),
                trim(command.contactPhone(), 20), command.language() == null ? "en" : command.language(),
                trim(command.subject(), 200), command.channel(), createdAt);
        serviceLevels.start(id, Priority.NORMAL, command.channel(), clocksFrom);
        if (command.channel() == Channel.CHAT || command.channel() == Channel.WHATSAPP
                || command.channel() == Channel.TELEGRAM) {
            firstResponse.onChatStarted(id);
        }
        events.publishEvent(new ConversationStarted(id, command.channel()));
        return store.find(id).orElseThrow();
    }

    private static Long customer(Participant by) {
        return by instanceof Participant.Customer c ? Long.valueOf(c.userId()) : null;
    }

    private static String visitor(Participant by) {
        return by instanceof Participant.Visitor v ? v.visitorId() : null;
    }

    private static String trim(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.length() <= max ? trimmed : trimmed.substring(0, max);
    }
}
