package io.walletdesk.reporting.internal;

import io.walletdesk.support.Channel;
import io.walletdesk.support.Teams;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The staff reports (Q3, Q4), each a page with charts and a CSV of the same numbers: the overview (volume by
 * period and channel, response and resolution against the service levels, satisfaction trend), intents and
 * teams, complaints and their deadlines, and the training list of top issues with example conversations
 * (which agents may read too; the rest is for supervisors).
 */
@Controller
class ReportsController {

    static final int MAX_RANGE_DAYS = 3 * 366;
    static final int EXAMPLES = 3;

    private final Reports reports;
    private final Teams teams;
    private final MessageSource messages;
    private final Clock clock;

    ReportsController(Reports reports, Teams teams, MessageSource messages, Clock clock) {
        this.reports = reports;
        this.teams = teams;
        this.messages = messages;
        this.clock = clock;
    }

    /** The period asked for: {@code to} defaults to today (Jakarta), {@code from} to 29 days before. */
    record Range(LocalDate from, LocalDate to, Granularity by, String requestedBy) {
    }

    /** One period of the overview: its sums in total and per channel. */
    record PeriodRow(String label, Totals total, Map<String, Totals> channels) {
    }

    /**
     * One period's row of the overview tables, formatted here: a year by day is a few thousand cells, and plain
     * strings render much faster than an expression per cell.
     */
    record PeriodCells(String label, List<Long> volumes, List<String> times, boolean rated, List<String> satisfaction) {
    }

    /** A row of a breakdown table: a key (intent, team id, channel), its label, sums and bar length (0–100). */
    record Row(String key, String label, Totals totals, double bar, double percent) {
    }

    /** A complaint cause with its deadline figures and its bar. */
    record ComplaintRow(String category, Reports.Compliance compliance, List<Charts.Part> parts) {
    }

    /** One of the top issues with example conversations. */
    record Issue(int rank, String intent, String label, long conversations, double percent, double bar,
            List<Reports.Example> examples) {
    }

    // ---------------------------------------------------------------- overview

    @GetMapping("/staff/reporting")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String overview(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String by, Model model, Locale locale) {
        Range range = range(from, to, by);
        List<Reports.DayChannel> days = reports.byDayAndChannel(range.from(), range.to());
        List<String> channels = channelsOf(days);
        List<PeriodRow> periods = periods(range, days);
        Totals summary = Totals.NONE;
        Map<String, Totals> perChannel = new LinkedHashMap<>();
        channels.forEach(c -> perChannel.put(c, Totals.NONE));
        for (Reports.DayChannel d : days) {
            summary = summary.plus(d.totals());
            perChannel.merge(d.channel(), d.totals(), Totals::plus);
        }
        long busiest = perChannel.values().stream().mapToLong(Totals::conversations).max().orElse(0);
        List<Row> channelRows = new ArrayList<>();
        for (var e : perChannel.entrySet()) {
            channelRows.add(new Row(e.getKey(), e.getKey(), e.getValue(), Charts.share(e.getValue().conversations(), busiest),
                    percent(e.getValue().conversations(), summary.conversations())));
        }
        List<String> labels = periods.stream().map(PeriodRow::label).toList();
        List<Map<String, Long>> volumes = periods.stream().map(p -> {
            Map<String, Long> counts = new HashMap<>();
            p.channels().forEach((channel, totals) -> counts.put(channel, totals.conversations()));
            return counts;
        }).toList();
        model.addAttribute("range", range);
        model.addAttribute("summary", summary);
        model.addAttribute("cells", periods.stream().map(p -> cells(p, channels, locale)).toList());
        model.addAttribute("channels", channels);
        model.addAttribute("channelRows", channelRows);
        model.addAttribute("colours", Charts.COLOURS);
        model.addAttribute("volume", Charts.stacked(labels, volumes, channels));
        model.addAttribute("sla", Charts.lines(labels, List.of(
                new Charts.LineInput("firstResponse", "#1f6feb",
                        periods.stream().map(p -> p.total().firstResponseOnTimePercent()).toList()),
                new Charts.LineInput("resolution", "#0b5d3b",
                        periods.stream().map(p -> p.total().resolvedOnTimePercent()).toList())),
                0, 100, new double[] {0, 50, 100}, v -> String.format(Locale.ROOT, "%.0f %%", v)));
        model.addAttribute("satisfaction", Charts.lines(labels, List.of(
                new Charts.LineInput("rating", "#8a6d00", periods.stream().map(p -> p.total().averageRating()).toList())),
                1, 5, new double[] {1, 2, 3, 4, 5}, v -> String.format(Locale.ROOT, "%.2f", v)));
        return "reporting/reports";
    }

