package io.walletdesk.support.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.walletdesk.support.AuthorType;
import io.walletdesk.support.Channel;
import io.walletdesk.support.ConversationReopened;
import io.walletdesk.support.ConversationResolved;
import io.walletdesk.support.ConversationStarted;
import io.walletdesk.support.FirstResponseGiven;
import io.walletdesk.support.MessagePosted;
import io.walletdesk.support.SlaBreached;
import io.walletdesk.support.SlaTarget;
import io.walletdesk.shared.metrics.AfterCommit;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts support's facts from its own events. The listeners are synchronous (in the publisher's transaction) and
 * count after commit, so a metric costs no event-publication row and no extra thread (ADR 0900); they never
 * throw, since a metric must not fail what it counts. Every label is an enum. The queue is {@link SupportQueueGauges}.
 */
@Component
class SupportMetrics {

    private static final Logger log = LoggerFactory.getLogger(SupportMetrics.class);

    /** Bucket bounds of the first-response histogram: chats are answered in minutes, e-mails in hours. */
    static final Duration[] FIRST_RESPONSE_BUCKETS = {Duration.ofSeconds(30), Duration.ofMinutes(1),
            Duration.ofMinutes(2), Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30),
            Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(24)};
    /** Bucket bounds of the resolution histogram. */
    static final Duration[] RESOLUTION_BUCKETS = {Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(4), Duration.ofHours(8), Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7)};

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<Channel, Counter> opened = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> reopened = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> resolved = new EnumMap<>(Channel.class);
    private final Map<Channel, Map<AuthorType, Counter>> messages = new EnumMap<>(Channel.class);
    private final Map<Channel, Timer> firstResponse = new EnumMap<>(Channel.class);
    private final Map<Channel, Timer> resolution = new EnumMap<>(Channel.class);
    private final Map<SlaTarget, Counter> breaches = new EnumMap<>(SlaTarget.class);

    SupportMetrics(JdbcClient jdbc, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        // Registered up front, so every series exists at 0 and rate() and alerts work from the first scrape.
        for (Channel channel : Channel.values()) {
            String c = channel.name();
            opened.put(channel, Counter.builder("walletdesk.conversations.opened").tag("channel", c)
                    .description("New conversations (not reopens)").register(meters));
            reopened.put(channel, Counter.builder("walletdesk.conversations.reopened").tag("channel", c)
                    .description("Resolved conversations a customer wrote to again").register(meters));
            resolved.put(channel, Counter.builder("walletdesk.conversations.resolved").tag("channel", c)
                    .description("Conversations resolved by staff").register(meters));
            Map<AuthorType, Counter> byAuthor = new EnumMap<>(AuthorType.class);
            for (AuthorType author : AuthorType.values()) {
                byAuthor.put(author, Counter.builder("walletdesk.messages").tag("channel", c)
                        .tag("direction", author == AuthorType.CUSTOMER ? "in" : "out").tag("author", author.name())
                        .description("Messages in conversations (no internal notes): in from customers, out to them "
                                + "from agents, the assistant and the system")
                        .register(meters));
            }
            messages.put(channel, byAuthor);
            firstResponse.put(channel, Timer.builder("walletdesk.first.response").tag("channel", c)
                    .description("From a conversation's start to the first answer by a person")
                    .serviceLevelObjectives(FIRST_RESPONSE_BUCKETS).register(meters));
            resolution.put(channel, Timer.builder("walletdesk.resolution").tag("channel", c)
                    .description("From a conversation's start to its resolution")
                    .serviceLevelObjectives(RESOLUTION_BUCKETS).register(meters));
        }
        for (SlaTarget target : SlaTarget.values()) {
            breaches.put(target, Counter.builder("walletdesk.sla.breaches").tag("target", target.name())
                    .description("Service-level targets missed").register(meters));
        }
    }

    @EventListener
    void on(ConversationStarted started) {
        AfterCommit.run(opened.get(started.channel())::increment);
    }

    @EventListener
    void on(ConversationReopened reopen) {
        quietly("reopened", () -> channelOf(reopen.conversationId())
                .ifPresent(channel -> AfterCommit.run(reopened.get(channel)::increment)));
    }

    @EventListener
    void on(MessagePosted posted) {
        if (posted.internalNote()) {
            return;
        }
        AfterCommit.run(messages.get(posted.channel()).get(posted.authorType())::increment);
    }

    @EventListener
    void on(FirstResponseGiven given) {
        quietly("first response", () -> channelOf(given.conversationId()).ifPresent(channel -> {
            Duration took = Duration.between(given.startedAt(), given.respondedAt());
            AfterCommit.run(() -> firstResponse.get(channel).record(took.isNegative() ? Duration.ZERO : took));
        }));
    }

    @EventListener
    void on(ConversationResolved done) {
        quietly("resolution", () -> jdbc.sql("SELECT channel, created_at FROM conversations WHERE id = :id")
                .param("id", done.conversationId())
                .query((rs, n) -> new Resolved(Channel.valueOf(rs.getString("channel")),
                        rs.getTimestamp("created_at").toInstant()))
                .optional().ifPresent(row -> {
                    Duration took = Duration.between(row.createdAt(), clock.instant());
                    AfterCommit.run(() -> {
                        resolved.get(row.channel()).increment();
                        resolution.get(row.channel()).record(took.isNegative() ? Duration.ZERO : took);
                    });
                }));
    }

    @EventListener
    void on(SlaBreached breached) {
        AfterCommit.run(breaches.get(breached.target())::increment);
    }

    private Optional<Channel> channelOf(long conversationId) {
        return jdbc.sql("SELECT channel FROM conversations WHERE id = :id").param("id", conversationId)
                .query(String.class).optional().map(Channel::valueOf);
    }

    private static void quietly(String what, Runnable count) {
        try {
            count.run();
        } catch (RuntimeException failure) {
            log.debug("Metric {} not counted: {}", what, failure.toString());
        }
    }

    private record Resolved(Channel channel, Instant createdAt) {
    }
}
