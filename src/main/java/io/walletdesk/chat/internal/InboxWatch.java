package io.walletdesk.chat.internal;

import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A staff workspace's live inbox on one socket: for every conversation the staff member may see, each new
 * message is told once ({@code inbox} frame with its sequence number), in sequence, whatever order the nodes'
 * signals arrive in. Signals are handled one at a time per socket (on the shared delivery threads); a signal for
 * a sequence already told (a resend announced again, a late signal from another node) is dropped, and one that
 * skips sequences tells the skipped ones first: sequence N committed means every earlier one did.
 * <p>
 * Whether the staff member may see a conversation is decided by the same rule as everywhere
 * ({@link Conversations#visibilityFor}, asked again every {@link #RULE_TTL_SECONDS} s for team changes) applied to
 * this node's shared snapshot of the conversation ({@link ConversationSnapshots}, read again when it changes), so
 * 50 workspaces and 2,000 conversations do not cost 100,000 database reads. What is told is ids only.
 */
final class InboxWatch implements Consumer<ChatSignal> {

    /** How long the staff member's visibility rule (their teams) is trusted. */
    static final long RULE_TTL_SECONDS = 30;
    /** Conversations remembered per socket (told sequence); the least recently used are forgotten. */
    static final int REMEMBERED = 10_000;
    /** At most this many skipped sequences are told one by one; a longer gap is told by its last one. */
    static final int MAX_GAP = 100;
    private static final int BATCH = 200;
    private static final Logger log = LoggerFactory.getLogger(InboxWatch.class);

    /** Where frames go: the socket. */
    interface Sink {
        void send(ServerFrame frame) throws IOException;
    }

    private final Participant watcher;
    private final Conversations conversations;
    private final ConversationSnapshots snapshots;
    private final Executor executor;
    private final Sink sink;
    private final Queue<ChatSignal> queue = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Only touched while draining, which runs on one thread at a time (see {@link #scheduled}). */
    private final Map<Long, Long> told = lru();
    private Predicate<ConversationView> rule;
    private long ruleUntilNanos;

    InboxWatch(Participant watcher, Conversations conversations, ConversationSnapshots snapshots, Executor executor,
            Sink sink) {
        this.watcher = watcher;
        this.conversations = conversations;
        this.snapshots = snapshots;
        this.executor = executor;
        this.sink = sink;
    }

    @Override
    public void accept(ChatSignal signal) {
        if (signal.kind() != ChatSignal.Kind.MESSAGE && signal.kind() != ChatSignal.Kind.CHANGED) {
            return;
        }
        queue.add(signal);
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        try {
            ChatSignal signal;
            int handled = 0;
            while (handled++ < BATCH && (signal = queue.poll()) != null) {
                handle(signal);
            }
        } finally {
            scheduled.set(false);
        }
        if (!queue.isEmpty()) {
            schedule(); // the rest later, so one busy workspace does not hold a delivery thread
        }
    }

    private void handle(ChatSignal signal) {
        long id = signal.conversationId();
        try {
            if (signal.kind() == ChatSignal.Kind.CHANGED) {
                snapshots.forget(id); // assignee or team may have changed
                if (visible(id)) {
                    sink.send(new ServerFrame.Inbox(id, "changed", signal.seq()));
                }
                return;
            }
            if (!visible(id)) {
                return;
            }
            Long last = told.get(id);
            if (last != null && signal.seq() <= last) {
                return; // told already
            }
            long from = last == null || signal.seq() - last > MAX_GAP ? signal.seq() : last + 1;
            for (long seq = from; seq <= signal.seq(); seq++) {
                sink.send(new ServerFrame.Inbox(id, "message", seq));
            }
            told.put(id, signal.seq());
        } catch (IOException | RuntimeException failure) {
            log.debug("Could not tell a workspace; it refreshes on reconnect", failure);
        }
    }

    /** Another team's conversation (or one that does not exist) is never told to this workspace. */
    private boolean visible(long conversationId) {
        long now = System.nanoTime();
        if (rule == null || now - ruleUntilNanos >= 0) {
            rule = conversations.visibilityFor(watcher);
            ruleUntilNanos = now + TimeUnit.SECONDS.toNanos(RULE_TTL_SECONDS);
        }
        return snapshots.of(conversationId).filter(rule).isPresent();
    }

    private static <V> Map<Long, V> lru() {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }
}
