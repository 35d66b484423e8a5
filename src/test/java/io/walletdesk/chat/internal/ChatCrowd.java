package io.walletdesk.chat.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many chat sockets on one JDK HTTP client (asynchronous, a few threads): phones that keep an outbox and replay
 * it after reconnecting, as {@code /widget.js} does, and staff workspaces watching the inbox. What each one
 * received is kept for the test to check: nothing lost, nothing twice, everything in sequence.
 */
final class ChatCrowd implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final HttpClient http = HttpClient.newBuilder().executor(threads).build();
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
    private final List<Phone> phones = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean closing;
    /** Phones that gave up on a silent socket and reconnected. */
    volatile int stalls;

    static final long STALL_MILLIS = 5_000;

    ChatCrowd() {
        timer.scheduleWithFixedDelay(() -> {
            long now = System.nanoTime();
            synchronized (phones) {
                phones.forEach(phone -> phone.checkStall(now));
            }
        }, 500, 500, TimeUnit.MILLISECONDS);
    }

    /** A customer's phone: one conversation, an outbox of typed messages until each is stored. */
    final class Phone {
        private final String token;
        private final IntSupplier failoverPort;
        private volatile Socket socket;
        private int generation;
        private volatile boolean ready;
        volatile long conversationId;
        private long lastSeq;
        /** Typed and not yet known to be stored, in typing order. */
        private final Map<String, String> outbox = new LinkedHashMap<>();
        /** Client message id -> sequence number, once stored. */
        final Map<String, Long> stored = new ConcurrentHashMap<>();
        /** The conversation's messages as this phone received them, across reconnects. */
        final List<Long> stream = new ArrayList<>();
        volatile int reconnects;
        /** When the socket last showed progress (welcome, ack, message), or when the outbox stopped being empty. */
        private long lastProgress = System.nanoTime();

        Phone(String token, IntSupplier failoverPort) {
            this.token = token;
            this.failoverPort = failoverPort;
            phones.add(this);
        }

        /**
         * A phone whose outbox gets no answer for {@link #STALL_MILLIS} drops the socket and reconnects, as
         * {@code /widget.js} does: a socket can stay open at this end while nobody serves it (a half-open TCP
         * connection on a mobile network, a node that stopped without closing it).
         */
        synchronized void checkStall(long now) {
            if (ready && !outbox.isEmpty() && now - lastProgress > TimeUnit.MILLISECONDS.toNanos(STALL_MILLIS)) {
                stalls++;
                Socket stalled = socket;
                stalled.abort();
                stalled.lose();
            }
        }

        CompletableFuture<Phone> connect(int port) {
            CompletableFuture<Phone> welcomed = new CompletableFuture<>();
            int attempt = ++generation;
            Socket opening = new Socket(port, frame -> onFrame(frame, welcomed), () -> lost(attempt, welcomed), this);
            socket = opening;
            opening.open().whenComplete((ws, failure) -> {
                if (failure != null) {
                    opening.lose();
                } else {
                    opening.send(Map.of("type", "hello", "token", token, "lastSeq", lastSeq()));
                }
            });
            return welcomed;
        }

        private synchronized long lastSeq() {
            return lastSeq;
        }

        /** The socket is gone: a phone tries again, on the node that is still up (an older socket's end is no news). */
        private synchronized void lost(int attempt, CompletableFuture<Phone> welcomed) {
            if (attempt != generation) {
                welcomed.complete(this);
                return;
            }
            ready = false;
            if (closing) {
                welcomed.complete(this);
                return;
            }
            reconnects++;
            timer.schedule(() -> connect(failoverPort.getAsInt()).whenComplete((p, f) -> welcomed.complete(this)),
                    100, TimeUnit.MILLISECONDS);
        }

        synchronized void type(String clientMessageId, String body) {
            if (outbox.isEmpty()) {
                lastProgress = System.nanoTime();
            }
            outbox.put(clientMessageId, body);
            if (ready) {
                socket.send(Map.of("type", "send", "clientMessageId", clientMessageId, "body", body));
            }
        }

        synchronized int waiting() {
            return outbox.size();
        }

        /** What a stuck phone was doing, for the failure message. */
        synchronized String describe() {
            Socket current = socket;
            return "phone conv=" + conversationId + " ready=" + ready + " gen=" + generation + " reconnects=" + reconnects
                    + " port=" + (current == null ? -1 : current.port) + " gone=" + (current != null && current.gone.get())
                    + " lastFrameMsAgo=" + (current == null ? -1 : (System.nanoTime() - current.lastFrame) / 1_000_000)
                    + " lastFrame=" + (current == null ? "" : current.lastFrameType)
                    + " outbox=" + outbox.keySet() + " stored=" + stored.size();
        }

        private synchronized void onFrame(JsonNode frame, CompletableFuture<Phone> welcomed) {
            lastProgress = System.nanoTime();
            switch (frame.path("type").asText()) {
                case "welcome" -> {
                    conversationId = frame.get("conversationId").asLong();
                    ready = true;
                    outbox.forEach((id, body) -> socket.send(Map.of("type", "send", "clientMessageId", id, "body", body)));
                    welcomed.complete(this);
                }
                case "ack" -> {
                    if (frame.has("seq")) { // a queued one stays in the outbox until it comes back stored
                        stored.put(frame.get("clientMessageId").asText(), frame.get("seq").asLong());
                        outbox.remove(frame.get("clientMessageId").asText());
                    }
                }
                case "message" -> {
                    JsonNode message = frame.get("message");
                    long seq = message.get("seq").asLong();
                    stream.add(seq);
                    lastSeq = Math.max(lastSeq, seq);
                    String id = message.path("clientMessageId").asText();
                    if (outbox.remove(id) != null) {
                        stored.put(id, seq);
                    }
                }
                default -> { }
            }
        }
    }

    /** A staff member's workspace: every {@code inbox} message frame, by conversation, in arrival order. */
    final class Workspace {
        final Map<Long, List<Long>> told = new ConcurrentHashMap<>();
        private Socket socket;

        CompletableFuture<Workspace> watch(int port, String token) {
            CompletableFuture<Workspace> welcomed = new CompletableFuture<>();
            socket = new Socket(port, frame -> {
                if ("welcome".equals(frame.path("type").asText())) {
                    welcomed.complete(this);
                } else if ("inbox".equals(frame.path("type").asText()) && "message".equals(frame.path("kind").asText())) {
                    told.computeIfAbsent(frame.get("conversationId").asLong(), id -> new ArrayList<>())
                            .add(frame.get("seq").asLong());
                }
            }, () -> welcomed.completeExceptionally(new IllegalStateException("workspace socket closed")), this);
            socket.open().thenRun(() -> socket.send(Map.of("type", "watch", "token", token)));
            return welcomed;
        }

        synchronized List<Long> toldOf(long conversationId) {
            return List.copyOf(told.getOrDefault(conversationId, List.of()));
        }
    }

    Phone phone(String token, IntSupplier failoverPort) {
        return new Phone(token, failoverPort);
    }

    Workspace workspace() {
        return new Workspace();
    }

    interface FrameHandler {
        void on(JsonNode frame);
    }

    /** One WebSocket: frames reassembled and handled in order; sends queued one after another, as the JDK requires. */
    private final class Socket implements WebSocket.Listener {
        private final int port;
        private final FrameHandler handler;
        private final Runnable onLost;
        private final Object owner;
        private final StringBuilder partial = new StringBuilder();
        private CompletableFuture<WebSocket> sending;
        private final AtomicBoolean gone = new AtomicBoolean();
        private volatile long lastFrame = System.nanoTime();
        private volatile String lastFrameType = "";

        Socket(int port, FrameHandler handler, Runnable onLost, Object owner) {
            this.port = port;
            this.handler = handler;
            this.onLost = onLost;
            this.owner = owner;
        }

        CompletableFuture<WebSocket> open() {
            sockets.add(this);
            sending = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                    .buildAsync(URI.create("ws://localhost:" + port + "/chat/ws"), this);
            return sending;
        }

        synchronized void send(Map<String, ?> frame) {
            String text = JSON.writeValueAsString(frame);
            // A send that fails means the socket is broken: drop it, and the phone reconnects and resends.
            sending = sending.thenCompose(ws -> ws.sendText(text, true)).whenComplete((ws, failure) -> {
                if (failure != null) {
                    lose();
                }
            });
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode frame = JSON.readTree(partial.toString());
                partial.setLength(0);
                lastFrame = System.nanoTime();
                lastFrameType = frame.path("type").asText() + "/" + frame.path("code").asText();
                synchronized (owner) {
                    handler.on(frame);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            lose();
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            lose();
        }

        void abort() {
            sending.thenAccept(WebSocket::abort);
        }

        void lose() {
            if (gone.compareAndSet(false, true)) {
                onLost.run();
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        timer.shutdownNow();
        synchronized (sockets) {
            sockets.forEach(Socket::abort);
        }
        threads.shutdownNow();
    }
}
