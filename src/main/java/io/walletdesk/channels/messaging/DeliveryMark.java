package io.walletdesk.channels.messaging;

import java.util.Locale;
import java.util.Optional;

/**
 * Where one of our replies is on the customer's phone, as WhatsApp reports it. Marks only move forward
 * (a late "delivered" never undoes "read"); a failure is final whatever came before.
 */
enum DeliveryMark {
    SENT(1), DELIVERED(2), READ(3), FAILED(9);

    private final int rank;

    DeliveryMark(int rank) {
        this.rank = rank;
    }

    int rank() {
        return rank;
    }

    /** The mark for a status in Meta's notification; empty for one we do not track (e.g. "deleted"). */
    static Optional<DeliveryMark> of(String status) {
        String upper = status == null ? "" : status.toUpperCase(Locale.ROOT);
        for (DeliveryMark mark : values()) {
            if (mark.name().equals(upper)) {
                return Optional.of(mark);
            }
        }
        return Optional.empty();
    }
}
