package io.walletdesk.support;

import io.walletdesk.support.sla.ServiceLevels;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.stereotype.Service;

/** The support team's business calendar for other modules (e.g. statutory complaint deadlines). */
@Service
public class BusinessHours {

    private final ServiceLevels serviceLevels;

    BusinessHours(ServiceLevels serviceLevels) {
        this.serviceLevels = serviceLevels;
    }

    /**
     * The end of the {@code days}-th working day after {@code from} (the day of {@code from} does not count).
     * Statutory deadlines count working days: Monday to Friday, without the calendar's holidays, even when
     * the support team also works on Saturdays.
     */
    public Instant endOfBusinessDays(Instant from, int days) {
        var calendar = serviceLevels.defaultCalendar();
        ZoneId zone = calendar.zone();
        LocalDate day = from.atZone(zone).toLocalDate();
        int counted = 0;
        while (counted < days) {
            day = day.plusDays(1);
            boolean weekend = day.getDayOfWeek() == java.time.DayOfWeek.SATURDAY
                    || day.getDayOfWeek() == java.time.DayOfWeek.SUNDAY;
            if (!weekend && calendar.isBusinessDay(day)) {
                counted++;
            }
        }
        return day.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
    }

    /** Whether human agents work at {@code at} (the default calendar's hours and holidays). */
    public boolean isOpen(Instant at) {
        return serviceLevels.defaultCalendar().isOpen(at);
    }

    /** {@code at} itself when open, else the next time human agents start working. */
    public Instant nextOpening(Instant at) {
        return serviceLevels.nextOpening(at);
    }
}