    private static PeriodCells cells(PeriodRow p, List<String> channels, Locale locale) {
        List<Long> volumes = new ArrayList<>();
        for (String channel : channels) {
            Totals t = p.channels().get(channel);
            volumes.add(t == null ? 0 : t.conversations());
        }
        Totals t = p.total();
        volumes.add(t.conversations());
        List<String> times = List.of(String.valueOf(t.conversations()), String.valueOf(t.answered()),
                decimal(t.averageFirstResponseMinutes(), 1, "", locale), decimal(t.firstResponseOnTimePercent(), 1, " %", locale),
                String.valueOf(t.resolved()), decimal(t.averageResolutionHours(), 1, "", locale),
                decimal(t.resolvedOnTimePercent(), 1, " %", locale));
        List<String> satisfaction = new ArrayList<>(List.of(String.valueOf(t.rated()), decimal(t.averageRating(), 2, "", locale)));
        for (int stars = 1; stars <= 5; stars++) {
            satisfaction.add(String.valueOf(t.ratingCount(stars)));
        }
        return new PeriodCells(p.label(), volumes, times, t.rated() > 0, satisfaction);
    }

    private static String decimal(Double value, int digits, String suffix, Locale locale) {
        if (value == null) {
            return "-";
        }
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setGroupingUsed(false);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value) + suffix;
    }

    @GetMapping("/staff/reporting.csv")
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<byte[]> overviewCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String by) {
        Range range = range(from, to, by);
        List<Reports.DayChannel> days = reports.byDayAndChannel(range.from(), range.to());
        Csv csv = new Csv().row(range.by().param(), "channel", "conversations", "answered", "avg_first_response_minutes",
                "first_response_within_sla", "first_response_within_sla_percent", "resolved", "avg_resolution_hours",
                "resolved_within_sla", "resolved_within_sla_percent", "sla_missed", "rated", "avg_rating", "rating_1",
                "rating_2", "rating_3", "rating_4", "rating_5");
        for (PeriodRow period : periods(range, days)) {
            for (var e : period.channels().entrySet()) {
                Totals t = e.getValue();
                csv.row(period.label(), e.getKey(), t.conversations(), t.answered(), t.averageFirstResponseMinutes(),
                        t.firstResponseOnTime(), t.firstResponseOnTimePercent(), t.resolved(), t.averageResolutionHours(),
                        t.resolvedOnTime(), t.resolvedOnTimePercent(), t.breached(), t.rated(), t.averageRating(),
                        t.ratingCount(1), t.ratingCount(2), t.ratingCount(3), t.ratingCount(4), t.ratingCount(5));
            }
        }
        return csv.download("report", range.from(), range.to());
    }

    // ---------------------------------------------------------------- intents and teams

    @GetMapping("/staff/reporting/topics")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String topics(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String by, Model model, Locale locale) {
        Range range = range(from, to, by);
        List<Reports.IntentTeam> rows = reports.byIntentAndTeam(range.from(), range.to());
        model.addAttribute("range", range);
        model.addAttribute("intentRows", intentRows(rows, locale));
        model.addAttribute("teamRows", teamRows(rows, locale));
        model.addAttribute("summary", rows.stream().map(Reports.IntentTeam::totals).reduce(Totals.NONE, Totals::plus));
        return "reporting/topics";
    }

    @GetMapping("/staff/reporting/topics.csv")
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<byte[]> topicsCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String by, Locale locale) {
        Range range = range(from, to, by);
        List<Reports.IntentTeam> rows = reports.byIntentAndTeam(range.from(), range.to());
        Csv csv = new Csv().row("dimension", "key", "label", "conversations", "percent", "avg_first_response_minutes",
                "first_response_within_sla_percent", "resolved", "avg_resolution_hours", "resolved_within_sla_percent",
                "sla_missed", "rated", "avg_rating");
        for (Row r : intentRows(rows, locale)) {
            breakdownRow(csv, "intent", r);
        }
        for (Row r : teamRows(rows, locale)) {
            breakdownRow(csv, "team", r);
        }
        return csv.download("topics", range.from(), range.to());
    }

    private static void breakdownRow(Csv csv, String dimension, Row r) {
        Totals t = r.totals();
        csv.row(dimension, r.key(), r.label(), t.conversations(), r.percent(), t.averageFirstResponseMinutes(),
                t.firstResponseOnTimePercent(), t.resolved(), t.averageResolutionHours(), t.resolvedOnTimePercent(),
                t.breached(), t.rated(), t.averageRating());
    }

    private List<Row> intentRows(List<Reports.IntentTeam> rows, Locale locale) {
        Map<String, Totals> perIntent = Reports.perIntent(rows);
        long all = perIntent.values().stream().mapToLong(Totals::conversations).sum();
        long max = perIntent.values().stream().mapToLong(Totals::conversations).max().orElse(0);
        List<Row> result = new ArrayList<>();
        perIntent.forEach((intent, t) -> result.add(new Row(intent, intentLabel(intent, locale), t,
                Charts.share(t.conversations(), max), percent(t.conversations(), all))));
        return result;
    }

    private List<Row> teamRows(List<Reports.IntentTeam> rows, Locale locale) {
        Map<Long, Totals> perTeam = Reports.perTeam(rows);
        Map<Long, String> names = new HashMap<>();
        teams.all().forEach(t -> names.put(t.id(), t.name()));
        long all = perTeam.values().stream().mapToLong(Totals::conversations).sum();
        long max = perTeam.values().stream().mapToLong(Totals::conversations).max().orElse(0);
        List<Row> result = new ArrayList<>();
        perTeam.forEach((team, t) -> result.add(new Row(team == null ? "" : team.toString(),
                team == null ? messages.getMessage("reports.team.none", null, locale) : names.getOrDefault(team, "#" + team),
                t, Charts.share(t.conversations(), max), percent(t.conversations(), all))));
        return result;
    }

    private String intentLabel(String intent, Locale locale) {
        if (intent == null || intent.isEmpty()) {
            return messages.getMessage("reports.intent.none", null, locale);
        }
        return messages.getMessage("reports.intent." + intent, null, intent, locale);
    }

    // ---------------------------------------------------------------- complaints

    static final List<String> COMPLAINT_PARTS = List.of("answeredOnTime", "answeredLate", "overdue", "inProgress");
    static final List<String> COMPLAINT_COLOURS = List.of("#0b5d3b", "#8a6d00", "#a4161a", "#4a5560");

    @GetMapping("/staff/reporting/complaints")
    @PreAuthorize("hasRole('SUPERVISOR')")
    String complaints(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String by, Model model) {
        Range range = range(from, to, by);
        List<Reports.Compliance> causes = reports.complaints(range.from(), range.to(), clock.instant());
        long max = causes.stream().mapToLong(Reports.Compliance::filed).max().orElse(0);
        List<ComplaintRow> rows = causes.stream().map(c -> new ComplaintRow(c.category(), c, Charts.parts(COMPLAINT_PARTS,
                new long[] {c.answeredOnTime(), c.answeredLate(), c.overdue(), c.inProgress()}, COMPLAINT_COLOURS, max)))
                .toList();
        model.addAttribute("range", range);
        model.addAttribute("rows", rows);
        model.addAttribute("total", causes.stream().reduce(new Reports.Compliance("", 0, 0, 0, 0, 0, 0, 0, 0),
                Reports.Compliance::plus));
        model.addAttribute("partKeys", COMPLAINT_PARTS);
        model.addAttribute("partColours", COMPLAINT_COLOURS);
        return "reporting/complaints";
    }

    @GetMapping("/staff/reporting/complaints.csv")
    @PreAuthorize("hasRole('SUPERVISOR')")
    ResponseEntity<byte[]> complaintsCsv(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String by) {
        Range range = range(from, to, by);
        Csv csv = new Csv().row("category", "filed", "acknowledged_within_deadline", "acknowledgement_late",
                "answered_within_deadline", "answered_late", "overdue", "in_progress", "extended",
                "answered_within_deadline_percent");
        for (Reports.Compliance c : reports.complaints(range.from(), range.to(), clock.instant())) {
            csv.row(c.category(), c.filed(), c.acknowledgedOnTime(), c.acknowledgedLate(), c.answeredOnTime(),
                    c.answeredLate(), c.overdue(), c.inProgress(), c.extended(), c.answeredOnTimePercent());
        }
        return csv.download("complaints", range.from(), range.to());
    }

    // ---------------------------------------------------------------- training list

    @GetMapping("/staff/reporting/training")
    @PreAuthorize("hasRole('AGENT')")
    String training(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String by, @RequestParam(required = false) Integer top, Model model,
            Locale locale) {
        Range range = range(from, to, by);
        model.addAttribute("range", range);
        model.addAttribute("issues", issues(range, top, locale));
        model.addAttribute("top", limit(top));
        return "reporting/training";
    }

    @GetMapping("/staff/reporting/training.csv")
    @PreAuthorize("hasRole('AGENT')")
    ResponseEntity<byte[]> trainingCsv(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String by, @RequestParam(required = false) Integer top, Locale locale) {
        Range range = range(from, to, by);
        Csv csv = new Csv().row("rank", "intent", "label", "conversations", "percent", "example_1", "example_2", "example_3");
        for (Issue issue : issues(range, top, locale)) {
            List<Object> cells = new ArrayList<>(List.of(issue.rank(), issue.intent(), issue.label(), issue.conversations(),
                    issue.percent()));
            for (int i = 0; i < EXAMPLES; i++) {
                cells.add(i < issue.examples().size() ? issue.examples().get(i).label() : null);
            }
            csv.row(cells.toArray());
        }
        return csv.download("training", range.from(), range.to());
    }

    private List<Issue> issues(Range range, Integer top, Locale locale) {
        Map<String, Totals> perIntent = Reports.perIntent(reports.byIntentAndTeam(range.from(), range.to()));
        perIntent.remove("");
        long all = perIntent.values().stream().mapToLong(Totals::conversations).sum();
        long max = perIntent.values().stream().mapToLong(Totals::conversations).max().orElse(0);
        List<Issue> issues = new ArrayList<>();
        for (var e : perIntent.entrySet()) {
            if (issues.size() == limit(top)) {
                break;
            }
            long n = e.getValue().conversations();
            issues.add(new Issue(issues.size() + 1, e.getKey(), intentLabel(e.getKey(), locale), n, percent(n, all),
                    Charts.share(n, max), reports.examples(e.getKey(), range.from(), range.to(), EXAMPLES)));
        }
        return issues;
    }

    private static int limit(Integer top) {
        return top == null ? 10 : Math.max(1, Math.min(top, 30));
    }

    // ---------------------------------------------------------------- shared

    private Range range(String from, String to, String by) {
        LocalDate today = clock.instant().atZone(ReportFacts.ZONE).toLocalDate();
        LocalDate end = parse(to, today);
        LocalDate start = parse(from, end.minusDays(29));
        if (start.isAfter(end)) {
            start = end;
        }
        if (start.isBefore(end.minusDays(MAX_RANGE_DAYS - 1))) {
            start = end.minusDays(MAX_RANGE_DAYS - 1);
        }
        return new Range(start, end, Granularity.of(by, start, end), by == null || by.isBlank() ? null : by);
    }

    /** Every period of the range (also empty ones), with the sums of its days per channel. */
    private static List<PeriodRow> periods(Range range, List<Reports.DayChannel> days) {
        Granularity by = range.by();
        Map<LocalDate, Map<String, Totals>> grouped = new TreeMap<>();
        for (Reports.DayChannel d : days) {
            grouped.computeIfAbsent(by.start(d.day()), p -> new TreeMap<>(CHANNEL_ORDER))
                    .merge(d.channel(), d.totals(), Totals::plus);
        }
        List<PeriodRow> rows = new ArrayList<>();
        for (LocalDate period : by.periods(range.from(), range.to())) {
            Map<String, Totals> channels = grouped.getOrDefault(period, Map.of());
            rows.add(new PeriodRow(by.label(period),
                    channels.values().stream().reduce(Totals.NONE, Totals::plus), channels));
        }
        return rows;
    }

    /** Channels in the order of {@link Channel} (so each keeps its colour), unknown ones after them. */
    static final Comparator<String> CHANNEL_ORDER = Comparator.comparingInt((String c) -> {
        for (Channel channel : Channel.values()) {
            if (channel.name().equals(c)) {
                return channel.ordinal();
            }
        }
        return Channel.values().length;
    }).thenComparing(Comparator.naturalOrder());

    private static List<String> channelsOf(List<Reports.DayChannel> days) {
        return days.stream().map(Reports.DayChannel::channel).distinct().sorted(CHANNEL_ORDER).toList();
    }

    private static double percent(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
    }

    private static LocalDate parse(String value, LocalDate fallback) {
        try {
            return value == null || value.isBlank() ? fallback : LocalDate.parse(value.strip());
        } catch (DateTimeParseException invalid) {
            return fallback;
        }
    }
}
