package io.walletdesk.status.internal;

import java.time.Duration;

/**
 * A health check in the spirit of Gatus. {@code target} is a URL (HTTP), {@code host:port} (TCP, SMTP, IMAP:
 * a TCP connect, plus the server greeting for SMTP/IMAP) or a query on the application's database (DATABASE:
 * {@code SELECT 1} when empty; a query such as the age or size of an internal queue, whose first column is
 * checked with {@code bodyContains}). Conditions: {@code expectedStatus} (HTTP), {@code maxResponseTime},
 * {@code bodyContains} (HTTP body or SMTP/IMAP greeting). After {@code failureThreshold} failures in a row the
 * component moves to {@code failureStatus} and an incident opens; after {@code successThreshold} successes in a
 * row the component is operational again and the incident resolves itself.
 */
record ProbeDefinition(String name, Type type, String target, String component, Integer expectedStatus,
        Duration maxResponseTime, String bodyContains, int failureThreshold, int successThreshold, Duration interval,
        Duration timeout, ComponentStatus failureStatus) {

    enum Type { HTTP, TCP, SMTP, IMAP, DATABASE }

    ProbeDefinition {
        if (name == null || name.isBlank() || type == null || component == null) {
            throw new IllegalArgumentException("A probe needs a name, a type and a component");
        }
        failureThreshold = Math.max(1, failureThreshold);
        successThreshold = Math.max(1, successThreshold);
        interval = interval == null ? Duration.ofSeconds(30) : interval;
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        failureStatus = failureStatus == null ? ComponentStatus.MAJOR_OUTAGE : failureStatus;
    }
}
