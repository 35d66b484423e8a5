package io.walletdesk.support.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Opening hours of a support team in its time zone, with holidays. Service-level clocks run only inside
 * these hours: four business hours from Friday 18:00 end on Monday 10:00 in a Mon–Fri 08–20 calendar.
 */
final class BusinessCalendar {

    private final ZoneId zone;
    private final Map<DayOfWeek, LocalTime[]> hours;
    private final Set<LocalDate> holidays;

    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, LocalTime[]> hours, Set<LocalDate> holidays) {
        this.zone = zone;
        this.hours = new EnumMap<>(DayOfWeek.class);
        this.hours.putAll(hours);
        this.holidays = Set.copyOf(holidays);
    }

    /** Parses "MON=08:00-20:00;SAT=09:00-15:00"; days not listed are closed. */
    public static Map<DayOfWeek, LocalTime[]> parseWeeklyHours(String spec) {
        Map<DayOfWeek, LocalTime[]> parsed = new EnumMap<>(DayOfWeek.class);
        for (String entry : spec.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] dayAndRange = entry.trim().split("=");
            String[] range = dayAndRange[1].split("-");
            DayOfWeek day = switch (dayAndRange[0].trim().toUpperCase(Locale.ROOT)) {
                case "MON" -> DayOfWeek.MONDAY;
                case "TUE" -> DayOfWeek.TUESDAY;
                case "WED" -> DayOfWeek.WEDNESDAY;
                case "THU" -> DayOfWeek.THURSDAY;
                case "FRI" -> DayOfWeek.FRIDAY;
                case "SAT" -> DayOfWeek.SATURDAY;
                case "SUN" -> DayOfWeek.SUNDAY;
                default -> throw new IllegalArgumentException("Unknown day " + dayAndRange[0]);
            };
            LocalTime open = LocalTime.parse(range[0].trim());
            LocalTime close = LocalTime.parse(range[1].trim());
            if (!close.isAfter(open)) {
                throw new IllegalArgumentException("Closing must be after opening: " + entry);
            }
            parsed.put(day, new LocalTime[] {open, close});
        }
        return parsed;
    }

    public ZoneId zone() {
        return zone;
    }

    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime[] range = rangeOn(local.toLocalDate());
        return range != null && !local.toLocalTime().isBefore(range[0]) && local.toLocalTime().isBefore(range[1]);
    }

    /** The instant {@code minutes} of business time after {@code start}. */
    public Instant plusBusinessMinutes(Instant start, long minutes) {
        if (hours.isEmpty()) {
            throw new IllegalStateException("A calendar without opening hours never advances");
        }
        long remaining = minutes;
        ZonedDateTime cursor = start.atZone(zone);
        for (int guard = 0; guard < 3660; guard++) {
            LocalDate day = cursor.toLocalDate();
            LocalTime[] range = rangeOn(day);
            if (range != null) {
                ZonedDateTime open = day.atTime(range[0]).atZone(zone);
                ZonedDateTime close = day.atTime(range[1]).atZone(zone);
                ZonedDateTime from = cursor.isAfter(open) ? cursor : open;
                if (from.isBefore(close)) {
                    long available = Duration.between(from, close).toMinutes();
                    if (remaining <= available) {
                        return from.plusMinutes(remaining).toInstant();
                    }
                    remaining -= available;
                }
            }
            cursor = day.plusDays(1).atStartOfDay(zone);
        }
        throw new IllegalStateException("No business time within ten years");
    }

    /** Business minutes between two instants (0 when {@code to} is not after {@code from}). */
    public long businessMinutesBetween(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return 0;
        }
        long total = 0;
        ZonedDateTime cursor = from.atZone(zone);
        ZonedDateTime end = to.atZone(zone);
        while (!cursor.toLocalDate().isAfter(end.toLocalDate())) {
            LocalDate day = cursor.toLocalDate();
            LocalTime[] range = rangeOn(day);
            if (range != null) {
                ZonedDateTime open = day.atTime(range[0]).atZone(zone);
                ZonedDateTime close = day.atTime(range[1]).atZone(zone);
                ZonedDateTime a = cursor.isAfter(open) ? cursor : open;
                ZonedDateTime b = end.isBefore(close) ? end : close;
                if (b.isAfter(a)) {
                    total += Duration.between(a, b).toMinutes();
                }
            }
            cursor = day.plusDays(1).atStartOfDay(zone);
        }
        return total;
    }

    /** The next moment the team is open (now, if open). */
    public Instant nextOpening(Instant from) {
        return isOpen(from) ? from : plusBusinessMinutes(from, 0);
    }

    /** A day with opening hours that is not a holiday. */
    public boolean isBusinessDay(LocalDate day) {
        return rangeOn(day) != null;
    }

    private LocalTime[] rangeOn(LocalDate day) {
        return holidays.contains(day) ? null : hours.get(day.getDayOfWeek());
    }
}
