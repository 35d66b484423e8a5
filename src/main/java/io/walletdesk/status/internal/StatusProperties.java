package io.walletdesk.status.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the status page ({@code walletdesk.status.*}). Probes are listed as
 * {@code walletdesk.status.probes[0].name=bank-gateway}, {@code .type=HTTP}, {@code .target=https://...},
 * {@code .component=top-up}, {@code .expected-status=200}, {@code .max-response-time=PT2S},
 * {@code .body-contains=UP}, {@code .failure-threshold=3}, {@code .success-threshold=2},
 * {@code .interval=PT30S}, {@code .failure-status=major_outage}.
 */
@ConfigurationProperties("walletdesk.status")
record StatusProperties(
        @DefaultValue("walletdesk") String pageId,
        @DefaultValue("WalletDesk") String pageName,
        @DefaultValue("http://localhost:8080") String pageUrl,
        @DefaultValue("Asia/Jakarta") String timeZone,
        @DefaultValue("./data/status-cache.json") Path cacheFile,
        @DefaultValue("PT5S") Duration cacheTtl,
        @DefaultValue("PT5S") Duration readTimeout,
        @DefaultValue("PT5S") Duration probeTick,
        @DefaultValue List<ProbeProperties> probes) {

    /** One configured health probe; see {@link ProbeDefinition} for the meaning of each field. */
    record ProbeProperties(String name, ProbeDefinition.Type type, String target, String component,
            Integer expectedStatus, Duration maxResponseTime, String bodyContains,
            @DefaultValue("3") int failureThreshold, @DefaultValue("2") int successThreshold,
            @DefaultValue("PT30S") Duration interval, @DefaultValue("PT5S") Duration timeout,
            @DefaultValue("major_outage") String failureStatus) {

        ProbeDefinition toDefinition() {
            return new ProbeDefinition(name, type, target, component, expectedStatus, maxResponseTime, bodyContains,
                    failureThreshold, successThreshold, interval, timeout, ComponentStatus.fromApi(failureStatus));
        }
    }
}
