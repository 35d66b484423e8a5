package io.walletdesk.support.conversation;

import java.util.Map;
import io.walletdesk.support.AuthorType;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationResolved;
import io.walletdesk.support.ConversationStatus;
import io.walletdesk.support.ConversationTeamAssigned;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Participant;
import io.walletdesk.support.Priority;
import io.walletdesk.support.Teams;
import io.walletdesk.support.evidence.EvidenceChain;
import io.walletdesk.support.sla.ServiceLevels;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Assignment and status: who works on a conversation (agent, team), its status and priority, the inbox
 * that follows from them, and read marks. Runs in the caller's transaction.
 */
@Component
class Assignments {

    private final ConversationStore store;
    private final ConversationAccess access;
    private final Teams teams;
    private final ServiceLevels serviceLevels;
    private final EvidenceChain chain;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Assignments(ConversationStore store, ConversationAccess access, Teams teams, ServiceLevels serviceLevels,
            EvidenceChain chain, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.access = access;
        this.teams = teams;
        this.serviceLevels = serviceLevels;
        this.chain = chain;
        this.events = events;
        this.clock = clock;
    }

    List<ConversationView> inbox(Participant.Staff staff, Long assignee, ConversationStatus status, Channel channel,
            boolean myTeamsOnly) {
        Set<Long> visibleTeams = myTeamsOnly || !teams.seesAllTeams(staff.userId()) ? teams.teamsOf(staff.userId()) : null;
        return store.inbox(assignee, status, channel, visibleTeams, staff.userId(), myTeamsOnly, 200);
    }

    void assignTeam(long conversationId, Participant.Staff by, Long teamId) {
        ConversationView conversation = access.locked(conversationId, by);
        store.assignTeam(conversation.id(), teamId, clock.instant());
        events.publishEvent(new ConversationTeamAssigned(conversation.id(), teamId));
    }

    boolean assignIfUnassigned(long conversationId, long agentUserId) {
        return store.assignIfUnassigned(conversationId, agentUserId, clock.instant());
    }

    void assign(long conversationId, Participant.Staff by, Long assigneeUserId) {
        access.locked(conversationId, by);
        store.assign(conversationId, assigneeUserId, clock.instant());
    }

    void changeStatus(long conversationId, Participant.Staff by, ConversationStatus status) {
        ConversationView conversation = access.locked(conversationId, by);
        Instant now = clock.instant();
        store.advance(conversationId, conversation.lastSeq(), status, now,
                status == ConversationStatus.RESOLVED ? now : null);
        serviceLevels.onStatus(conversationId, status, now);
        chain.status(conversationId, status);
        if (status == ConversationStatus.RESOLVED) {
            events.publishEvent(new ConversationResolved(conversationId));
        }
    }

    void changePriority(long conversationId, Participant.Staff by, Priority priority) {
        access.locked(conversationId, by);
        store.prioritise(conversationId, priority, clock.instant());
    }

    void markRead(long conversationId, Participant reader, long seq) {
        ConversationView conversation = access.visible(conversationId, reader);
        store.markRead(conversation.id(), side(reader, false), Math.min(seq, conversation.lastSeq()));
    }

    long readByOtherSide(long conversationId, Participant reader) {
        ConversationView conversation = access.visible(conversationId, reader);
        return store.readUpTo(conversation.id(), side(reader, true));
    }

    Map<Long, Integer> openAssigned(List<Long> agentUserIds) {
        return store.openAssignedCounts(agentUserIds);
    }

    int releaseOpenChats(long agentUserId) {
        return store.releaseOpenChats(agentUserId, clock.instant());
    }

    /** Read marks are kept per side: staff read as AGENT, customers and visitors as CUSTOMER. */
    private static String side(Participant reader, boolean other) {
        return (reader.isStaff() != other ? AuthorType.AGENT : AuthorType.CUSTOMER).name();
    }
}
