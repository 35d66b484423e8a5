package io.walletdesk.support.conversation;

import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.AuthorType;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.MessagePosted;
import io.walletdesk.support.MessageView;
import io.walletdesk.support.Participant;
import io.walletdesk.support.evidence.EvidenceChain;
import io.walletdesk.support.sla.ServiceLevels;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Merging two conversations of the same customer: the source's messages are appended to the target (in
 * their order, with a note), and the source is closed and points to the target. Runs in the caller's
 * transaction; both rows are locked in id order, so two merges cannot deadlock.
 */
@Component
class Merges {

    private final ConversationStore store;
    private final ConversationAccess access;
    private final ServiceLevels serviceLevels;
    private final EvidenceChain chain;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Merges(ConversationStore store, ConversationAccess access, ServiceLevels serviceLevels, EvidenceChain chain,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.access = access;
        this.serviceLevels = serviceLevels;
        this.chain = chain;
        this.events = events;
        this.clock = clock;
    }

    ConversationView merge(long sourceId, long targetId, Participant.Staff by) {
        if (sourceId == targetId) {
            throw ProblemException.forField("merge-invalid", FailureKind.INVALID, "target");
        }
        ConversationView first = access.locked(Math.min(sourceId, targetId), by);
        ConversationView second = access.locked(Math.max(sourceId, targetId), by);
        ConversationView source = first.id() == sourceId ? first : second;
        ConversationView target = first.id() == targetId ? first : second;
        boolean sameCustomer = source.customerUserId() != null
                ? source.customerUserId().equals(target.customerUserId())
                : source.visitorId() != null && source.visitorId().equals(target.visitorId());
        if (!sameCustomer) {
            throw ProblemException.forField("merge-invalid", FailureKind.CONFLICT, "target");
        }
        Instant now = clock.instant();
        long seq = target.lastSeq();
        for (MessageView m : store.messagesAfter(source.id(), 0, true, 10_000)) {
            seq++;
            MessageView copy = new MessageView(target.id(), seq, "merged:" + source.id() + ":" + m.seq(), m.authorType(),
                    m.authorName(), m.channel(), m.body(), m.internalNote(), m.createdAt(), m.clientTime(), m.deviceType(),
                    m.os(), m.browser(), m.appVersion());
            store.insertMessage(copy, null, null);
            chain.message(copy);
        }
        seq++;
        MessageView note = new MessageView(target.id(), seq, "merge-note:" + source.id(), AuthorType.SYSTEM, by.name(),
                target.channel(), "Merged " + source.reference() + " into " + target.reference(), true, now, null, null,
                null, null, null);
        store.insertMessage(note, by.userId(), null);
        chain.message(note);
        chain.status(source.id(), ConversationStatus.CLOSED);
        store.advance(target.id(), seq, target.status() == ConversationStatus.CLOSED ? ConversationStatus.OPEN : target.status(),
                now, null);
        store.advance(source.id(), source.lastSeq(), ConversationStatus.CLOSED, now, source.resolvedAt());
        store.markMerged(source.id(), target.id());
        serviceLevels.onStatus(source.id(), ConversationStatus.CLOSED, now);
        events.publishEvent(new MessagePosted(target.id(), seq, true, AuthorType.SYSTEM, target.channel(), target.language(),
                target.customerUserId()));
        return store.find(target.id()).orElseThrow();
    }
}
