package io.walletdesk.status.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.walletdesk.status.internal.StatusSnapshot.Component;
import io.walletdesk.status.internal.StatusSnapshot.Group;
import io.walletdesk.status.internal.StatusSnapshot.Uptime;
import io.walletdesk.status.internal.StatusSnapshot.UptimeDay;
import io.walletdesk.status.internal.StatusViews.ComponentView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The 90-day bars as the page draws them (issue 17): one rect per run of equal days, not one per day, and grey
 * days before a component was tracked say "no data" in every language, never "100.00 %".
 */
class UptimeBarsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 6);
    static final Instant NOW = Instant.parse("2026-12-06T05:00:00Z");

    final StatusViews views = new StatusViews(messages(), new StatusProperties("walletdesk", "WalletDesk",
            "http://localhost", "Asia/Jakarta", null, null, null, null, List.of()));

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/status");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    /** {@code untracked} grey days, then operational days with one major outage three days ago. */
    static Uptime uptime(String code, int untracked) {
        List<UptimeDay> days = new ArrayList<>();
        for (int back = 89; back >= 0; back--) {
            int index = 89 - back;
            LocalDate date = TODAY.minusDays(back);
            if (index < untracked) {
                days.add(new UptimeDay(date, null, null));
            } else if (back == 3) {
                days.add(new UptimeDay(date, ComponentStatus.MAJOR_OUTAGE, 0.5));
            } else {
                days.add(new UptimeDay(date, ComponentStatus.OPERATIONAL, 1.0));
            }
        }
        long tracked = days.stream().filter(d -> d.worst() != null).count();
        return new Uptime(code, tracked == 0 ? null : 99.44, days);
    }

    static Component component(int id, String code, String name) {
        return new Component(id, code, "wallet", id, Texts.of(name), null, ComponentStatus.OPERATIONAL,
                true, NOW, NOW);
    }

    ComponentView view(Uptime uptime, Locale locale) {
        StatusSnapshot snapshot = new StatusSnapshot(NOW,
                List.of(new Group(1, "wallet", 1, Texts.of("Wallet"), NOW, NOW)),
                List.of(component(1, uptime.componentCode(), "Top-up")), List.of(),
                Map.of(uptime.componentCode(), uptime));
        return views.page(new StatusSnapshots.Current(snapshot, false, NOW), locale).groups().get(0).components().get(0);
    }

    static String caption(ComponentView view, Locale locale) {
        return messages().getMessage(view.uptimeKey(), view.uptimeArgs().toArray(), locale);
    }

    @Test
    void aComponentWithoutHistorySaysNoDataInEachLanguageNotAHundredPercent() {
        Uptime none = uptime("top-up", 90);
        Map<Locale, String> noData = Map.of(Locale.ENGLISH, "No data", Locale.forLanguageTag("id"), "Tidak ada data",
                Locale.SIMPLIFIED_CHINESE, "无数据");
        noData.forEach((locale, words) -> {
            ComponentView view = view(none, locale);
            assertThat(view.runs()).singleElement().satisfies(run -> {
                assertThat(run.width()).isEqualTo(360);
                assertThat(run.colour()).isEqualTo(StatusViews.NO_DATA_COLOUR);
                assertThat(run.label()).endsWith(": " + words).doesNotContain("100");
            });
            assertThat(view.uptimeKey()).isEqualTo("status.uptime.none");
            assertThat(caption(view, locale)).doesNotContain("100").doesNotContain("%");
        });
        assertThat(caption(view(none, Locale.ENGLISH), Locale.ENGLISH)).startsWith("No data yet");
        assertThat(caption(view(none, Locale.forLanguageTag("id")), Locale.forLanguageTag("id"))).startsWith("Belum ada data");
        assertThat(caption(view(none, Locale.SIMPLIFIED_CHINESE), Locale.SIMPLIFIED_CHINESE)).startsWith("暂无数据");
    }

    @Test
    void runsOfEqualDaysAreOneRectEachAndTheCaptionCountsOnlyTrackedDays() {
        ComponentView view = view(uptime("top-up", 80), Locale.ENGLISH);

        assertThat(view.runs()).extracting(StatusViews.Run::colour).containsExactly(StatusViews.NO_DATA_COLOUR,
                ComponentStatus.OPERATIONAL.colour(), ComponentStatus.MAJOR_OUTAGE.colour(),
                ComponentStatus.OPERATIONAL.colour());
        assertThat(view.runs()).extracting(StatusViews.Run::x).containsExactly(0, 320, 344, 348);
        assertThat(view.runs()).extracting(StatusViews.Run::width).containsExactly(320, 24, 4, 12);
        assertThat(view.runs().get(0).label()).contains(" – ").endsWith(": No data");
        assertThat(view.runs().get(2).label()).doesNotContain(" – ").endsWith(": Major outage");
        assertThat(view.badDays()).singleElement().asString().endsWith(": Major outage");
        assertThat(caption(view, Locale.ENGLISH)).isEqualTo("99.44 % uptime on the days with data (10 of the last 90)");
        assertThat(caption(view(uptime("top-up", 0), Locale.ENGLISH), Locale.ENGLISH))
                .isEqualTo("99.44 % uptime over the last 90 days");
    }

    @Test
    void theClipPathCutsTheChartIntoNinetyBarsOfThreeUnitsOneApart() {
        String path = StatusViews.dayBars();
        assertThat(path).startsWith("M0 0h3v28h-3zm4 0h3v28h-3z");
        assertThat(path.split("z")).hasSize(UptimeCalculator.DAYS);
        assertThat(path.length()).isLessThan(1400);
    }
}
