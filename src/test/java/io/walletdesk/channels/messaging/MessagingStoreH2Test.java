package io.walletdesk.channels.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.testing.H2Test;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The embedded demo runs on H2: the messaging migration and every statement of the stores work there too (the
 * end-to-end tests run on PostgreSQL).
 */
@H2Test
class MessagingStoreH2Test {

    @Autowired
    InboundDeliveries deliveries;
    @Autowired
    MessagingOutbox outbox;
    @Autowired
    MessagingThreads threads;

    @Test
    void deliveriesAreStoredOnceClaimedOnceAndRepliesMoveThroughTheirStates() {
        var delivery = new InboundDeliveries.Delivery(Platform.WHATSAPP, "message:wamid.h2-" + System.nanoTime(),
                InboundDeliveries.Kind.MESSAGE, "{}");
        assertThat(deliveries.store(List.of(delivery, delivery))).isOne();
        assertThat(deliveries.store(List.of(delivery))).isZero();
        assertThat(deliveries.count(Platform.WHATSAPP, delivery.externalId())).isOne();

        threads.touch(777_001L, Platform.WHATSAPP, "6281900000001", "id", Instant.now());
        threads.touch(777_001L, Platform.WHATSAPP, "6281900000001", "id", Instant.now().minusSeconds(60));
        assertThat(threads.of(777_001L)).get().extracting(MessagingThreads.Thread::language).isEqualTo("id");

        String key = "777001:1:" + System.nanoTime();
        assertThat(outbox.queue(Platform.WHATSAPP, key, 777_001L, 1L, "6281900000001", MessagingOutbox.Kind.TEXT, "Halo",
                MessagingOutbox.State.PENDING)).isTrue();
        assertThat(outbox.queue(Platform.WHATSAPP, key, 777_001L, 1L, "6281900000001", MessagingOutbox.Kind.TEXT, "Halo",
                MessagingOutbox.State.PENDING)).isFalse();
        long id = outbox.due(List.of(Platform.WHATSAPP), 100).stream().max(Long::compare).orElseThrow();
        assertThat(outbox.claim(id)).isPresent();
        assertThat(outbox.claim(id)).isEmpty();
        outbox.sent(id, "wamid.h2-sent-" + id);
        assertThat(outbox.markDelivery("wamid.h2-sent-" + id, DeliveryMark.READ, null)).isPresent();
        assertThat(outbox.markDelivery("wamid.h2-sent-" + id, DeliveryMark.DELIVERED, null)).isEmpty();
        assertThat(outbox.ofConversation(777_001L)).extracting(MessagingOutbox.Row::delivery).containsExactly("READ");
    }
}
