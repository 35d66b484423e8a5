package io.walletdesk.support.sla;

import io.walletdesk.support.BusinessHours;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Service;

/** {@link BusinessHours} from the default business calendar of the service levels. */
@Service
class SlaBusinessHours implements BusinessHours {

    private final ServiceLevels serviceLevels;

    SlaBusinessHours(ServiceLevels serviceLevels) {
        this.serviceLevels = serviceLevels;
    }

    @Override
    public Instant endOfBusinessDays(Instant from, int days) {
        BusinessCalendar calendar = serviceLevels.defaultCalendar();
        ZoneId zone = calendar.zone();
        LocalDate day = from.atZone(zone).toLocalDate();
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (!weekend && calendar.isBusinessDay(day)) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
    }

    @Override
    public boolean isOpen(Instant at) {
        return serviceLevels.defaultCalendar().isOpen(at);
    }

    @Override
    public Instant nextOpening(Instant at) {
        return serviceLevels.nextOpening(at);
    }
}
