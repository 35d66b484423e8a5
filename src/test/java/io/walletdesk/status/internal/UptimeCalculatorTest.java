package io.walletdesk.status.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** 90 days of uptime from status changes, in the page's zone. */
class UptimeCalculatorTest {

    static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
    final UptimeCalculator calculator = new UptimeCalculator(null, JAKARTA);

    @Test
    void outagesCountFullyPartialOutagesAt30PercentAndDaysBeforeTrackingHaveNoData() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        Instant now = today.atStartOfDay(JAKARTA).plusHours(12).toInstant();
        Instant tracked = today.minusDays(10).atStartOfDay(JAKARTA).toInstant();
        Instant outage = today.minusDays(2).atStartOfDay(JAKARTA).plusHours(6).toInstant();
        List<UptimeCalculator.Change> changes = List.of(
                new UptimeCalculator.Change(tracked, ComponentStatus.OPERATIONAL),
                new UptimeCalculator.Change(outage, ComponentStatus.MAJOR_OUTAGE),
                new UptimeCalculator.Change(outage.plusSeconds(6 * 3600), ComponentStatus.PARTIAL_OUTAGE),
                new UptimeCalculator.Change(outage.plusSeconds(12 * 3600), ComponentStatus.OPERATIONAL));
        StatusSnapshot.Uptime uptime = calculator.compute("top-up", changes, today, now);

        assertThat(uptime.days()).hasSize(90);
        assertThat(uptime.days().get(0).worst()).as("before tracking").isNull();
        assertThat(uptime.days().get(0).uptime()).as("no data is not 100 %").isNull();
        assertThat(uptime.trackedDays()).isEqualTo(11);
        StatusSnapshot.UptimeDay bad = uptime.days().get(87);
        assertThat(bad.date()).isEqualTo(today.minusDays(2));
        assertThat(bad.worst()).isEqualTo(ComponentStatus.MAJOR_OUTAGE);
        assertThat(bad.uptime()).isCloseTo(1 - (6 + 0.3 * 6) / 24.0, org.assertj.core.data.Offset.offset(0.0001));
        assertThat(uptime.days().get(89).worst()).isEqualTo(ComponentStatus.OPERATIONAL);
        double trackedHours = 10 * 24 + 12;
        assertThat(uptime.percent()).isCloseTo(100 * (1 - 7.8 / trackedHours), org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aMomentaryChangeStillColoursItsDay() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        Instant now = today.atStartOfDay(JAKARTA).plusHours(12).toInstant();
        Instant start = today.minusDays(5).atStartOfDay(JAKARTA).toInstant();
        Instant blip = today.minusDays(1).atStartOfDay(JAKARTA).plusHours(3).toInstant();
        StatusSnapshot.Uptime uptime = calculator.compute("x", List.of(
                new UptimeCalculator.Change(start, ComponentStatus.OPERATIONAL),
                new UptimeCalculator.Change(blip, ComponentStatus.DEGRADED_PERFORMANCE),
                new UptimeCalculator.Change(blip, ComponentStatus.OPERATIONAL)), today, now);
        assertThat(uptime.days().get(88).worst()).isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE);
        assertThat(uptime.percent()).isEqualTo(100.0);
    }

    @Test
    void aComponentWithoutHistoryHasNoPercentage() {
        LocalDate today = LocalDate.of(2026, 11, 26);
        StatusSnapshot.Uptime uptime = calculator.compute("new", List.of(), today,
                today.atStartOfDay(JAKARTA).plusHours(12).toInstant());
        assertThat(uptime.percent()).isNull();
        assertThat(uptime.days()).allSatisfy(day -> assertThat(day.uptime()).isNull());
    }
}
