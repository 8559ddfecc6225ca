package dev.tender.summary;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The frame every chart over the run's months shares: the same width and plot area, so the months
 * line up from one chart to the next; a time axis with ticks at round months; a value axis with
 * round ticks and its unit; a legend on the right, read top down like the stack; and the markers,
 * dashed vertical lines with a short label above the plot, at the dates a clause starts or ends.
 *
 * <p>Everything that is not data is classed {@code axis}, {@code grid}, {@code legend} or
 * {@code marker}, so a reader (or a test) can tell the data marks apart. The SVG has a
 * {@code viewBox} and no size of its own: it takes the width of the page.
 */
final class TimeChart {

    static final double WIDTH = 880;
    static final double LEFT = 72;
    static final double PLOT_RIGHT = 704;

    private static final double MARKER_ROW = 16;
    private static final double BELOW = 30;
    /** A generous width of a character of the 11 and 12 px labels, to keep labels apart. */
    private static final double CHARACTER = 6.6;

    private static final int[] MONTH_STEPS = {1, 2, 3, 6, 12, 24, 60, 120};
    private static final int MOST_MONTH_TICKS = 8;

    /** A legend entry: what a colour stands for, drawn as a block, a line or a dashed line. */
    record Key(String label, String colour, Swatch swatch) {}

    enum Swatch {
        BLOCK,
        LINE,
        DASHED
    }

    /** A dashed vertical line at {@code at}, with a short label; {@code detail} is its tooltip. */
    record Marker(Instant at, String label, String detail) {}

    private final String title;
    private final List<YearMonth> months;
    private final Instant start;
    private final Instant end;
    private final double plotHeight;
    private final List<Key> keys = new ArrayList<>();
    private final List<Marker> markers = new ArrayList<>();
    /** The value axis; null for a chart of periods, which has none. */
    private @Nullable Scale scale;

    private String unit = "";

    TimeChart(String title, List<String> months, double plotHeight) {
        if (months.isEmpty()) {
            throw new IllegalArgumentException("a chart over time needs at least one month");
        }
        this.title = title;
        this.months = months.stream().map(YearMonth::parse).toList();
        this.start = startOf(this.months.get(0));
        this.end = startOf(this.months.get(this.months.size() - 1).plusMonths(1));
        this.plotHeight = plotHeight;
    }

    private static Instant startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The value axis: its round ticks and the unit its values are in. */
    TimeChart scale(Scale scale, String unit) {
        this.scale = scale;
        this.unit = unit;
        return this;
    }

    /** Legend entries, top first: the first is the top of the stack. */
    TimeChart keys(List<Key> keys) {
        this.keys.addAll(keys);
        return this;
    }

    TimeChart markers(List<Marker> markers) {
        markers.stream().filter(m -> inside(m.at())).forEach(this.markers::add);
        return this;
    }

    /** True for an instant strictly inside the run: a change on its first instant is no change. */
    boolean inside(Instant at) {
        return at.isAfter(start) && at.isBefore(end);
    }

    /** Where the marks go: months to x, values to y. */
    final class Plot {
        private final double top;

        private Plot(double top) {
            this.top = top;
        }

        double top() {
            return top;
        }

        double bottom() {
            return top + plotHeight;
        }

        int months() {
            return months.size();
        }

        String month(int index) {
            return months.get(index).toString();
        }

        /** The x of the start of month {@code boundary}; {@code months()} is the end of the run. */
        double x(int boundary) {
            return LEFT + (PLOT_RIGHT - LEFT) * boundary / months.size();
        }

        /** The x of an instant, within the month it falls in; clamped to the run. */
        double x(Instant at) {
            if (!at.isAfter(start)) {
                return LEFT;
            }
            if (!at.isBefore(end)) {
                return PLOT_RIGHT;
            }
            YearMonth month = YearMonth.from(at.atOffset(ZoneOffset.UTC));
            int index = months.indexOf(month);
            double into = Duration.between(startOf(month), at).toSeconds()
                    / (double) Duration.between(startOf(month), startOf(month.plusMonths(1)))
                            .toSeconds();
            return x(index) + (x(index + 1) - x(index)) * into;
        }

        double y(double value) {
            Scale axis = scale;
            if (axis == null) {
                throw new IllegalStateException("the chart " + title + " has no value axis: give it a scale");
            }
            return bottom() - plotHeight * value / axis.top();
        }
    }

    /** Writes the chart: frame, then {@code marks} (the data), then markers and legend over them. */
    void write(Svg svg, Consumer<Plot> marks) {
        List<Placed> placed = place(markers);
        int rows = placed.stream().mapToInt(Placed::row).max().orElse(-1) + 1;
        Plot plot = new Plot(12 + rows * MARKER_ROW + (rows > 0 ? 6 : 0));
        double height = plot.bottom() + BELOW;
        svg.open(
                        "svg",
                        "class",
                        "chart",
                        "viewBox",
                        "0 0 " + Svg.number(WIDTH) + " " + Svg.number(height),
                        "role",
                        "img")
                .with("title", title)
                .line();
        timeAxis(svg, plot);
        Scale axis = scale;
        if (axis != null) {
            valueAxis(svg, plot, axis);
        }
        svg.open("g", "class", "data").line();
        marks.accept(plot);
        svg.close("g");
        for (Placed marker : placed) {
            marker(svg, plot, marker);
        }
        legend(svg, plot);
        svg.close("svg");
    }

