package io.walletdesk.shared.secrets;

import java.util.List;
import java.util.Set;

/**
 * A secret the application needs: the property it is read from, the environment variable that sets it, and
 * values that must never be accepted because they were once defaults in the public source. A secret that is not
 * {@code required} switches a feature on: a deployment without it starts with the feature off, and the embedded
 * demo generates it like the others.
 */
public record Secret(String property, String variable, String meaning, Set<String> publicValues, boolean required) {

    /** A secret no deployment starts without. */
    public Secret(String property, String variable, String meaning, Set<String> publicValues) {
        this(property, variable, meaning, publicValues, true);
    }

    /** Every secret of WalletDesk; the README's "Secrets" section lists the same. */
    public static final List<Secret> ALL = List.of(
            new Secret("walletdesk.security.data-key", "WALLETDESK_DATA_KEY",
                    "AES-256 key (base64, 32 bytes) encrypting TOTP seeds at rest; also keys status-subscription links",
                    Set.of("d2FsbGV0ZGVzay1kZXZlbG9wbWVudC1rZXktMzJieXQ=")),
            new Secret("walletdesk.wallet.pin.pepper", "WALLETDESK_PIN_PEPPER",
                    "server-side pepper of the transaction PIN hashes",
                    Set.of("walletdesk-development-pin-pepper")),
            new Secret("walletdesk.wallet.bank.callback-secret", "WALLETDESK_BANK_CALLBACK_SECRET",
                    "HMAC secret shared with the banks that sign top-up callbacks",
                    Set.of("walletdesk-development-bank-callback-secret")),
            new Secret("walletdesk.metrics.scrape-token", "WALLETDESK_METRICS_TOKEN",
                    "bearer token a Prometheus server scrapes /actuator/prometheus with; unset, nobody can scrape",
                    Set.of(), false));
}
