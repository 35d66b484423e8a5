package io.walletdesk.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Tunables of account security; see application.properties for the defaults. */
@ConfigurationProperties("walletdesk.identity")
public record IdentityProperties(Duration accessTokenTtl, Duration refreshTokenTtl, int maxFailedSignIns,
        Duration signInBlock, int signInsPerAddress, Duration signInAddressWindow, Duration contactCodeTtl) {
}