    private void timeAxis(Svg svg, Plot plot) {
        int step = monthStep();
        svg.open("g", "class", "axis").line();
        svg.empty("line", "x1", LEFT, "x2", PLOT_RIGHT, "y1", plot.bottom(), "y2", plot.bottom(), "stroke", "#888")
                .line();
        boolean first = true;
        for (int boundary = 0; boundary <= months.size(); boundary++) {
            YearMonth month = months.get(0).plusMonths(boundary);
            if (!ticked(month, step)) {
                continue;
            }
            double x = plot.x(boundary);
            svg.empty(
                    "line", "class", "grid", "x1", x, "x2", x, "y1", plot.top(), "y2", plot.bottom(), "stroke", "#eee");
            svg.with("text", monthLabel(month, step, first), "x", x, "y", plot.bottom() + 17, "text-anchor", "middle")
                    .line();
            first = false;
        }
        svg.close("g");
    }

    /** The fewest months between ticks that leaves at most {@value #MOST_MONTH_TICKS} of them. */
    private int monthStep() {
        for (int step : MONTH_STEPS) {
            if (months.size() / step <= MOST_MONTH_TICKS) {
                return step;
            }
        }
        return MONTH_STEPS[MONTH_STEPS.length - 1];
    }

    private static boolean ticked(YearMonth month, int step) {
        return step < 12
                ? (month.getMonthValue() - 1) % step == 0
                : month.getMonthValue() == 1 && month.getYear() % (step / 12) == 0;
    }

    /** {@code 2026} when ticks are years apart; else {@code Apr}, with the year on January and the first tick. */
    private static String monthLabel(YearMonth month, int step, boolean first) {
        if (step >= 12) {
            return Integer.toString(month.getYear());
        }
        String name = month.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        return first || month.getMonthValue() == 1 ? name + " " + month.getYear() : name;
    }

    private void valueAxis(Svg svg, Plot plot, Scale scale) {
        svg.open("g", "class", "axis").line();
        for (double tick : scale.ticks()) {
            double y = plot.y(tick);
            if (tick > 0) {
                svg.empty("line", "class", "grid", "x1", LEFT, "x2", PLOT_RIGHT, "y1", y, "y2", y, "stroke", "#ddd");
            }
            svg.with("text", Figures.compact(tick), "x", LEFT - 6, "y", y + 4, "text-anchor", "end")
                    .line();
        }
        double middle = (plot.top() + plot.bottom()) / 2;
        svg.with(
                        "text",
                        unit,
                        "x",
                        16,
                        "y",
                        middle,
                        "text-anchor",
                        "middle",
                        "transform",
                        "rotate(-90 16 " + Svg.number(middle) + ")")
                .line();
        svg.close("g");
    }

    private record Placed(Marker marker, double x, int row, boolean leftOfLine) {}

    /**
     * Puts each marker's label in the first row above the plot where it overlaps no other label,
     * to the right of its line, or to the left when it would run off the chart.
     */
    private List<Placed> place(List<Marker> markers) {
        List<Placed> placed = new ArrayList<>();
        List<List<double[]>> rows = new ArrayList<>();
        Plot measure = new Plot(0);
        for (Marker marker :
                markers.stream().sorted((a, b) -> a.at().compareTo(b.at())).toList()) {
            double x = measure.x(marker.at());
            double width = marker.label().length() * CHARACTER;
            boolean leftOfLine = x + 4 + width > WIDTH - 4;
            double from = leftOfLine ? x - 4 - width : x + 4;
            double to = from + width;
            int row = 0;
            while (row < rows.size() && overlaps(rows.get(row), from, to)) {
                row++;
            }
            if (row == rows.size()) {
                rows.add(new ArrayList<>());
            }
            rows.get(row).add(new double[] {from, to});
            placed.add(new Placed(marker, x, row, leftOfLine));
        }
        return placed;
    }

    private static boolean overlaps(List<double[]> row, double from, double to) {
        return row.stream().anyMatch(span -> from < span[1] + 8 && to + 8 > span[0]);
    }

    private static void marker(Svg svg, Plot plot, Placed placed) {
        double baseline = 12 + placed.row() * MARKER_ROW + 9;
        svg.open("g", "class", "marker")
                .with("title", placed.marker().detail())
                .empty(
                        "line",
                        "x1",
                        placed.x(),
                        "x2",
                        placed.x(),
                        "y1",
                        baseline - 10,
                        "y2",
                        plot.bottom(),
                        "stroke",
                        Palette.INK,
                        "stroke-dasharray",
                        "4,3")
                .with(
                        "text",
                        placed.marker().label(),
                        "x",
                        placed.leftOfLine() ? placed.x() - 4 : placed.x() + 4,
                        "y",
                        baseline,
                        "text-anchor",
                        placed.leftOfLine() ? "end" : "start")
                .close("g");
    }

    private void legend(Svg svg, Plot plot) {
        if (keys.isEmpty()) {
            return;
        }
        double x = PLOT_RIGHT + 22;
        svg.open("g", "class", "legend").line();
        for (int i = 0; i < keys.size(); i++) {
            Key key = keys.get(i);
            double y = plot.top() + 18 * i;
            switch (key.swatch()) {
                case BLOCK -> svg.empty("rect", "x", x, "y", y, "width", 12, "height", 12, "fill", key.colour());
                case LINE, DASHED ->
                    svg.empty(
                            "line",
                            "x1",
                            x - 2,
                            "x2",
                            x + 14,
                            "y1",
                            y + 6,
                            "y2",
                            y + 6,
                            "stroke",
                            key.colour(),
                            "stroke-width",
                            2,
                            "stroke-dasharray",
                            key.swatch() == Swatch.DASHED ? "5,3" : "none");
            }
            svg.with("text", key.label(), "x", x + 20, "y", y + 10).line();
        }
        svg.close("g");
    }
}
