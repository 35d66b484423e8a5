package io.walletdesk.reporting.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** How the reports group time: by day, by ISO week (Monday to Sunday) or by calendar month. */
enum Granularity {
    DAY, WEEK, MONTH;

    /** More than this many days are not drawn day by day. */
    static final int MAX_DAYS_BY_DAY = 400;

    /** The chosen grouping; without a valid choice: days up to two months, weeks up to a year, else months. */
    static Granularity of(String requested, LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        Granularity chosen = null;
        if (requested != null) {
            for (Granularity g : values()) {
                if (g.name().equalsIgnoreCase(requested.strip())) {
                    chosen = g;
                }
            }
        }
        if (chosen == null) {
            chosen = days <= 62 ? DAY : days <= 366 ? WEEK : MONTH;
        }
        return chosen == DAY && days > MAX_DAYS_BY_DAY ? WEEK : chosen;
    }

    /** The first day of the period {@code day} falls in. */
    LocalDate start(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(DayOfWeek.MONDAY);
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
        };
    }

    /** 2026-11-27, 2026-W48 or 2026-11: sortable and the same in every language (also the CSV's first column). */
    String label(LocalDate start) {
        return switch (this) {
            case DAY -> start.toString();
            case WEEK -> String.format(Locale.ROOT, "%d-W%02d", start.get(IsoFields.WEEK_BASED_YEAR),
                    start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> start.toString().substring(0, 7);
        };
    }

    /** Every period touching [from, to], in order, by its first day. */
    List<LocalDate> periods(LocalDate from, LocalDate to) {
        List<LocalDate> periods = new ArrayList<>();
        for (LocalDate p = start(from); !p.isAfter(to); p = next(p)) {
            periods.add(p);
        }
        return periods;
    }

    public String param() {
        return name().toLowerCase(Locale.ROOT);
    }
}
