package io.walletdesk.reporting.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Supervisors' reports: a chart of volume by channel, times against targets, satisfaction, complaints; CSV too. */
@Controller
@PreAuthorize("hasRole('SUPERVISOR')")
class ReportsController {

    static final List<String> CHANNEL_COLOURS = List.of("#0b5d3b", "#1f6feb", "#a4161a", "#8a6d00", "#6f42c1", "#4a5560");

    private final Reports reports;

    ReportsController(Reports reports) {
        this.reports = reports;
    }

    /** One bar of the chart, already laid out: SVG needs no script and passes the CSP. */
    record Bar(LocalDate day, double x, double width, List<Segment> segments, long total) {
    }

    /** One channel's part of a bar. */
    record Segment(String channel, double y, double height, String colour, long count) {
    }

    @GetMapping("/staff/reporting")
    String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model) {
        LocalDate end = parse(to, LocalDate.now(ReportFacts.ZONE));
        LocalDate start = parse(from, end.minusDays(29));
        if (start.isAfter(end)) {
            start = end;
        }
        var totals = reports.totals(start, end);
        var days = Reports.perDayOf(totals);
        Map<LocalDate, Map<String, Long>> series = reports.series(days);
        List<String> channels = days.stream().map(Reports.DayCount::channel).distinct().sorted().toList();
        long max = series.values().stream().mapToLong(m -> m.values().stream().mapToLong(Long::longValue).sum()).max().orElse(1);
        double chartWidth = 600;
        double chartHeight = 200;
        long spanDays = Math.max(1, java.time.temporal.ChronoUnit.DAYS.between(start, end) + 1);
        double slot = chartWidth / spanDays;
        List<Bar> bars = new ArrayList<>();
        for (var day : series.entrySet()) {
            double x = java.time.temporal.ChronoUnit.DAYS.between(start, day.getKey()) * slot;
            double y = chartHeight;
            List<Segment> segments = new ArrayList<>();
            long total = 0;
            for (String channel : channels) {
                long count = day.getValue().getOrDefault(channel, 0L);
                if (count == 0) {
                    continue;
                }
                double height = chartHeight * count / max;
                y -= height;
                segments.add(new Segment(channel, y, height,
                        CHANNEL_COLOURS.get(channels.indexOf(channel) % CHANNEL_COLOURS.size()), count));
                total += count;
            }
            bars.add(new Bar(day.getKey(), x + slot * 0.1, Math.max(1, slot * 0.8), segments, total));
        }
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("summary", Reports.summaryOf(totals));
        model.addAttribute("bars", bars);
        model.addAttribute("max", max);
        model.addAttribute("channels", channels);
        model.addAttribute("colours", CHANNEL_COLOURS);
        model.addAttribute("days", days);
        model.addAttribute("ratings", Reports.ratingsOf(totals));
        model.addAttribute("complaints", reports.complaintsByCategory(start, end));
        return "reporting/reports";
    }

    @GetMapping("/staff/reporting.csv")
    ResponseEntity<byte[]> csv(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        LocalDate end = parse(to, LocalDate.now(ReportFacts.ZONE));
        LocalDate start = parse(from, end.minusDays(29));
        StringBuilder csv = new StringBuilder("day,channel,conversations\n");
        for (var day : reports.perDay(start, end)) {
            csv.append(day.day()).append(',').append(day.channel()).append(',').append(day.count()).append('\n');
        }
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"walletdesk-report-" + start + "-" + end + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static LocalDate parse(String value, LocalDate fallback) {
        try {
            return value == null || value.isBlank() ? fallback : LocalDate.parse(value);
        } catch (DateTimeParseException invalid) {
            return fallback;
        }
    }
}
