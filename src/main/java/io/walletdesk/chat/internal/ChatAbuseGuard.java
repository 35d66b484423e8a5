package io.walletdesk.chat.internal;

import io.walletdesk.shared.ratelimit.RateLimiter;
import io.walletdesk.shared.web.ClientInfo;
import io.walletdesk.shared.failure.FailureKind;
import io.walletdesk.shared.failure.ProblemException;
import io.walletdesk.support.Conversations;
import io.walletdesk.support.Participant;
import java.time.Duration;
import java.util.Map;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

/**
 * Limits per customer, visitor or device. Messages are never limited per IP address: mobile carriers put
 * thousands of customers behind one address, and one abuser must not silence them all. New visitors are
 * limited per device and, far more generously, per address too: the device id is the client's own claim,
 * and rotating it must not mint visitors without end.
 */
@Component
class ChatAbuseGuard {

    static final int MESSAGES_PER_MINUTE = 30;
    static final int VISITORS_PER_DEVICE_PER_HOUR = 10;
    static final int VISITORS_PER_ADDRESS_PER_HOUR = 60;

    private final RateLimiter limiter;
    private final Conversations conversations;

    ChatAbuseGuard(RateLimiter limiter, Conversations conversations) {
        this.limiter = limiter;
        this.conversations = conversations;
    }

    /**
     * Counts a message against the sender's budget, unless it resends one already stored: a phone on a bad
     * network repeats the same client id, and that must not use up the budget for its real next message.
     */
    void message(Participant by, long conversationId, String clientMessageId) {
        try {
            if (conversations.isResend(conversationId, by, clientMessageId)) {
                return;
            }
        } catch (DataAccessException | TransactionException away) {
            return; // the journal keeps the message; see below
        }
        message(by);
    }

    void message(Participant by) {
        String key;
        if (by instanceof Participant.Customer customer) {
            key = "customer:" + customer.userId();
        } else if (by instanceof Participant.Visitor visitor) {
            key = "visitor:" + visitor.visitorId();
        } else {
            return;
        }
        RateLimiter.Decision decision;
        try {
            decision = limiter.hit("chat-message:" + key, MESSAGES_PER_MINUTE, Duration.ofMinutes(1));
        } catch (DataAccessException | TransactionException away) {
            return; // with the database away the message goes to the journal; a limit must not lose it
        }
        refuseIfOver(decision);
    }

    void newVisitor(ClientInfo client) {
        String device = client.deviceId() != null ? client.deviceId()
                : Integer.toHexString((client.ip() + "|" + client.userAgent()).hashCode());
        refuseIfOver(limiter.hit("chat-visitor:" + device, VISITORS_PER_DEVICE_PER_HOUR, Duration.ofHours(1)));
        if (client.ip() != null) {
            refuseIfOver(limiter.hit("chat-visitor-address:" + client.ip(), VISITORS_PER_ADDRESS_PER_HOUR,
                    Duration.ofHours(1)));
        }
    }

    private static void refuseIfOver(RateLimiter.Decision decision) {
        if (!decision.allowed()) {
            long minutes = Math.max(1, (decision.retryAfterSeconds() + 59) / 60);
            throw new ProblemException("too-many-messages", FailureKind.RATE_LIMITED, null, new Object[] {minutes},
                    Map.of("retryAfterSeconds", decision.retryAfterSeconds()));
        }
    }
}
