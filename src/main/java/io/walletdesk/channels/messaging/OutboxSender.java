package io.walletdesk.channels.messaging;

import io.walletdesk.support.Attachments;
import io.walletdesk.support.Participant;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the messaging outbox through the Graph API and the Bot API: right after a reply is queued, and by a
 * cluster-locked sweep for retries. 429 and 5xx (and no answer) are tried again with exponential backoff, or after
 * the Retry-After the platform gave; any other refusal is final. A WhatsApp text whose 24-hour window closed while
 * it waited is held back, not sent.
 */
@Component
class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final Participant.System READER = new Participant.System("Messaging apps");

    private final MessagingOutbox outbox;
    private final GraphApi graph;
    private final BotApi bot;
    private final WhatsAppSettings whatsApp;
    private final TelegramSettings telegram;
    private final ServiceWindow window;
    private final Attachments attachments;
    private final Kicks kicks = new Kicks("messaging-outbox", this::sendDue);

    OutboxSender(MessagingOutbox outbox, GraphApi graph, BotApi bot, WhatsAppSettings whatsApp, TelegramSettings telegram,
            ServiceWindow window, Attachments attachments) {
        this.outbox = outbox;
        this.graph = graph;
        this.bot = bot;
        this.whatsApp = whatsApp;
        this.telegram = telegram;
        this.window = window;
        this.attachments = attachments;
    }

    boolean enabled(Platform platform) {
        return platform == Platform.WHATSAPP ? whatsApp.enabled() : telegram.enabled();
    }

    void kick() {
        kicks.kick();
    }

    @Scheduled(fixedDelayString = "${walletdesk.messaging.send-interval:PT2S}",
            initialDelayString = "${walletdesk.messaging.send-interval:PT2S}")
    @SchedulerLock(name = "messaging-outbox", lockAtMostFor = "PT5M")
    public void send() {
        sendDue();
    }

    /** Sends what is due; returns how many were sent. */
    int sendDue() {
        List<Platform> on = new ArrayList<>();
        for (Platform platform : Platform.values()) {
            if (enabled(platform)) {
                on.add(platform);
            }
        }
        int sent = 0;
        for (long id : outbox.due(on, 50)) {
            sent += outbox.claim(id).map(this::deliver).orElse(0);
        }
        return sent;
    }

    private int deliver(MessagingOutbox.Outgoing o) {
        try {
            if (o.platform() == Platform.WHATSAPP && o.kind() != MessagingOutbox.Kind.TEMPLATE && o.conversationId() != null
                    && !window.open(o.conversationId())) {
                outbox.end(o.id(), MessagingOutbox.State.HELD, "window-closed");
                window.heldNote(o.conversationId(), o.seq() == null ? 0 : o.seq());
                return 0;
            }
            outbox.sent(o.id(), switch (o.platform()) {
                case WHATSAPP -> o.kind() == MessagingOutbox.Kind.TEMPLATE
                        ? graph.sendTemplate(o.recipient(), whatsApp.templateName(), templateLanguage(o.body()))
                        : graph.sendText(o.recipient(), o.body());
                case TELEGRAM -> o.kind() == MessagingOutbox.Kind.DOCUMENT ? document(o) : bot.sendMessage(o.recipient(), o.body());
            });
            return 1;
        } catch (PlatformHttp.Retryable later) {
            Duration wait = later.retryAfter().orElse(backoff(o.attempts()));
            log.info("{} reply {} not sent (try {}), again in {}: {}", o.platform(), o.id(), o.attempts(), wait,
                    later.getMessage());
            outbox.retry(o.id(), later.getMessage(), wait);
        } catch (PlatformHttp.Refused refused) {
            log.warn("{} refused reply {}: {}", o.platform(), o.id(), refused.getMessage());
            outbox.end(o.id(), MessagingOutbox.State.FAILED, refused.getMessage());
        } catch (RuntimeException failure) {
            log.warn("{} reply {} failed (try {}): {}", o.platform(), o.id(), o.attempts(), failure.toString());
            outbox.retry(o.id(), failure.toString(), backoff(o.attempts()));
        }
        return 0;
    }

    private String document(MessagingOutbox.Outgoing o) {
        Attachments.Attachment file = attachments.ofMessage(o.conversationId(), o.seq(), READER)
                .orElseThrow(() -> new PlatformHttp.Refused("attachment gone"));
        return bot.sendDocument(o.recipient(), file.filename(), file.contentType(), file.content(), null);
    }

    /** 2 s, 4 s, 8 s ... at most 10 minutes. */
    static Duration backoff(int attempts) {
        return Duration.ofSeconds(Math.min(600, 1L << Math.max(1, Math.min(attempts, 10))));
    }

    /** The template's language code as WhatsApp names it (en, id, zh_CN). */
    private static String templateLanguage(String tag) {
        return tag == null ? "en" : tag.replace('-', '_');
    }

    @PreDestroy
    void stop() {
        kicks.stop();
    }
}
