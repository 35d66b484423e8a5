package io.walletdesk.identity.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.walletdesk.identity.AccountLocked;
import io.walletdesk.identity.LockReason;
import io.walletdesk.shared.metrics.AfterCommit;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Sign-in failures, sign-in blocks and account locks (README "Metrics"). Failures are counted where every
 * sign-in attempt is recorded ({@link SignInHistory}); locks from {@link AccountLocked}, synchronously and after
 * commit (ADR 0900). Labels are enums.
 */
@Component
class IdentityMetrics {

    private final Map<SignInHistory.Channel, Map<SignInHistory.Result, Counter>> failures =
            new EnumMap<>(SignInHistory.Channel.class);
    private final Map<LockReason, Counter> locks = new EnumMap<>(LockReason.class);
    private final Counter blocks;

    IdentityMetrics(MeterRegistry meters) {
        for (SignInHistory.Channel channel : SignInHistory.Channel.values()) {
            Map<SignInHistory.Result, Counter> byResult = new EnumMap<>(SignInHistory.Result.class);
            for (SignInHistory.Result result : SignInHistory.Result.values()) {
                if (!succeeded(result)) {
                    byResult.put(result, Counter.builder("walletdesk.sign.in.failures").tag("channel", channel.name())
                            .tag("result", result.name()).description("Sign-in attempts refused, by why")
                            .register(meters));
                }
            }
            failures.put(channel, byResult);
        }
        for (LockReason reason : LockReason.values()) {
            locks.put(reason, Counter.builder("walletdesk.account.locks").tag("reason", reason.name())
                    .description("Accounts locked, by reason (rules and staff)").register(meters));
        }
        blocks = Counter.builder("walletdesk.sign.in.blocks")
                .description("Accounts whose sign-in was blocked for a while after too many wrong answers")
                .register(meters);
    }

    /** One sign-in attempt was recorded with this result. */
    void attempt(SignInHistory.Channel channel, SignInHistory.Result result) {
        if (!succeeded(result)) {
            AfterCommit.run(failures.get(channel).get(result)::increment);
        }
    }

    /** Too many wrong answers: the account's sign-in is blocked from now on for a while. */
    void blocked() {
        AfterCommit.run(blocks::increment);
    }

    @EventListener
    void on(AccountLocked locked) {
        AfterCommit.run(locks.get(locked.reason())::increment);
    }

    private static boolean succeeded(SignInHistory.Result result) {
        return result == SignInHistory.Result.SUCCESS || result == SignInHistory.Result.SUPPORT_ONLY;
    }
}
