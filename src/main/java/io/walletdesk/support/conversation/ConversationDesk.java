package io.walletdesk.support.conversation;

import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.LeaveMessage;
import io.walletdesk.support.MessageView;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.PostedMessage;
import io.walletdesk.support.Priority;
import io.walletdesk.support.StartConversation;
import io.walletdesk.support.sla.ServiceLevels;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Conversations}: the transaction boundary and the reads; each kind of change is done by its
 * capability ({@link Openings}, {@link Posting}, {@link Assignments}, {@link Merges}, {@link Transcripts}).
 */
@Service
class ConversationDesk implements Conversations {

    private final ConversationStore store;
    private final ConversationAccess access;
    private final Openings openings;
    private final Posting posting;
    private final Assignments assignments;
    private final Merges merges;
    private final Transcripts transcripts;
    private final ServiceLevels serviceLevels;
    private final Clock clock;

    ConversationDesk(ConversationStore store, ConversationAccess access, Openings openings, Posting posting,
            Assignments assignments, Merges merges, Transcripts transcripts, ServiceLevels serviceLevels,
            Clock clock) {
        this.clock = clock;
        this.store = store;
        this.access = access;
        this.openings = openings;
        this.posting = posting;
        this.assignments = assignments;
        this.merges = merges;
        this.transcripts = transcripts;
        this.serviceLevels = serviceLevels;
    }

    @Override
    @Transactional
    public ConversationView startOrContinue(StartConversation command) {
        return openings.startOrContinue(command);
    }

    @Override
    @Transactional
    public ConversationView openNew(StartConversation command) {
        return openings.openNew(command);
    }

    @Override
    @Transactional
    public ConversationView leaveMessage(LeaveMessage command) {
        return openings.leaveMessage(command);
    }

    @Override
    @Transactional
    public PostedMessage post(PostMessage command) {
        return posting.post(command);
    }

    @Override
    public boolean isResend(long conversationId, Participant by, String clientMessageId) {
        if (clientMessageId == null || clientMessageId.isBlank()) {
            return false;
        }
        ConversationView conversation = access.visible(conversationId, by);
        return store.messageByClientId(conversation.id(), clientMessageId).isPresent();
    }

    @Override
    @Transactional
    public int adoptVisitor(Participant.Visitor visitor, Participant.Customer customer) {
        return store.adoptVisitor(visitor.visitorId(), customer.userId(), clock.instant());
    }

    @Override
    public ConversationView get(long conversationId, Participant reader) {
        return access.visible(conversationId, reader);
    }

    @Override
    public Predicate<ConversationView> visibilityFor(Participant reader) {
        return access.visibilityFor(reader);
    }

    @Override
    public Optional<ConversationView> byReference(String reference, Participant reader) {
        return store.findByReference(reference).filter(c -> access.mayAccess(reader, c));
    }

    @Override
    public Optional<MessageView> message(long conversationId, long seq, Participant reader) {
        access.visible(conversationId, reader);
        return store.message(conversationId, seq).filter(m -> reader.isStaff() || !m.internalNote());
    }

    @Override
    @Transactional(readOnly = true)
    public List<MessageView> messagesAfter(long conversationId, Participant reader, long afterSeq, int limit) {
        ConversationView conversation = access.visible(conversationId, reader);
        return store.messagesAfter(conversation.id(), Math.max(0, afterSeq), reader.isStaff(), Math.min(limit, 500));
    }

    @Override
    public List<ConversationView> ofParticipant(Participant participant) {
        if (participant instanceof Participant.Customer c) {
            return store.ofCustomer(c.userId(), null, 50);
        }
        if (participant instanceof Participant.Visitor v) {
            return store.ofCustomer(null, v.visitorId(), 50);
        }
        return List.of();
    }

    @Override
    @Transactional
    public void markRead(long conversationId, Participant reader, long seq) {
        assignments.markRead(conversationId, reader, seq);
    }

    @Override
    public long readByOtherSide(long conversationId, Participant reader) {
        return assignments.readByOtherSide(conversationId, reader);
    }

    @Override
    public Optional<Instant> expectedReply(long conversationId, Participant reader) {
        access.visible(conversationId, reader);
        return serviceLevels.expectedReply(conversationId);
    }

    @Override
    @Transactional(readOnly = true)
    public String transcript(long conversationId, Participant reader) {
        return transcripts.transcript(conversationId, reader);
    }

    @Override
    public List<ConversationView> inbox(Participant.Staff staff, Long assignee, ConversationStatus status, Channel channel,
            boolean myTeamsOnly) {
        return assignments.inbox(staff, assignee, status, channel, myTeamsOnly);
    }

    @Override
    @Transactional
    public void assign(long conversationId, Participant.Staff by, Long assigneeUserId) {
        assignments.assign(conversationId, by, assigneeUserId);
    }

    @Override
    @Transactional
    public boolean assignIfUnassigned(long conversationId, long agentUserId) {
        return assignments.assignIfUnassigned(conversationId, agentUserId);
    }

    @Override
    @Transactional
    public void assignTeam(long conversationId, Participant.Staff by, Long teamId) {
        assignments.assignTeam(conversationId, by, teamId);
    }

    @Override
    @Transactional
    public void changeStatus(long conversationId, Participant.Staff by, ConversationStatus status) {
        assignments.changeStatus(conversationId, by, status);
    }

    @Override
    @Transactional
    public void changePriority(long conversationId, Participant.Staff by, Priority priority) {
        assignments.changePriority(conversationId, by, priority);
    }

    @Override
    @Transactional
    public ConversationView merge(long sourceId, long targetId, Participant.Staff by) {
        return merges.merge(sourceId, targetId, by);
    }

    @Override
    public Map<Long, Integer> openAssigned(List<Long> agentUserIds) {
        return assignments.openAssigned(agentUserIds);
    }

    @Override
    @Transactional
    public int releaseOpenChats(long agentUserId) {
        return assignments.releaseOpenChats(agentUserId);
    }
}
