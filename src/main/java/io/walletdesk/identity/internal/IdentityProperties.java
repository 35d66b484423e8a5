package io.walletdesk.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tunables of account security; see application.properties for the defaults. {@code hashingConcurrency}
 * 0 means twice the number of processors. Password resets: requests per client address and hour, per identifier
 * (and per account) and hour, how long a reset code is valid, and the least time the first step's answer takes.
 */
@ConfigurationProperties("walletdesk.identity")
record IdentityProperties(Duration accessTokenTtl, Duration refreshTokenTtl, int maxFailedSignIns,
        Duration signInBlock, int signInsPerAddress, Duration signInAddressWindow, Duration contactCodeTtl,
        @DefaultValue("0") int hashingConcurrency, @DefaultValue("PT2S") Duration hashingWait,
        @DefaultValue("5") int registrationsPerAddress, @DefaultValue("PT1H") Duration registrationAddressWindow,
        @DefaultValue("10") int passwordResetsPerAddress, @DefaultValue("3") int passwordResetsPerIdentifier,
        @DefaultValue("PT15M") Duration passwordResetCodeTtl, @DefaultValue("PT0.3S") Duration passwordResetAnswerFloor) {
}
