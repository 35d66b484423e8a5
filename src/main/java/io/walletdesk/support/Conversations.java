package io.walletdesk.support;

import io.walletdesk.shared.web.ProblemException;
import io.walletdesk.support.internal.ConversationStore;
import io.walletdesk.support.sla.ServiceLevels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The support desk's API: start or reopen conversations, post messages exactly once, read history from a
 * sequence number, and the agent actions (assign, status, priority). Every call checks that the
 * participant may see the conversation; to anyone else it does not exist.
 */
@Service
public class Conversations {

    /** A customer writing again within this time after resolution reopens the conversation (Q5). */
    public static final Duration REOPEN_WINDOW = Duration.ofDays(7);
    static final int MAX_BODY = 10_000;

    private final ConversationStore store;
    private final ServiceLevels serviceLevels;
    private final Teams teams;
    private final io.walletdesk.support.evidence.EvidenceChain chain;
    private final ApplicationEventPublisher events;
    private final org.springframework.context.MessageSource messages;
    private final Clock clock;
    private final FirstResponse firstResponse;

    Conversations(ConversationStore store, ServiceLevels serviceLevels, Teams teams,
            io.walletdesk.support.evidence.EvidenceChain chain, ApplicationEventPublisher events,
            org.springframework.context.MessageSource messages, Clock clock, FirstResponse firstResponse) {
        this.firstResponse = firstResponse;
        this.messages = messages;
        this.chain = chain;
        this.teams = teams;
        this.store = store;
        this.serviceLevels = serviceLevels;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The customer's open conversation if there is one, else one resolved within 7 days (reopened with its
     * history), else a new one. So repeated contacts about one issue stay one conversation.
     */
    @Transactional
    public ConversationView startOrContinue(StartConversation command) {
        Long customer = command.by() instanceof Participant.Customer c ? Long.valueOf(c.userId()) : null;
        String visitor = command.by() instanceof Participant.Visitor v ? v.visitorId() : null;
        if (customer == null && visitor == null) {
            throw new ProblemException("forbidden", HttpStatus.FORBIDDEN);
        }
        Instant now = clock.instant();
        Optional<ConversationView> active = store.latestActive(customer, visitor);
        if (active.isPresent()) {
            return active.get();
        }
        Optional<ConversationView> recent = store.latestResolvedSince(customer, visitor, now.minus(REOPEN_WINDOW));
        if (recent.isPresent()) {
            ConversationView reopened = recent.get();
            store.lock(reopened.id());
            store.advance(reopened.id(), reopened.lastSeq(), ConversationStatus.OPEN, now, null);
            serviceLevels.onStatus(reopened.id(), ConversationStatus.OPEN, now);
            events.publishEvent(new ConversationReopened(reopened.id()));
            return store.find(reopened.id()).orElseThrow();
        }
        long id = store.insert(customer, visitor, trim(command.contactName(), 100), trim(command.contactEmail(), 254),
                trim(command.contactPhone(), 20), command.language() == null ? "en" : command.language(),
                trim(command.subject(), 200), command.channel(), now);
        serviceLevels.start(id, Priority.NORMAL, command.channel(), now);
        if (command.channel() == Channel.CHAT) {
            firstResponse.onChatStarted(id);
        }
        events.publishEvent(new ConversationStarted(id, command.channel()));
        return store.find(id).orElseThrow();
    }

