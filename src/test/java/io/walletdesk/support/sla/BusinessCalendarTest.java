package io.walletdesk.support.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessCalendarTest {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 8, 17), LocalDate.of(2026, 12, 25));

    private final BusinessCalendar weekdays = new BusinessCalendar(JAKARTA,
            BusinessCalendar.parseWeeklyHours("MON=08:00-20:00;TUE=08:00-20:00;WED=08:00-20:00;THU=08:00-20:00;FRI=08:00-20:00"),
            HOLIDAYS);
    private final BusinessCalendar withSaturday = new BusinessCalendar(JAKARTA,
            BusinessCalendar.parseWeeklyHours("MON=08:00-20:00;TUE=08:00-20:00;WED=08:00-20:00;THU=08:00-20:00;FRI=08:00-20:00;SAT=09:00-15:00"),
            HOLIDAYS);

    private static Instant wib(int year, int month, int day, int hour, int minute) {
        return LocalDateTime.of(year, month, day, hour, minute).atZone(JAKARTA).toInstant();
    }

    @Test
    void fourBusinessHoursFromFridayEveningEndOnMondayMorning() {
        Instant friday = wib(2026, 11, 27, 18, 0);
        assertThat(weekdays.plusBusinessMinutes(friday, 240)).isEqualTo(wib(2026, 11, 30, 10, 0));
        assertThat(withSaturday.plusBusinessMinutes(friday, 240)).isEqualTo(wib(2026, 11, 28, 11, 0));
    }

    @Test
    void aHolidayAfterAWeekendIsSkippedToo() {
        // Monday 17 August 2026 is Independence Day.
        Instant friday = wib(2026, 8, 14, 19, 0);
        assertThat(weekdays.plusBusinessMinutes(friday, 180)).isEqualTo(wib(2026, 8, 18, 10, 0));
        assertThat(weekdays.businessMinutesBetween(friday, wib(2026, 8, 18, 10, 0))).isEqualTo(180);
        assertThat(weekdays.isOpen(wib(2026, 8, 17, 10, 0))).isFalse();
        // Christmas on a Friday, then the weekend.
        assertThat(weekdays.plusBusinessMinutes(wib(2026, 12, 24, 19, 30), 60)).isEqualTo(wib(2026, 12, 28, 8, 30));
    }

    @Test
    void clocksStartAtTheNextOpeningAndCountOnlyOpenTime() {
        Instant sundayNight = wib(2026, 11, 29, 23, 0);
        assertThat(weekdays.nextOpening(sundayNight)).isEqualTo(wib(2026, 11, 30, 8, 0));
        assertThat(weekdays.plusBusinessMinutes(sundayNight, 5)).isEqualTo(wib(2026, 11, 30, 8, 5));
        assertThat(weekdays.businessMinutesBetween(wib(2026, 11, 27, 19, 0), wib(2026, 11, 30, 9, 0))).isEqualTo(120);
        assertThat(weekdays.businessMinutesBetween(wib(2026, 11, 30, 9, 0), wib(2026, 11, 27, 19, 0))).isZero();
        assertThat(weekdays.isOpen(wib(2026, 11, 30, 19, 59))).isTrue();
        assertThat(weekdays.isOpen(wib(2026, 11, 30, 20, 0))).isFalse();
    }

    @Test
    void rejectsNonsenseHours() {
        assertThatThrownBy(() -> BusinessCalendar.parseWeeklyHours("MON=20:00-08:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BusinessCalendar.parseWeeklyHours("XYZ=08:00-09:00")).isInstanceOf(IllegalArgumentException.class);
    }
}
