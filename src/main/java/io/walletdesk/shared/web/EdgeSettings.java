package io.walletdesk.shared.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Limits on request bodies (see {@link RequestBodyGuard}). Uploads keep the multipart limits of
 * {@code spring.servlet.multipart.*}.
 *
 * @param maxBodySize largest JSON or form body
 * @param bodyReadTimeout time allowed for a whole non-multipart body to arrive
 * @param maxConcurrentBodyReads bodies read at once in all; keep it well below server.tomcat.threads.max
 * @param maxBodyReadsPerAddress bodies read at once from one client address
 */
@ConfigurationProperties("walletdesk.web")
record EdgeSettings(DataSize maxBodySize, Duration bodyReadTimeout, int maxConcurrentBodyReads,
        int maxBodyReadsPerAddress) {

    EdgeSettings {
        maxBodySize = maxBodySize == null ? DataSize.ofMegabytes(1) : maxBodySize;
        bodyReadTimeout = bodyReadTimeout == null ? Duration.ofSeconds(15) : bodyReadTimeout;
        maxConcurrentBodyReads = maxConcurrentBodyReads <= 0 ? 100 : maxConcurrentBodyReads;
        maxBodyReadsPerAddress = maxBodyReadsPerAddress <= 0 ? 16 : maxBodyReadsPerAddress;
    }
}
