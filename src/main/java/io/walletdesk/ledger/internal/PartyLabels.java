package io.walletdesk.ledger.internal;

import io.walletdesk.identity.AccountView;
import io.walletdesk.identity.Accounts;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Masked customer names for transaction records (<q>Bu** Sa*****</q>), cached for a few minutes: they are
 * snapshots on the transaction anyway, and looking them up on every payment would cost a query.
 */
@Component
class PartyLabels {

    private static final long TTL_NANOS = Duration.ofMinutes(5).toNanos();
    private static final int MAX_ENTRIES = 200_000;

    private final Accounts accounts;
    private final Map<Long, Entry> cache = new ConcurrentHashMap<>();

    PartyLabels(Accounts accounts) {
        this.accounts = accounts;
    }

    private record Entry(String label, long loadedAt) {
    }

    public String of(long userId) {
        Entry entry = cache.get(userId);
        long now = System.nanoTime();
        if (entry != null && now - entry.loadedAt() < TTL_NANOS) {
            return entry.label();
        }
        String label = accounts.find(userId).map(AccountView::maskedName).orElse(null);
        if (cache.size() >= MAX_ENTRIES) {
            cache.clear();
        }
        cache.put(userId, new Entry(label, now));
        return label;
    }

    /** Remembers a label we just read anyway (e.g. the recipient found by phone). */
    public void remember(long userId, String label) {
        if (cache.size() < MAX_ENTRIES) {
            cache.put(userId, new Entry(label, System.nanoTime()));
        }
    }
}
