package io.walletdesk.chat.internal;

import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.web.DeviceSummary;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Intake;
import io.walletdesk.support.Participant;
import io.walletdesk.support.PostMessage;
import io.walletdesk.support.PostedMessage;
import io.walletdesk.support.StartConversation;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat WebSocket. Client frames: hello {token, conversationId?, lastSeq}, send {clientMessageId, body,
 * clientTime}, typing, read {seq}, ping. Server frames: welcome, message, ack, typing, read, pong, error.
 * Messages are delivered strictly in sequence from the client's last seen one, so a reconnect loses nothing
 * and repeats nothing. A node that stops closes its sockets first (1001, going away), so its clients move to
 * another node at once instead of talking to a socket nobody serves any more.
 */
@Component
class ChatSocketHandler extends TextWebSocketHandler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChatSocketHandler.class);
    private static final String STATE = "walletdesk.chat.connection";

    private final ChatTokens tokens;
    private final Conversations conversations;
    private final ChatBus bus;
    private final AgentPresence presence;
    private final JsonMapper json;
    private final ExecutorService deliveries;
    private final ChatAbuseGuard abuse;
    private final Intake intake;
    private final MessageFanout fanout;
    private final ConversationSnapshots snapshots;

    ChatSocketHandler(Intake intake, ChatTokens tokens, Conversations conversations, ChatBus bus,
            AgentPresence presence, JsonMapper json, ExecutorService chatDeliveries, ChatAbuseGuard abuse,
            MessageFanout fanout, ConversationSnapshots snapshots) {
        this.snapshots = snapshots;
        this.fanout = fanout;
        this.abuse = abuse;
        this.intake = intake;
        this.tokens = tokens;
        this.conversations = conversations;
        this.bus = bus;
        this.presence = presence;
        this.json = json;
        this.deliveries = chatDeliveries;
    }

    /** Open connections on this node, so that revoking a user's chat tokens also ends their live sockets. */
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();

    private volatile boolean started;
    private volatile boolean stopping;

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        Connection connection = new Connection(new ConcurrentWebSocketSessionDecorator(session, 10_000, 512 * 1024));
        session.getAttributes().put(STATE, connection);
        open.add(connection);
        if (stopping) {
            end(connection, CloseStatus.GOING_AWAY);
        }
    }

    /** Closes this node's sockets of a user whose chat tokens were revoked (code 4401: sign in again). */
    void disconnectUser(long userId) {
        for (Connection connection : open) {
            Participant participant = connection.participant;
            if (participant != null && ChatTokens.userIdOf(participant) == userId) {
                end(connection, new CloseStatus(4401, "signed out"));
            }
        }
    }

    private void end(Connection connection, CloseStatus status) {
        connection.close();
        connection.participant = null;
        try {
            connection.socket.close(status);
        } catch (IOException | RuntimeException alreadyGone) {
            log.debug("Socket already closed", alreadyGone);
        }
        open.remove(connection);
    }

    @Override
    public void start() {
        // Started again after a stop (a paused and resumed context, e.g. in the test context cache): serve again.
        stopping = false;
        started = true;
    }

    /**
     * Runs before the web server, the executors and the database pool stop (highest phase): every client is told
     * to go away and reconnects elsewhere while this node can still finish what it already took.
     */
    @Override
    public void stop() {
        stopping = true;
        open.forEach(connection -> end(connection, CloseStatus.GOING_AWAY));
    }

    @Override
    public boolean isRunning() {
        return started && !stopping;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage text) throws IOException {
        Connection connection = (Connection) session.getAttributes().get(STATE);
        if (stopping) {
            return; // the socket is being closed; the client resends whatever it has not seen acknowledged
        }
        JsonNode frame;
        try {
            frame = json.readTree(text.getPayload());
        } catch (RuntimeException unreadable) {
            connection.send(new ServerFrame.Error("malformed-request"));
            return;
        }
        try {
            ClientFrame parsed = ClientFrame.of(frame);
            if (parsed instanceof ClientFrame.Hello hello) {
                hello(connection, hello, session);
            } else if (parsed instanceof ClientFrame.Watch watch) {
                watch(connection, watch);
            } else if (parsed instanceof ClientFrame.Send send) {
                send(connection, send);
            } else if (parsed instanceof ClientFrame.Typing) {
                typing(connection);
            } else if (parsed instanceof ClientFrame.Read read) {
                read(connection, read);
            } else if (parsed instanceof ClientFrame.Ping) {
                if (connection.participant instanceof Participant.Staff staff) {
                    presence.seen(staff.userId());
                }
                connection.send(new ServerFrame.Pong());
            } else {
                connection.send(new ServerFrame.Error("unknown-frame"));
            }
        } catch (ProblemException problem) {
            connection.send(ServerFrame.Error.of(problem, frame.path("clientMessageId").asText("")));
        }
    }

    private void hello(Connection connection, ClientFrame.Hello frame, WebSocketSession session) throws IOException {
        Participant participant = tokens.resolve(frame.token())
                .orElseThrow(() -> new ProblemException("invalid-token", FailureKind.UNAUTHENTICATED));
        ConversationView conversation;
        if (frame.conversationId() != null) {
            conversation = conversations.get(frame.conversationId(), participant);
        } else if (!participant.isStaff()) {
            // A visitor's e-mail from the pre-chat form goes on the conversation, so the agent sees who to reach.
            String email = participant instanceof Participant.Visitor ? frame.email() : null;
            conversation = conversations.startOrContinue(new StartConversation(participant, Channel.CHAT, null,
                    participant.name(), email, null, frame.language()));
        } else {
            throw new ProblemException("validation", FailureKind.INVALID);
        }
        if (participant instanceof Participant.Staff staff) {
            presence.seen(staff.userId()); // opening a conversation is not choosing to be Online
        }
        connection.attach(participant, conversation.id(), frame.lastSeq(), clientOf(session));
        connection.send(new ServerFrame.Welcome(conversation.id(), conversation.reference(),
                conversation.status().name(), presence.agentsOnline(),
                conversations.readByOtherSide(conversation.id(), participant)));
        connection.subscription = bus.subscribe(conversation.id(), signal -> deliveries.execute(() -> connection.on(signal)));
        connection.catchUp();
    }

    /**
     * Subscribes a staff connection to every conversation's signals; each new message of a conversation this
     * staff member may see is told once and in sequence ({@link InboxWatch}).
     */
    private void watch(Connection connection, ClientFrame.Watch frame) throws IOException {
        Participant participant = tokens.resolve(frame.token())
                .filter(Participant::isStaff)
                .orElseThrow(() -> new ProblemException("invalid-token", FailureKind.UNAUTHENTICATED));
        connection.close();
        presence.seen(ChatTokens.userIdOf(participant));
        connection.send(new ServerFrame.Welcome(0, null, null, presence.agentsOnline(), 0));
        connection.subscription = bus.subscribe(LocalSubscribers.EVERY,
                new InboxWatch(participant, conversations, snapshots, deliveries, connection::send));
    }

    private void send(Connection connection, ClientFrame.Send frame) throws IOException {
        connection.requireHello();
        if (connection.failedSend) {
            return; // see below: the client resends this one, in order, after reconnecting
        }
        abuse.message(connection.participant, connection.conversationId, frame.clientMessageId());
        Intake.Outcome outcome;
        try {
            outcome = intake.post(new PostMessage(connection.conversationId, connection.participant,
                    frame.clientMessageId(), frame.body(), Channel.CHAT, false, connection.client, frame.clientTime()));
        } catch (RuntimeException failure) {
            if (!(failure instanceof ProblemException)) {
                // The socket closes on this; a later frame already read must not be stored before this one is resent.
                connection.failedSend = true;
            }
            throw failure;
        }
        if (outcome instanceof Intake.Outcome.Journaled journaled) {
            connection.send(new ServerFrame.Queued(journaled.clientMessageId()));
            return;
        }
        PostedMessage posted = ((Intake.Outcome.Stored) outcome).posted();
        fanout.resent(posted);
        connection.send(new ServerFrame.Ack(posted.message().clientMessageId(), posted.message().seq(),
                posted.duplicate()));
    }

    private void typing(Connection connection) {
        connection.requireHello();
        bus.publish(new ChatSignal(connection.conversationId, ChatSignal.Kind.TYPING, 0, connection.participant.name(),
                connection.participant.isStaff()));
    }

    private void read(Connection connection, ClientFrame.Read frame) {
        connection.requireHello();
        long seq = frame.seq();
        conversations.markRead(connection.conversationId, connection.participant, seq);
        bus.publish(new ChatSignal(connection.conversationId, ChatSignal.Kind.READ, seq, connection.participant.name(),
                connection.participant.isStaff()));
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Connection connection = (Connection) session.getAttributes().get(STATE);
        if (connection != null) {
            connection.close();
            open.remove(connection);
        }
    }

    private static ClientInfo clientOf(WebSocketSession session) {
        String userAgent = session.getHandshakeHeaders().getFirst("User-Agent");
        String ip = session.getRemoteAddress() == null ? null : session.getRemoteAddress().getAddress().getHostAddress();
        String forwarded = session.getHandshakeHeaders().getFirst("X-Forwarded-For");
        if (forwarded != null && ip != null && (ip.startsWith("127.") || ip.equals("0:0:0:0:0:0:0:1"))) {
            ip = forwarded.split(",")[0].trim();
        }
        return new ClientInfo(ip, userAgent == null ? "" : userAgent, DeviceSummary.parse(userAgent),
                session.getHandshakeHeaders().getFirst(ClientInfo.APP_VERSION_HEADER), null);
    }

    /** One client connection and how far it has been served. */
    private final class Connection {
        private final WebSocketSession socket;
        private volatile Participant participant;
        private long conversationId;
        private long delivered;
        private ClientInfo client;
        private AutoCloseable subscription;
        /** A send failed unexpectedly; later sends on this socket are ignored so that order survives the resend. */
        private volatile boolean failedSend;

        Connection(WebSocketSession socket) {
            this.socket = socket;
        }

        void attach(Participant participant, long conversationId, long lastSeq, ClientInfo client) {
            close();
            this.participant = participant;
            this.conversationId = conversationId;
            this.delivered = lastSeq;
            this.client = client;
        }

        void requireHello() {
            if (participant == null) {
                throw new ProblemException("unauthenticated", FailureKind.UNAUTHENTICATED);
            }
        }

        void on(ChatSignal signal) {
            try {
                switch (signal.kind()) {
                    case MESSAGE -> catchUp();
                    case TYPING -> {
                        if (signal.fromStaff() != participant.isStaff()) {
                            send(new ServerFrame.Typing(signal.actor() == null ? "" : signal.actor()));
                        }
                    }
                    case READ -> {
                        if (signal.fromStaff() != participant.isStaff()) {
                            send(new ServerFrame.Read(signal.seq()));
                        }
                    }
                    default -> { }
                }
            } catch (IOException | RuntimeException failure) {
                log.debug("Could not deliver to a chat client; it will resume on reconnect", failure);
            }
        }

        /** Sends everything after the last delivered sequence, in order. Synchronised: one catch-up at a time. */
        synchronized void catchUp() throws IOException {
            if (participant == null || !socket.isOpen()) {
                return;
            }
            while (true) {
                var batch = conversations.messagesAfter(conversationId, participant, delivered, 200);
                if (batch.isEmpty()) {
                    return;
                }
                for (var message : batch) {
                    send(new ServerFrame.Message(ChatMessages.of(message)));
                    delivered = message.seq();
                }
            }
        }

        void send(ServerFrame frame) throws IOException {
            if (socket.isOpen()) {
                socket.sendMessage(new TextMessage(json.writeValueAsString(frame)));
            }
        }

        void close() {
            if (subscription != null) {
                try {
                    subscription.close();
                } catch (Exception ignored) {
                    // Removing a listener cannot fail in a way that matters here.
                }
                subscription = null;
            }
        }
    }
}
