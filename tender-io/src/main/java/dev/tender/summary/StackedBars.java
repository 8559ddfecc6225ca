package dev.tender.summary;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A count per month, one bar a month, stacked by kind: requests by route, offers by answer, unmet
 * units by cause. The first series is drawn on top of the stack and heads the legend; series
 * that are zero every month are left out of both.
 */
final class StackedBars {

    /** One kind of count; {@code values} has one entry a month. */
    record Series(String label, String colour, List<Long> values) {
        long total() {
            return values.stream().mapToLong(Long::longValue).sum();
        }
    }

    private static final double HEIGHT = 200;
    private static final double GAP = 0.2;

    private StackedBars() {}

    /** {@code unit} names what is counted, in the plural: {@code "requests"}, {@code "units"}. */
    static void write(
            Svg svg,
            String title,
            List<String> months,
            List<Series> topFirst,
            String unit,
            List<TimeChart.Marker> markers) {
        List<Series> drawn = topFirst.stream().filter(s -> s.total() > 0).toList();
        long[] stacked = new long[months.size()];
        for (Series series : drawn) {
            for (int m = 0; m < months.size(); m++) {
                stacked[m] += series.values().get(m);
            }
        }
        long largest = 0;
        for (long height : stacked) {
            largest = Math.max(largest, height);
        }
        List<TimeChart.Key> keys = drawn.stream()
                .map(s -> new TimeChart.Key(s.label(), s.colour(), TimeChart.Swatch.BLOCK))
                .toList();
        new TimeChart(title, months, HEIGHT)
                .scale(Scale.of((double) largest, true), unit)
                .keys(keys)
                .markers(markers)
                .write(svg, plot -> bars(svg, plot, drawn, unit));
    }

    private static void bars(Svg svg, TimeChart.Plot plot, List<Series> topFirst, String unit) {
        List<Series> bottomUp = new ArrayList<>(topFirst);
        Collections.reverse(bottomUp);
        for (int m = 0; m < plot.months(); m++) {
            double left = plot.x(m);
            double width = plot.x(m + 1) - left;
            long below = 0;
            for (Series series : bottomUp) {
                long value = series.values().get(m);
                if (value == 0) {
                    continue;
                }
                double top = plot.y((double) (below + value));
                svg.shape(
                        "rect",
                        plot.month(m) + ", " + series.label() + ": " + Figures.compact(value) + " " + unit,
                        "x",
                        left + width * GAP / 2,
                        "y",
                        top,
                        "width",
                        width * (1 - GAP),
                        "height",
                        plot.y((double) below) - top,
                        "fill",
                        series.colour());
                below += value;
            }
        }
    }
}
