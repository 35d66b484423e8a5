package io.walletdesk.shared.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Each language's own way of writing a date, a 24-hour clock, the user's zone and its name (issue 17, X6). */
class UserTimeTest {

    /** 07:05 UTC is 14:05 in Jakarta, 15:05 in Makassar, 16:05 in Jayapura. */
    static final Instant SEVENTH_OF_DECEMBER = Instant.parse("2026-12-07T07:05:09Z");

    @Test
    void datesAndTimesReadAsEachLanguageWritesThem() {
        assertThat(UserTime.format(SEVENTH_OF_DECEMBER, Locale.ENGLISH, UserTime.DEFAULT_ZONE))
                .isEqualTo("7 Dec 2026, 14:05 WIB");
        assertThat(UserTime.format(SEVENTH_OF_DECEMBER, Locale.forLanguageTag("id-ID"), UserTime.DEFAULT_ZONE))
                .isEqualTo("7 Des 2026 14.05 WIB");
        assertThat(UserTime.format(SEVENTH_OF_DECEMBER, Locale.SIMPLIFIED_CHINESE, UserTime.DEFAULT_ZONE))
                .isEqualTo("2026年12月7日 14:05 WIB").doesNotContain("12月 2026");
        // "zh" alone, "in" (the old code for Indonesian) and an unsupported language.
        assertThat(UserTime.format(SEVENTH_OF_DECEMBER, Locale.CHINESE, null)).isEqualTo("2026年12月7日 14:05 WIB");
        assertThat(UserTime.format(SEVENTH_OF_DECEMBER, Locale.forLanguageTag("in"), null)).startsWith("7 Des 2026");
        assertThat(UserTime.format(SEVENTH_OF_DECEMBER, Locale.GERMAN, null)).isEqualTo("7 Dec 2026, 14:05 WIB");
        assertThat(UserTime.format(null, Locale.ENGLISH, null)).isEmpty();
    }

    @Test
    void theUsersZoneDecidesTheClockAndItsName() {
        assertThat(UserTime.format(SEVENTH_OF_DECEMBER, Locale.ENGLISH, ZoneId.of("Asia/Makassar")))
                .isEqualTo("7 Dec 2026, 15:05 WITA");
        assertThat(UserTime.format(SEVENTH_OF_DECEMBER, Locale.SIMPLIFIED_CHINESE, ZoneId.of("Asia/Jayapura")))
                .isEqualTo("2026年12月7日 16:05 WIT");
        assertThat(UserTime.format(SEVENTH_OF_DECEMBER, Locale.ENGLISH, ZoneId.of("Europe/Amsterdam")))
                .isEqualTo("7 Dec 2026, 08:05 Europe/Amsterdam");
        // Late in the evening in Jakarta is already the next day there.
        assertThat(UserTime.format(Instant.parse("2026-12-07T18:30:00Z"), Locale.forLanguageTag("id"), null))
                .isEqualTo("8 Des 2026 01.30 WIB");
    }

    @Test
    void evidenceKeepsTheSecondsAndDaysStandAlone() {
        assertThat(UserTime.formatPrecise(SEVENTH_OF_DECEMBER, Locale.forLanguageTag("id"), null))
                .isEqualTo("7 Des 2026 14.05.09 WIB");
        assertThat(UserTime.formatPrecise(SEVENTH_OF_DECEMBER, Locale.SIMPLIFIED_CHINESE, null))
                .isEqualTo("2026年12月7日 14:05:09 WIB");
        LocalDate independenceDay = LocalDate.of(2026, 8, 17);
        assertThat(UserTime.date(independenceDay, Locale.ENGLISH)).isEqualTo("17 Aug 2026");
        assertThat(UserTime.date(independenceDay, Locale.forLanguageTag("id"))).isEqualTo("17 Agu 2026");
        assertThat(UserTime.date(independenceDay, Locale.SIMPLIFIED_CHINESE)).isEqualTo("2026年8月17日");
    }
}
