package io.walletdesk.ledger.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.walletdesk.shared.money.Money;
import io.walletdesk.shared.time.UserTime;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bank that behaves like real ones, chosen by the last four digits of the bank account number:
 * <ul>
 * <li>0000 wrong account number, 1111 closed account, 2222 not enough money at the bank, 3333 bank
 * unavailable: declined at once;</li>
 * <li>4444 no answer (timeout), the bank confirms later anyway; 5555 confirmation sent twice; 6666 the bank
 * declines later by callback; 7777 never confirms (the top-up expires); 8888 confirms only after our
 * expiry (a late confirmation);</li>
 * <li>anything else: accepted, confirmed after {@code walletdesk.wallet.bank.simulated-callback-delay},
 * unless the account's daily limit at this bank is used up.</li>
 * </ul>
 * Callbacks are signed like a real bank's and go through the same verification as the HTTP endpoint.
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty(name = "walletdesk.wallet.bank.gateway",
        havingValue = "simulated", matchIfMissing = true)
class SimulatedBank implements BankGateway {

    private static final Logger log = LoggerFactory.getLogger(SimulatedBank.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The body of a bank's top-up callback, in the bank's format (reason only on failures). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CallbackBody(String reference, String status, long amount, String reason) {
    }

    private final SystemAccounts system;
    private final BankSignatures signatures;
    private final ObjectProvider<BankCallbacks> callbacks;
    private final WalletProperties properties;
    private final Clock clock;
    private final Map<String, AtomicLong> dailyTotals = new ConcurrentHashMap<>();
    private final List<Pending> pending = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "simulated-bank");
        thread.setDaemon(true);
        return thread;
    });

    SimulatedBank(SystemAccounts system, BankSignatures signatures, ObjectProvider<BankCallbacks> callbacks,
            WalletProperties properties, Clock clock) {
        this.system = system;
        this.signatures = signatures;
        this.callbacks = callbacks;
        this.properties = properties;
        this.clock = clock;
        scheduler.scheduleWithFixedDelay(this::deliverDue, 200, 200, TimeUnit.MILLISECONDS);
    }

    private record Pending(Instant due, String bankCode, String body) {
    }

    @Override
    public Response debit(DebitRequest request) {
        String account = request.accountNumber();
        String suffix = account.length() >= 4 ? account.substring(account.length() - 4) : account;
        switch (suffix) {
            case "0000":
                return Response.declined("BANK_ACCOUNT_INVALID");
            case "1111":
                return Response.declined("BANK_ACCOUNT_CLOSED");
            case "2222":
                return Response.declined("BANK_INSUFFICIENT_FUNDS");
            case "3333":
                return Response.declined("BANK_UNAVAILABLE");
            default:
                break;
        }
        long limit = system.bank(request.bankCode()).map(SystemAccounts.Striped::dailyLimit).orElse(0L);
        String day = LocalDate.ofInstant(clock.instant(), UserTime.DEFAULT_ZONE).toString();
        if (dailyTotals.size() > 100_000) {
            dailyTotals.keySet().removeIf(key -> !key.endsWith(":" + day));
        }
        AtomicLong total = dailyTotals.computeIfAbsent(request.bankCode() + ":" + account + ":" + day, k -> new AtomicLong());
        long after = total.addAndGet(request.amount());
        if (after > limit) {
            total.addAndGet(-request.amount());
            return Response.declined("BANK_DAILY_LIMIT", Money.format(limit), Money.format(Math.max(0, limit - after + request.amount())));
        }
        Instant soon = clock.instant().plus(properties.bank().simulatedCallbackDelay());
        switch (suffix) {
            case "4444":
                schedule(soon, request, "SUCCESS", null);
                return Response.timeout();
            case "5555":
                schedule(soon, request, "SUCCESS", null);
                schedule(soon.plusMillis(300), request, "SUCCESS", null);
                return Response.accepted();
            case "6666":
                total.addAndGet(-request.amount());
                schedule(soon, request, "FAILED", "BANK_DECLINED");
                return Response.accepted();
            case "7777":
                return Response.accepted();
            case "8888":
                schedule(clock.instant().plus(properties.topUp().expiry()).plusSeconds(60), request, "SUCCESS", null);
                return Response.accepted();
            default:
                schedule(soon, request, "SUCCESS", null);
                return Response.accepted();
        }
    }

    private void schedule(Instant due, DebitRequest request, String status, String reason) {
        String body = JSON.writeValueAsString(new CallbackBody(request.reference(), status, request.amount(), reason));
        synchronized (pending) {
            pending.add(new Pending(due, request.bankCode(), body));
        }
    }

    /** Sends every callback whose time has come. */
    void deliverDue() {
        deliver(clock.instant());
    }

    /** Sends every queued callback now, late ones included (tests use this instead of waiting). */
    public int deliverAllNow() {
        return deliver(Instant.MAX);
    }

    /** How many callbacks the bank still owes. */
    public int queued() {
        synchronized (pending) {
            return pending.size();
        }
    }

    private int deliver(Instant until) {
        List<Pending> due = new ArrayList<>();
        synchronized (pending) {
            pending.removeIf(p -> {
                if (!p.due().isAfter(until)) {
                    due.add(p);
                    return true;
                }
                return false;
            });
        }
        for (Pending callback : due) {
            long timestamp = clock.instant().getEpochSecond();
            try {
                callbacks.getObject().receive(callback.bankCode(), String.valueOf(timestamp),
                        signatures.sign(callback.bankCode(), timestamp, callback.body()), callback.body());
            } catch (RuntimeException failed) {
                log.warn("Simulated bank callback failed: {}", failed.toString());
            }
        }
        return due.size();
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
