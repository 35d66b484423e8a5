package io.walletdesk.support;

import java.time.Instant;

/** The support team's business calendar for other modules (e.g. statutory complaint deadlines). */
public interface BusinessHours {

    /**
     * The end of the {@code days}-th working day after {@code from} (the day of {@code from} does not count).
     * Statutory deadlines count working days: Monday to Friday, without the calendar's holidays, even when
     * the support team also works on Saturdays.
     */
    Instant endOfBusinessDays(Instant from, int days);

    /** Whether human agents work at {@code at} (the default calendar's hours and holidays). */
    boolean isOpen(Instant at);

    /** {@code at} itself when open, else the next time human agents start working. */
    Instant nextOpening(Instant at);
}