    /**
     * A message left while live chat is not possible. Visitors without a chat token get a fresh visitor
     * id; the acknowledgement (with the reference and expected reply time) goes to their e-mail.
     */
    @Transactional
    public ConversationView leaveMessage(LeaveMessage command) {
        String email = command.email() == null || command.email().isBlank() ? null : command.email().strip().toLowerCase();
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}")) {
            throw ProblemException.forField("invalid-email", HttpStatus.BAD_REQUEST, "email");
        }
        Participant by = command.by() != null ? command.by()
                : new Participant.Visitor("v-" + UUID.randomUUID(), command.name() == null ? "-" : command.name().strip());
        if (by instanceof Participant.Visitor && email == null && (command.phone() == null || command.phone().isBlank())) {
            throw ProblemException.forField("contact-needed", HttpStatus.BAD_REQUEST, "email");
        }
        if (by.isStaff()) {
            throw new ProblemException("forbidden", HttpStatus.FORBIDDEN);
        }
        ConversationView conversation = startOrContinue(new StartConversation(by, Channel.WEB_FORM, null,
                command.name(), email, command.phone(), command.language()));
        if (email != null && conversation.contactEmail() == null) {
            store.setContactEmail(conversation.id(), email);
        }
        store.replyByEmail(conversation.id());
        post(new PostMessage(conversation.id(), by, command.clientMessageId(), command.body(), Channel.WEB_FORM, false,
                command.client(), null));
        ConversationView stored = store.find(conversation.id()).orElseThrow();
        events.publishEvent(new MessageLeftForLater(stored.id()));
        return stored;
    }

    /** Always a new conversation, e.g. for an e-mail that does not answer an earlier one. */
    @Transactional
    public ConversationView openNew(StartConversation command) {
        Long customer = command.by() instanceof Participant.Customer c ? Long.valueOf(c.userId()) : null;
        String visitor = command.by() instanceof Participant.Visitor v ? v.visitorId() : null;
        if (customer == null && visitor == null) {
            throw new ProblemException("forbidden", HttpStatus.FORBIDDEN);
        }
        long id = store.insert(customer, visitor, trim(command.contactName(), 100), trim(command.contactEmail(), 254),
                trim(command.contactPhone(), 20), command.language() == null ? "en" : command.language(),
                trim(command.subject(), 200), command.channel(), clock.instant());
        serviceLevels.start(id, Priority.NORMAL, command.channel(), clock.instant());
        if (command.channel() == Channel.CHAT) {
            firstResponse.onChatStarted(id);
        }
        events.publishEvent(new ConversationStarted(id, command.channel()));
        return store.find(id).orElseThrow();
    }

    /** Stores a message once per client id and gives it the next sequence number. */
    @Transactional
    public Posted post(PostMessage command) {
        String body = command.body() == null ? "" : command.body().strip();
        if (body.isEmpty()) {
            throw ProblemException.forField("message-empty", HttpStatus.BAD_REQUEST, "body");
        }
        if (body.length() > MAX_BODY) {
            throw ProblemException.forField("message-too-long", HttpStatus.BAD_REQUEST, "body", MAX_BODY);
        }
        String clientId = command.clientMessageId() == null || command.clientMessageId().isBlank()
                ? UUID.randomUUID().toString() : command.clientMessageId();
        if (!clientId.matches("[A-Za-z0-9_.:-]{1,64}")) {
            throw ProblemException.forField("validation", HttpStatus.BAD_REQUEST, "clientMessageId");
        }
        if (command.internalNote() && !command.by().isStaff()) {
            throw new ProblemException("forbidden", HttpStatus.FORBIDDEN);
        }
        ConversationView conversation = store.lock(command.conversationId())
                .filter(c -> mayAccess(command.by(), c))
                .orElseThrow(Conversations::notFound);
        Optional<MessageView> existing = store.messageByClientId(conversation.id(), clientId);
        if (existing.isPresent()) {
            return new Posted(existing.get(), true);
        }
        Instant now = clock.instant();
        ConversationStatus status = nextStatus(conversation, command);
        long seq = conversation.lastSeq() + 1;
        var client = command.client();
        boolean fromCustomer = !command.by().isStaff();
        String authorType = fromCustomer ? "CUSTOMER" : command.by() instanceof Participant.System ? "SYSTEM" : "AGENT";
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
        if ("AGENT".equals(authorType) && !command.internalNote()) {
            firstResponse.onStaffMessage(conversation.id());
            boolean first = serviceLevels.clocks(conversation.id()).map(c -> c.firstRespondedAt() == null).orElse(false);
            serviceLevels.onAgentReply(conversation.id(), now);
            if (first) {
                events.publishEvent(new FirstResponseGiven(conversation.id(), conversation.createdAt(), now));
            }
        } else if (fromCustomer) {
            serviceLevels.onCustomerMessage(conversation.id(), now);
        }
        events.publishEvent(new MessagePosted(conversation.id(), seq, command.internalNote()));
        return new Posted(message, false);
    }

    /** Messages after {@code afterSeq}, in order; internal notes only for staff. */
    @Transactional(readOnly = true)
    public List<MessageView> messagesAfter(long conversationId, Participant reader, long afterSeq, int limit) {
        ConversationView conversation = get(conversationId, reader);
        return store.messagesAfter(conversation.id(), Math.max(0, afterSeq), reader.isStaff(), Math.min(limit, 500));
    }

    /** A conversation by its reference (e.g. WD-10042 in an e-mail subject), if the participant may see it. */
    public Optional<ConversationView> byReference(String reference, Participant reader) {
        return store.findByReference(reference).filter(c -> mayAccess(reader, c));
    }

    public ConversationView get(long conversationId, Participant reader) {
        return store.find(conversationId).filter(c -> mayAccess(reader, c)).orElseThrow(Conversations::notFound);
    }

    public Optional<MessageView> message(long conversationId, long seq, Participant reader) {
        get(conversationId, reader);
        return store.message(conversationId, seq).filter(m -> reader.isStaff() || !m.internalNote());
    }

    public List<ConversationView> ofParticipant(Participant participant) {
        if (participant instanceof Participant.Customer c) {
            return store.ofCustomer(c.userId(), null, 50);
        }
        if (participant instanceof Participant.Visitor v) {
            return store.ofCustomer(null, v.visitorId(), 50);
        }
        return List.of();
    }

    /** Staff inbox: {@code assignee} -1 for unassigned, null for everyone's; {@code status} null for all open ones. */
    public List<ConversationView> inbox(Participant.Staff staff, Long assignee, ConversationStatus status,
            Channel channel) {
        return inbox(staff, assignee, status, channel, false);
    }

    /** As above; {@code myTeamsOnly} keeps only the conversations of the staff member's teams. */
    public List<ConversationView> inbox(Participant.Staff staff, Long assignee, ConversationStatus status,
            Channel channel, boolean myTeamsOnly) {
        java.util.Set<Long> visibleTeams = myTeamsOnly || !teams.seesAllTeams(staff.userId())
                ? teams.teamsOf(staff.userId()) : null;
        return store.inbox(assignee, status, channel, visibleTeams, staff.userId(), myTeamsOnly, 200);
    }

    /** Routes a conversation to a team (null: no team). */
    @Transactional
    public void assignTeam(long conversationId, Participant.Staff by, Long teamId) {
        ConversationView conversation = store.lock(conversationId).filter(c -> mayAccess(by, c))
                .orElseThrow(Conversations::notFound);
        store.assignTeam(conversation.id(), teamId, clock.instant());
        events.publishEvent(new ConversationTeamAssigned(conversation.id(), teamId));
    }

    @Transactional
    public void markRead(long conversationId, Participant reader, long seq) {
        ConversationView conversation = get(conversationId, reader);
        store.markRead(conversation.id(), reader.isStaff() ? "AGENT" : "CUSTOMER", Math.min(seq, conversation.lastSeq()));
    }

    /** The highest sequence the other side has read: the customer sees "read" on messages up to it. */
    public long readByOtherSide(long conversationId, Participant reader) {
        ConversationView conversation = get(conversationId, reader);
        return store.readUpTo(conversation.id(), reader.isStaff() ? "CUSTOMER" : "AGENT");
    }

    /** Routing: assigns only when the conversation is still unassigned (an agent's own choice wins). */
    @Transactional
    public boolean assignIfUnassigned(long conversationId, long agentUserId) {
        return store.assignIfUnassigned(conversationId, agentUserId, clock.instant());
    }

    @Transactional
    public void assign(long conversationId, Participant.Staff by, Long assigneeUserId) {
        store.lock(conversationId).filter(c -> mayAccess(by, c)).orElseThrow(Conversations::notFound);
        store.assign(conversationId, assigneeUserId, clock.instant());
    }

    @Transactional
    public void changeStatus(long conversationId, Participant.Staff by, ConversationStatus status) {
        ConversationView conversation = store.lock(conversationId).filter(c -> mayAccess(by, c))
                .orElseThrow(Conversations::notFound);
        Instant now = clock.instant();
        store.advance(conversationId, conversation.lastSeq(), status, now,
                status == ConversationStatus.RESOLVED ? now : null);
        serviceLevels.onStatus(conversationId, status, now);
        chain.status(conversationId, status.name());
        if (status == ConversationStatus.RESOLVED) {
            events.publishEvent(new ConversationResolved(conversationId));
        }
    }

    /** When the customer can expect a person to answer (business hours), if a response is owed. */
    public Optional<Instant> expectedReply(long conversationId, Participant reader) {
        get(conversationId, reader);
        return serviceLevels.expectedReply(conversationId);
    }

    @Transactional
    public void changePriority(long conversationId, Participant.Staff by, Priority priority) {
        store.lock(conversationId).filter(c -> mayAccess(by, c)).orElseThrow(Conversations::notFound);
        store.prioritise(conversationId, priority, clock.instant());
    }

    /** The whole conversation as plain text with UTC and Jakarta times, for the customer to keep (E2). */
    @Transactional(readOnly = true)
    public String transcript(long conversationId, Participant reader) {
        ConversationView conversation = get(conversationId, reader);
        java.time.format.DateTimeFormatter local = java.time.format.DateTimeFormatter
                .ofPattern("yyyy-MM-dd HH:mm:ss 'WIB'").withZone(java.time.ZoneId.of("Asia/Jakarta"));
        StringBuilder text = new StringBuilder();
        text.append("WalletDesk ").append(conversation.reference()).append('\n');
        java.util.Locale locale = org.springframework.context.i18n.LocaleContextHolder.getLocale();
        text.append(messages.getMessage("transcript.opened", new Object[] {conversation.createdAt().toString()}, locale))
                .append("\n\n");
        String noteMark = " (" + messages.getMessage("transcript.internalNote", null, locale) + ")";
        long after = 0;
        while (true) {
            List<MessageView> batch = store.messagesAfter(conversationId, after, reader.isStaff(), 500);
            if (batch.isEmpty()) {
                return text.toString();
            }
            for (MessageView m : batch) {
                text.append('[').append(m.createdAt()).append(" | ").append(local.format(m.createdAt())).append("] ")
                        .append(m.authorName() == null ? m.authorType() : m.authorName())
                        .append(m.internalNote() ? noteMark : "").append(":\n")
                        .append(m.body()).append("\n\n");
                after = m.seq();
            }
        }
    }

    /**
     * Merges two conversations of the same customer: the source's messages are appended to the target (in
     * their order, with a note), and the source is closed and points to the target.
     */
    @Transactional
    public ConversationView merge(long sourceId, long targetId, Participant.Staff by) {
        if (sourceId == targetId) {
            throw ProblemException.forField("merge-invalid", HttpStatus.BAD_REQUEST, "target");
        }
        ConversationView first = store.lock(Math.min(sourceId, targetId)).filter(c -> mayAccess(by, c))
                .orElseThrow(Conversations::notFound);
        ConversationView second = store.lock(Math.max(sourceId, targetId)).filter(c -> mayAccess(by, c))
                .orElseThrow(Conversations::notFound);
        ConversationView source = first.id() == sourceId ? first : second;
        ConversationView target = first.id() == targetId ? first : second;
        boolean sameCustomer = source.customerUserId() != null
                ? source.customerUserId().equals(target.customerUserId())
                : source.visitorId() != null && source.visitorId().equals(target.visitorId());
        if (!sameCustomer) {
            throw ProblemException.forField("merge-invalid", HttpStatus.CONFLICT, "target");
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
        MessageView note = new MessageView(target.id(), seq, "merge-note:" + source.id(), "SYSTEM", by.name(),
                target.channel(), "Merged " + source.reference() + " into " + target.reference(), true, now, null, null,
                null, null, null);
        store.insertMessage(note, by.userId(), null);
        chain.message(note);
        chain.status(source.id(), "CLOSED");
        store.advance(target.id(), seq, target.status() == ConversationStatus.CLOSED ? ConversationStatus.OPEN : target.status(),
                now, null);
        store.advance(source.id(), source.lastSeq(), ConversationStatus.CLOSED, now, source.resolvedAt());
        store.markMerged(source.id(), target.id());
        serviceLevels.onStatus(source.id(), ConversationStatus.CLOSED, now);
        events.publishEvent(new MessagePosted(target.id(), seq, true));
        return store.find(target.id()).orElseThrow();
    }

    /** Open conversations assigned to the agent: their current load. */
    public int openAssigned(long agentUserId) {
        return store.openAssignedCount(agentUserId);
    }

    /** Returns an absent agent's open chats to the queue; returns how many. */
    @Transactional
    public int releaseOpenChats(long agentUserId) {
        return store.releaseOpenChats(agentUserId, clock.instant());
    }

    boolean mayAccess(Participant participant, ConversationView conversation) {
        if (participant instanceof Participant.System) {
            return true;
        }
        if (participant instanceof Participant.Staff staff) {
            return teams.mayStaffSee(staff.userId(), conversation, conversation.teamId());
        }
        if (participant instanceof Participant.Customer c) {
            return conversation.customerUserId() != null && conversation.customerUserId() == c.userId();
        }
        if (participant instanceof Participant.Visitor v) {
            return v.visitorId().equals(conversation.visitorId());
        }
        return false;
    }

    /** A customer writing makes a waiting conversation active again; a reply never closes it by itself. */
    private static ConversationStatus nextStatus(ConversationView conversation, PostMessage command) {
        if (command.by().isStaff()) {
            return conversation.status();
        }
        return switch (conversation.status()) {
            case PENDING, SNOOZED, RESOLVED -> ConversationStatus.OPEN;
            case CLOSED -> throw new ProblemException("conversation-closed", HttpStatus.CONFLICT);
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

    private static String trim(String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.length() <= max ? trimmed : trimmed.substring(0, max);
    }

    private static ProblemException notFound() {
        return new ProblemException("not-found", HttpStatus.NOT_FOUND);
    }
}
