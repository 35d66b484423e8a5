package io.walletdesk.chat.internal;

import io.walletdesk.support.AgentAvailability;
import io.walletdesk.support.BusinessHours;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Agent availability from agents' chosen presence first, the business calendar second. */
@Component
class PresenceAvailability implements AgentAvailability {

    private final AgentPresence presence;
    private final BusinessHours hours;
    private final Clock clock;

    PresenceAvailability(AgentPresence presence, BusinessHours hours, Clock clock) {
        this.presence = presence;
        this.hours = hours;
        this.clock = clock;
    }

    @Override
    public Availability now() {
        int online = presence.agentsOnline();
        if (online > 0) {
            return new Availability.AnswerSoon(online);
        }
        Instant now = clock.instant();
        return hours.isOpen(now) ? new Availability.Queued() : new Availability.OffDutyUntil(hours.nextOpening(now));
    }
}
