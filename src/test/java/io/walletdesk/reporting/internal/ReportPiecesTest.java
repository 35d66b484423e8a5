package io.walletdesk.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.support.SlaTarget;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pieces of the report pages that need no database: periods, chart geometry, CSV cells, a fact's sums. */
class ReportPiecesTest {

    @Test
    void periodsAreDaysWeeksOrMonthsChosenByTheLengthOfTheRange() {
        LocalDate thursday = LocalDate.of(2026, 11, 26);
        assertThat(Granularity.of(null, thursday.minusDays(29), thursday)).isEqualTo(Granularity.DAY);
        assertThat(Granularity.of("", thursday.minusDays(364), thursday)).isEqualTo(Granularity.WEEK);
        assertThat(Granularity.of("nonsense", thursday.minusDays(800), thursday)).isEqualTo(Granularity.MONTH);
        assertThat(Granularity.of("MONTH", thursday.minusDays(3), thursday)).isEqualTo(Granularity.MONTH);
        assertThat(Granularity.of("day", thursday.minusDays(900), thursday)).as("too many days to draw").isEqualTo(Granularity.WEEK);

        assertThat(Granularity.WEEK.start(thursday)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(Granularity.WEEK.label(LocalDate.of(2026, 11, 23))).isEqualTo("2026-W48");
        assertThat(Granularity.WEEK.label(LocalDate.of(2026, 12, 28))).isEqualTo("2026-W53");
        assertThat(Granularity.WEEK.label(Granularity.WEEK.start(LocalDate.of(2027, 1, 1)))).isEqualTo("2026-W53");
        assertThat(Granularity.MONTH.label(thursday.withDayOfMonth(1))).isEqualTo("2026-11");
        assertThat(Granularity.MONTH.periods(LocalDate.of(2026, 10, 15), thursday))
                .containsExactly(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 1));
        assertThat(Granularity.DAY.periods(thursday, thursday)).containsExactly(thursday);
    }

    @Test
    void stackedBarsAreScaledToANiceMaximumAndLinesBreakWhereAPeriodHasNoValue() {
        Charts.StackedBars bars = Charts.stacked(List.of("a", "b"), List.of(Map.of("CHAT", 30L, "EMAIL", 10L), Map.of()),
                List.of("CHAT", "EMAIL"));
        assertThat(bars.bars()).hasSize(1);
        assertThat(bars.bars().get(0).total()).isEqualTo(40);
        assertThat(bars.ticks()).extracting(Charts.Tick::label).containsExactly("0", "25", "50");
        Charts.Segment chat = bars.bars().get(0).segments().get(0);
        assertThat(chat.y() + chat.height()).isCloseTo(Charts.BOTTOM, org.assertj.core.data.Offset.offset(0.11));
        assertThat(bars.layers()).extracting(Charts.Layer::key).containsExactly("CHAT", "EMAIL");
        assertThat(bars.layers().get(0).path()).startsWith("M").endsWith("z").contains("h");
        assertThat(chat.height()).isCloseTo((Charts.BOTTOM - Charts.TOP) * 30 / 50, org.assertj.core.data.Offset.offset(0.1));

        Charts.Lines lines = Charts.lines(List.of("a", "b", "c", "d"), List.of(new Charts.LineInput("x", "#000",
                Arrays.asList(100.0, 50.0, null, 0.0))), 0, 100, new double[] {0, 50, 100}, v -> v + "");
        Charts.Series series = lines.series().get(0);
        assertThat(series.points()).hasSize(2);
        assertThat(series.dots()).hasSize(3);
        assertThat(series.dots().get(0).y()).isEqualTo(Charts.TOP);
        assertThat(series.dots().get(2).y()).isEqualTo(Charts.BOTTOM);
        assertThat(series.marks().split("M")).hasSize(4);

        assertThat(Charts.niceCeiling(0)).isEqualTo(2);
        assertThat(Charts.niceCeiling(7)).isEqualTo(10);
        assertThat(Charts.niceCeiling(2_740)).isEqualTo(5_000);
        assertThat(Charts.parts(List.of("a", "b", "c"), new long[] {2, 0, 2}, List.of("#1", "#2", "#3"), 8))
                .extracting(Charts.Part::x).containsExactly(0.0, 25.0);
    }

    @Test
    void csvCellsAreQuotedAndNeverRunAsFormulas() {
        assertThat(Csv.cell("Wallet support")).isEqualTo("Wallet support");
        assertThat(Csv.cell("Fraud, security")).isEqualTo("\"Fraud, security\"");
        assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(Csv.cell("=HYPERLINK(\"x\")")).startsWith("\"'=HYPERLINK");
        assertThat(Csv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(Csv.cell(2.5)).isEqualTo("2.50");
        assertThat(Csv.cell(null)).isEmpty();
        // RFC 4180 line ends, as every CSV the service writes (reports used to end lines with LF alone)
        assertThat(new Csv().row("a", 1, null).toString()).isEqualTo("a,1,\r\n");
    }

    @Test
    void aFactCountsItsFirstResponseInTimeUnlessThatTargetWasMissedAndItsResolutionOnlyWithoutAnyMiss() {
        ConversationFact started = new ConversationFact(1, "WD-10001", Instant.parse("2026-11-26T03:00:00Z"),
                LocalDate.of(2026, 11, 26), "CHAT", null, null, null, null, null, null, false, null, null);
        assertThat(started.key()).isEqualTo(new ConversationFact.DailyKey(LocalDate.of(2026, 11, 26), "CHAT", "", 0));
        ConversationFact handled = started.withFirstResponse(120).withResolution(Instant.parse("2026-11-26T05:00:00Z"), 7200)
                .withRating(5).withIntent("forgot_pin", 1).withTeam(2L);
        assertThat(handled.sums()).containsExactly(1, 1, 120, 1, 1, 7200, 1, 0, 0, 0, 0, 0, 1);
        assertThat(handled.withBreach(SlaTarget.NEXT_RESPONSE).sums()).containsExactly(1, 1, 120, 1, 1, 7200, 0, 1, 0, 0, 0, 0, 1);
        assertThat(handled.withBreach(SlaTarget.FIRST_RESPONSE).withBreach(SlaTarget.RESOLUTION).breachedTarget()).isEqualTo(SlaTarget.FIRST_RESPONSE);
        assertThat(handled.withBreach(SlaTarget.FIRST_RESPONSE).sums()[3]).isZero();
        assertThat(handled.key()).isEqualTo(new ConversationFact.DailyKey(LocalDate.of(2026, 11, 26), "CHAT", "forgot_pin", 2));
    }
}
