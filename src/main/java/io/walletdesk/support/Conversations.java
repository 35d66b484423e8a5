package io.walletdesk.support;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The support desk's API: start or reopen conversations, post messages exactly once, read history from a
 * sequence number, and the staff actions (assign, route, status, priority, merge). Every call checks that
 * the participant may see the conversation; to anyone else it does not exist (404).
 */
public interface Conversations {

    /** A customer writing again within this time after resolution reopens the conversation (Q5). */
    Duration REOPEN_WINDOW = Duration.ofDays(7);

    /**
     * The customer's open conversation if there is one, else one resolved within 7 days (reopened with its
     * history), else a new one. So repeated contacts about one issue stay one conversation.
     */
    ConversationView startOrContinue(StartConversation command);

    /** Always a new conversation, e.g. for an e-mail that does not answer an earlier one. */
    ConversationView openNew(StartConversation command);

    /**
     * A message left while live chat is not possible. Visitors without a chat token get a fresh visitor
     * id; the acknowledgement (with the reference and expected reply time) goes to their e-mail.
     */
    ConversationView leaveMessage(LeaveMessage command);

    /** Stores a message once per client id and gives it the next sequence number. */
    PostedMessage post(PostMessage command);

    /**
     * Whether the participant already stored a message with this client id here: a resend (a phone on a bad
     * network) that {@link #post} answers as a duplicate, so it costs no rate-limit budget.
     */
    boolean isResend(long conversationId, Participant by, String clientMessageId);

    /**
     * A visitor signed in (or registered): the conversations they started anonymously and are not closed
     * become the customer's, history and replies included. Signing in is the verification. Returns how many.
     */
    int adoptVisitor(Participant.Visitor visitor, Participant.Customer customer);

    ConversationView get(long conversationId, Participant reader);

    /**
     * The rule {@link #get} applies for this reader, decided now and then applied without database reads (for
     * staff: their teams as of this call). For deciding many conversations at once, such as a workspace's live
     * inbox; ask again after a while, since team membership changes.
     */
    Predicate<ConversationView> visibilityFor(Participant reader);

    /** A conversation by its reference (e.g. WD-10042 in an e-mail subject), if the participant may see it. */
    Optional<ConversationView> byReference(String reference, Participant reader);

    Optional<MessageView> message(long conversationId, long seq, Participant reader);

    /** Messages after {@code afterSeq}, in order; internal notes only for staff. */
    List<MessageView> messagesAfter(long conversationId, Participant reader, long afterSeq, int limit);

    /** The participant's own conversations, most recent first. */
    List<ConversationView> ofParticipant(Participant participant);

    void markRead(long conversationId, Participant reader, long seq);

    /** The highest sequence the other side has read: the customer sees "read" on messages up to it. */
    long readByOtherSide(long conversationId, Participant reader);

    /** When the customer can expect a person to answer (business hours), if a response is owed. */
    Optional<Instant> expectedReply(long conversationId, Participant reader);

    /** The whole conversation as plain text with UTC and Jakarta times, for the customer to keep (E2). */
    String transcript(long conversationId, Participant reader);

    /** Staff inbox: {@code assignee} -1 for unassigned, null for everyone's; {@code status} null for all open ones. */
    default List<ConversationView> inbox(Participant.Staff staff, Long assignee, ConversationStatus status,
            Channel channel) {
        return inbox(staff, assignee, status, channel, false);
    }

    /** As above; {@code myTeamsOnly} keeps only the conversations of the staff member's teams. */
    List<ConversationView> inbox(Participant.Staff staff, Long assignee, ConversationStatus status, Channel channel,
            boolean myTeamsOnly);

    void assign(long conversationId, Participant.Staff by, Long assigneeUserId);

    /** Routing: assigns only when the conversation is still unassigned (an agent's own choice wins). */
    boolean assignIfUnassigned(long conversationId, long agentUserId);

    /** Routes a conversation to a team (null: no team). */
    void assignTeam(long conversationId, Participant.Staff by, Long teamId);

    void changeStatus(long conversationId, Participant.Staff by, ConversationStatus status);

    void changePriority(long conversationId, Participant.Staff by, Priority priority);

    /**
     * Merges two conversations of the same customer: the source's messages are appended to the target (in
     * their order, with a note), and the source is closed and points to the target.
     */
    ConversationView merge(long sourceId, long targetId, Participant.Staff by);

    /** Each agent's open conversations (their current load), in one read; an agent with none is absent. */
    Map<Long, Integer> openAssigned(List<Long> agentUserIds);

    /** Returns an absent agent's open chats to the queue; returns how many. */
    int releaseOpenChats(long agentUserId);
}
