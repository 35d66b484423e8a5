package io.walletdesk.support.conversation;

import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Participant;
import io.walletdesk.support.Teams;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Who may see a conversation, decided on every read and write: the system sees everything; staff see
 * what their teams allow; customers and visitors only their own. To anyone else it does not exist.
 */
@Component
class ConversationAccess {

    private final ConversationStore store;
    private final Teams teams;

    ConversationAccess(ConversationStore store, Teams teams) {
        this.store = store;
        this.teams = teams;
    }

    /** The conversation, if the reader may see it; else 404. */
    ConversationView visible(long conversationId, Participant reader) {
        return store.find(conversationId).filter(c -> mayAccess(reader, c)).orElseThrow(ConversationAccess::notFound);
    }

    /** The conversation locked for a change (until the transaction ends), if the participant may see it; else 404. */
    ConversationView locked(long conversationId, Participant by) {
        return store.lock(conversationId).filter(c -> mayAccess(by, c)).orElseThrow(ConversationAccess::notFound);
    }

    boolean mayAccess(Participant participant, ConversationView conversation) {
        if (participant instanceof Participant.System) {
            return true;
        }
        if (participant instanceof Participant.Staff staff) {
            return mayStaffSee(staff.userId(), conversation);
        }
        if (participant instanceof Participant.Customer c) {
            return conversation.customerUserId() != null && conversation.customerUserId() == c.userId();
        }
        if (participant instanceof Participant.Visitor v) {
            return v.visitorId().equals(conversation.visitorId());
        }
        return false;
    }

    /**
     * Supervisors and admins see every conversation; agents see their teams' conversations, those not
     * routed to any team, and those assigned to them.
     */
    private boolean mayStaffSee(long staffUserId, ConversationView conversation) {
        return openTo(staffUserId, conversation) || teams.teamsOf(staffUserId).contains(conversation.teamId())
                || teams.seesAllTeams(staffUserId);
    }

    /** Not routed to any team, or assigned to this staff member: no need to know their teams. */
    private static boolean openTo(long staffUserId, ConversationView conversation) {
        return conversation.teamId() == null
                || (conversation.assigneeUserId() != null && conversation.assigneeUserId() == staffUserId);
    }

    /** The same rule as {@link #mayAccess}, with a staff member's teams read once, now. */
    Predicate<ConversationView> visibilityFor(Participant reader) {
        if (reader instanceof Participant.Staff staff) {
            long id = staff.userId();
            Set<Long> ownTeams = Set.copyOf(teams.teamsOf(id));
            boolean allTeams = teams.seesAllTeams(id);
            return conversation -> allTeams || openTo(id, conversation) || ownTeams.contains(conversation.teamId());
        }
        return conversation -> mayAccess(reader, conversation);
    }

    static ProblemException notFound() {
        return new ProblemException("not-found", FailureKind.NOT_FOUND);
    }
}
