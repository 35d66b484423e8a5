package io.walletdesk.reporting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * Chart geometry computed on the server, so the pages draw SVG with plain attributes: no script, no inline
 * style, nothing for the CSP to block, nothing fetched from elsewhere. Every chart sits next to a table with
 * the same numbers. The drawing area is {@value #WIDTH} × {@value #HEIGHT} user units, scaled to the page width.
 */
final class Charts {

    static final int WIDTH = 640;
    static final int HEIGHT = 280;
    static final double LEFT = 60;
    static final double RIGHT = 630;
    static final double TOP = 14;
    static final double BOTTOM = 240;

    /** Channel (and other series) colours, all with at least 4.5:1 contrast on white. */
    static final List<String> COLOURS = List.of("#0b5d3b", "#1f6feb", "#a4161a", "#8a6d00", "#6f42c1", "#4a5560");

    private Charts() {
    }

    /** A horizontal grid line with its value. */
    record Tick(double y, String label) {
    }

    /** A label under the x axis; {@code anchor} is start, middle or end. */
    record XLabel(double x, String label, String anchor) {
    }

    /** One series' part of a bar. */
    record Segment(String key, double y, double height, String colour, long count) {
    }

    /** One period's bar, segments from the bottom up. */
    record Bar(String period, double x, double width, List<Segment> segments, long total) {
    }

    /**
     * One key's segments of every bar as a single SVG path (a rectangle per period), so a year by day is a
     * handful of elements rather than thousands.
     */
    record Layer(String key, String colour, String path, long total) {
    }

    record StackedBars(List<Bar> bars, List<Layer> layers, List<Tick> ticks, List<XLabel> xLabels) {
    }

    /** A point of a line; {@code value} as shown in the table. */
    record Dot(double x, double y, String period, String value) {
    }

    /**
     * A line: {@code points} for SVG polylines (segments only between periods that have a value), and
     * {@code marks} one path drawing a dot at every value.
     */
    record Series(String key, String colour, List<String> points, List<Dot> dots, String marks) {
    }

    record Lines(List<Series> series, List<Tick> ticks, List<XLabel> xLabels) {
    }

    /** One series given to {@link #lines}: a value (or null) per period. */
    record LineInput(String key, String colour, List<Double> values) {
    }

    /** A part of a horizontal bar in a table cell, in a 0–100 wide box. */
    record Part(String key, double x, double width, String colour, long count) {
    }

    /** Bars per period stacked by key (e.g. channel), scaled to the highest total. */
    static StackedBars stacked(List<String> periods, List<Map<String, Long>> values, List<String> keys) {
        long max = 0;
        for (Map<String, Long> period : values) {
            max = Math.max(max, period.values().stream().mapToLong(Long::longValue).sum());
        }
        double top = niceCeiling(max);
        double slot = (RIGHT - LEFT) / Math.max(1, periods.size());
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            double y = BOTTOM;
            long total = 0;
            List<Segment> segments = new ArrayList<>();
            for (int k = 0; k < keys.size(); k++) {
                long count = values.get(i).getOrDefault(keys.get(k), 0L);
                if (count == 0) {
                    continue;
                }
                double height = (BOTTOM - TOP) * count / top;
                y -= height;
                segments.add(new Segment(keys.get(k), round(y), round(height), COLOURS.get(k % COLOURS.size()), count));
                total += count;
            }
            if (total > 0) {
                bars.add(new Bar(periods.get(i), round(LEFT + slot * i + slot * 0.1), round(Math.max(1, slot * 0.8)),
                        segments, total));
            }
        }
        List<Layer> layers = new ArrayList<>();
        for (int k = 0; k < keys.size(); k++) {
            String key = keys.get(k);
            StringBuilder path = new StringBuilder();
            long total = 0;
            for (Bar bar : bars) {
                for (Segment segment : bar.segments()) {
                    if (segment.key().equals(key)) {
                        path.append('M').append(bar.x()).append(',').append(segment.y()).append('h').append(bar.width())
                                .append('v').append(segment.height()).append('h').append(-bar.width()).append('z');
                        total += segment.count();
                    }
                }
            }
            if (total > 0) {
                layers.add(new Layer(key, COLOURS.get(k % COLOURS.size()), path.toString(), total));
            }
        }
        List<Tick> ticks = new ArrayList<>();
        for (double value : new double[] {0, top / 2, top}) {
            ticks.add(new Tick(round(BOTTOM - (BOTTOM - TOP) * value / top), number(value)));
        }
        return new StackedBars(bars, layers, ticks, xLabels(periods));
    }

    /** Lines over periods on a fixed scale [{@code min}, {@code max}] with grid lines at {@code ticks}. */
    static Lines lines(List<String> periods, List<LineInput> inputs, double min, double max, double[] ticks,
            DoubleFunction<String> format) {
        double slot = (RIGHT - LEFT) / Math.max(1, periods.size());
        List<Series> series = new ArrayList<>();
        for (LineInput input : inputs) {
            List<String> runs = new ArrayList<>();
            StringBuilder run = new StringBuilder();
            List<Dot> dots = new ArrayList<>();
            for (int i = 0; i < periods.size(); i++) {
                Double value = input.values().get(i);
                if (value == null) {
                    if (run.length() > 0) {
                        runs.add(run.toString());
                        run.setLength(0);
                    }
                    continue;
                }
                double x = round(LEFT + slot * (i + 0.5));
                double y = round(BOTTOM - (BOTTOM - TOP) * (Math.min(max, Math.max(min, value)) - min) / (max - min));
                run.append(run.length() == 0 ? "" : " ").append(x).append(',').append(y);
                dots.add(new Dot(x, y, periods.get(i), format.apply(value)));
            }
            if (run.length() > 0) {
                runs.add(run.toString());
            }
            double r = periods.size() > 60 ? 2.5 : 4;
            StringBuilder marks = new StringBuilder();
            for (Dot d : dots) {
                marks.append('M').append(round(d.x() - r)).append(',').append(d.y()).append('a').append(r).append(',')
                        .append(r).append(" 0 1,0 ").append(2 * r).append(",0a").append(r).append(',').append(r)
                        .append(" 0 1,0 ").append(-2 * r).append(",0z");
            }
            series.add(new Series(input.key(), input.colour(), runs, dots, marks.toString()));
        }
        List<Tick> grid = new ArrayList<>();
        for (double value : ticks) {
            grid.add(new Tick(round(BOTTOM - (BOTTOM - TOP) * (value - min) / (max - min)), number(value)));
        }
        return new Lines(series, grid, xLabels(periods));
    }

    /** A bar for a table cell: {@code value} as a share of {@code max}. */
    static double share(long value, long max) {
        return max <= 0 ? 0 : round(100.0 * value / max);
    }

    /** Consecutive parts of one horizontal bar, scaled so that {@code max} fills the box. */
    static List<Part> parts(List<String> keys, long[] counts, List<String> colours, long max) {
        List<Part> parts = new ArrayList<>();
        double x = 0;
        for (int i = 0; i < keys.size(); i++) {
            if (counts[i] == 0) {
                continue;
            }
            double width = share(counts[i], max);
            parts.add(new Part(keys.get(i), round(x), width, colours.get(i), counts[i]));
            x += width;
        }
        return parts;
    }

    private static List<XLabel> xLabels(List<String> periods) {
        List<XLabel> labels = new ArrayList<>();
        if (periods.isEmpty()) {
            return labels;
        }
        double slot = (RIGHT - LEFT) / periods.size();
        labels.add(new XLabel(LEFT, periods.get(0), "start"));
        if (periods.size() >= 5) {
            int middle = periods.size() / 2;
            labels.add(new XLabel(round(LEFT + slot * (middle + 0.5)), periods.get(middle), "middle"));
        }
        if (periods.size() >= 2) {
            labels.add(new XLabel(RIGHT, periods.get(periods.size() - 1), "end"));
        }
        return labels;
    }

    /** 1, 2 or 5 times a power of ten, at least {@code max} (and at least 1). */
    static double niceCeiling(long max) {
        if (max <= 1) {
            return 2;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 5, 10}) {
            if (step * power >= max) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
