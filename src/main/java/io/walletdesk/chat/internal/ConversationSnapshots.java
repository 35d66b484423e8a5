package io.walletdesk.chat.internal;

import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.ConversationView;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * This node's recent view of each conversation, for deciding which workspaces hear of its messages: one read per
 * conversation every {@link #TTL_SECONDS} s (or after it changed) for all open workspaces together, instead of
 * one per workspace. Only routing facts are used from it (team, assignee), never text.
 */
@Component
class ConversationSnapshots {

    /** How long a snapshot is trusted when no change signal arrived (a missed signal heals within this). */
    static final long TTL_SECONDS = 30;
    /** A bound on memory: past this many conversations the snapshots start over. */
    static final int MAX = 50_000;
    private static final Participant.System READER = new Participant.System("WalletDesk live inbox");

    private record Snapshot(Optional<ConversationView> view, long untilNanos) {
    }

    private final Conversations conversations;
    private final Map<Long, Snapshot> snapshots = new ConcurrentHashMap<>();

    ConversationSnapshots(Conversations conversations) {
        this.conversations = conversations;
    }

    /** The conversation as read at most {@link #TTL_SECONDS} s ago, or empty if it does not exist. */
    Optional<ConversationView> of(long conversationId) {
        long now = System.nanoTime();
        Snapshot known = snapshots.get(conversationId);
        if (known != null && now - known.untilNanos() < 0) {
            return known.view();
        }
        Optional<ConversationView> view;
        try {
            view = Optional.of(conversations.get(conversationId, READER));
        } catch (ProblemException notFound) {
            view = Optional.empty();
        }
        if (snapshots.size() >= MAX) {
            snapshots.clear();
        }
        // Up to half a TTL of jitter, so snapshots read together (a burst of new chats) are not all read again together.
        long ttl = TimeUnit.SECONDS.toNanos(TTL_SECONDS);
        snapshots.put(conversationId, new Snapshot(view, now + ttl + ThreadLocalRandom.current().nextLong(ttl / 2)));
        return view;
    }

    /** The conversation changed (assignee, team): the next look reads it again. */
    void forget(long conversationId) {
        snapshots.remove(conversationId);
    }
}
