package io.walletdesk.ledger.internal;

import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Receives a bank's signed confirmation callback; a bad or stale signature is refused before anything else. */
@Component
class BankCallbacks {

    /** The two answers a bank's callback may give; anything else is a malformed callback. */
    enum BankOutcome {
        SUCCESS, FAILED;

        static BankOutcome of(String status) {
            for (BankOutcome outcome : values()) {
                if (outcome.name().equals(status)) {
                    return outcome;
                }
            }
            return null;
        }
    }


    private final BankSignatures signatures;
    private final TopUps topUps;
    private final SystemAccounts system;
    private final WalletProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final LedgerMetrics metrics;

    BankCallbacks(LedgerMetrics metrics, BankSignatures signatures, TopUps topUps, SystemAccounts system, WalletProperties properties,
            JsonMapper json, Clock clock) {
        this.metrics = metrics;
        this.signatures = signatures;
        this.topUps = topUps;
        this.system = system;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    public TopUps.Settlement receive(String bankCode, String timestampHeader, String signature, String body) {
        // The label names a configured bank only, so unknown codes in the path cannot grow the series.
        String bank = system.bank(bankCode).map(SystemAccounts.Striped::code).orElse("unknown");
        return metrics.bankCallback(bank, () -> receiveCounted(bankCode, timestampHeader, signature, body));
    }

    private TopUps.Settlement receiveCounted(String bankCode, String timestampHeader, String signature, String body) {
        if (system.bank(bankCode).isEmpty()) {
            throw new ProblemException("bank-unknown", FailureKind.NOT_FOUND);
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(timestampHeader == null ? "" : timestampHeader.trim());
        } catch (NumberFormatException invalid) {
            throw new ProblemException("bank-signature-invalid", FailureKind.UNAUTHENTICATED);
        }
        Duration age = Duration.between(Instant.ofEpochSecond(timestamp), clock.instant()).abs();
        if (age.compareTo(properties.bank().callbackMaxAge()) > 0
                || !signatures.valid(bankCode.toUpperCase(java.util.Locale.ROOT), timestamp, body, signature)) {
            throw new ProblemException("bank-signature-invalid", FailureKind.UNAUTHENTICATED);
        }
        JsonNode callback;
        try {
            callback = json.readTree(body);
        } catch (RuntimeException unreadable) {
            throw new ProblemException("malformed-request", FailureKind.INVALID);
        }
        String reference = callback.path("reference").asText("");
        BankOutcome outcome = BankOutcome.of(callback.path("status").asText(""));
        if (reference.isEmpty() || outcome == null) {
            throw new ProblemException("malformed-request", FailureKind.INVALID);
        }
        String reason = callback.path("reason").asText(null);
        if (reason != null && !reason.matches("BANK_[A-Z_]{1,30}")) {
            reason = "BANK_DECLINED";
        }
        return topUps.confirm(reference, outcome == BankOutcome.SUCCESS, reason, callback.path("amount").asLong(-1));
    }
}
