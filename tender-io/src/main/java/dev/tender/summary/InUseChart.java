package dev.tender.summary;

import dev.tender.report.Timeline;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Units in use by provider against the capacity online, in H100-equivalents: a GB200 and an H100
 * are not the same unit, so each counts by its speed. Each provider's units in use on average in
 * a month are a flat band for that month, stacked; the capacity online at the start of each month
 * is a step line over them, since capacity comes online building by building, not gradually.
 */
final class InUseChart {

    static final String TITLE = "Units in use by provider against capacity online, in H100-equivalents";
    private static final String UNIT = "H100-equivalents";
    private static final double HEIGHT = 240;

    private InUseChart() {}

    /** {@code colours} gives each provider its colour on every chart. */
    static void write(Svg svg, Timeline timeline, Map<String, String> colours, List<TimeChart.Marker> markers) {
        int months = timeline.months().size();
        List<Timeline.ProviderSeries> topFirst = timeline.providers().stream()
                .filter(p -> p.inUseH100e().stream().anyMatch(u -> u > 0))
                .sorted((a, b) -> a.provider().compareTo(b.provider()))
                .toList();
        long[] online = new long[months];
        long[] stacked = new long[months];
        for (Timeline.ProviderSeries p : timeline.providers()) {
            for (int m = 0; m < months; m++) {
                online[m] += p.onlineH100e().get(m);
                stacked[m] += p.inUseH100e().get(m);
            }
        }
        long largest = 0;
        for (int m = 0; m < months; m++) {
            largest = Math.max(largest, Math.max(online[m], stacked[m]));
        }
        List<TimeChart.Key> keys = new ArrayList<>();
        keys.add(new TimeChart.Key("capacity online", Palette.INK, TimeChart.Swatch.LINE));
        topFirst.forEach(p -> keys.add(new TimeChart.Key(p.provider(), colour(colours, p), TimeChart.Swatch.BLOCK)));
        new TimeChart(TITLE, timeline.months(), HEIGHT)
                .scale(Scale.of((double) largest, true), UNIT)
                .keys(keys)
                .markers(markers)
                .write(svg, plot -> {
                    bands(svg, plot, topFirst, colours);
                    capacity(svg, plot, online);
                });
    }

    private static void bands(
            Svg svg, TimeChart.Plot plot, List<Timeline.ProviderSeries> topFirst, Map<String, String> colours) {
        List<Timeline.ProviderSeries> bottomUp = new ArrayList<>(topFirst);
        Collections.reverse(bottomUp);
        int months = plot.months();
        long[] below = new long[months];
        for (Timeline.ProviderSeries provider : bottomUp) {
            long[] above = new long[months];
            long most = 0;
            int busiest = 0;
            for (int m = 0; m < months; m++) {
                long inUse = provider.inUseH100e().get(m);
                above[m] = below[m] + inUse;
                if (inUse > most) {
                    most = inUse;
                    busiest = m;
                }
            }
            // Along the top from the first month to the last, then back along the bottom.
            Steps outline = new Steps(plot.x(0), plot.y((double) above[0]));
            for (int m = 0; m < months; m++) {
                outline.across(plot.x(m + 1)).upOrDownTo(plot.y((double) above[Math.min(m + 1, months - 1)]));
            }
            outline.upOrDownTo(plot.y((double) below[months - 1]));
            for (int m = months - 1; m >= 0; m--) {
                outline.across(plot.x(m)).upOrDownTo(plot.y((double) below[Math.max(m - 1, 0)]));
            }
            System.arraycopy(above, 0, below, 0, months);
            svg.shape(
                    "path",
                    provider.provider() + ": at most " + Figures.compact(most) + " " + UNIT + " in use, in "
                            + plot.month(busiest),
                    "d",
                    outline + " Z",
                    "fill",
                    colour(colours, provider),
                    "fill-opacity",
                    "0.85");
        }
    }

    private static void capacity(Svg svg, TimeChart.Plot plot, long[] online) {
        Steps line = new Steps(plot.x(0), plot.y((double) online[0]));
        for (int m = 0; m < plot.months(); m++) {
            line.upOrDownTo(plot.y((double) online[m])).across(plot.x(m + 1));
        }
        svg.shape(
                "path",
                "capacity online: " + Figures.compact(online[0]) + " " + UNIT + " at the start, "
                        + Figures.compact(online[online.length - 1]) + " in the last month",
                "d",
                line.toString(),
                "fill",
                "none",
                "stroke",
                Palette.INK,
                "stroke-width",
                2);
    }

    /**
     * A path of level and upright strokes only ({@code H} and {@code V}): a month is one level,
     * so a step costs one coordinate, not two points, and a large world's chart half the bytes.
     * A stroke to where the pen already is is left out.
     */
    private static final class Steps {
        private final StringBuilder path = new StringBuilder();
        private String x;
        private String y;

        /** Starts at the point {@code (x, y)}. */
        Steps(double x, double y) {
            this.x = Svg.number(x);
            this.y = Svg.number(y);
            path.append('M').append(this.x).append(',').append(this.y);
        }

        Steps across(double toX) {
            x = stroke('H', x, Svg.number(toX));
            return this;
        }

        Steps upOrDownTo(double toY) {
            y = stroke('V', y, Svg.number(toY));
            return this;
        }

        /** Strokes to {@code to} unless the pen is there already; where the pen ends. */
        private String stroke(char command, String from, String to) {
            if (!to.equals(from)) {
                path.append(' ').append(command).append(to);
            }
            return to;
        }

        @Override
        public String toString() {
            return path.toString();
        }
    }

    private static String colour(Map<String, String> colours, Timeline.ProviderSeries provider) {
        return colours.getOrDefault(provider.provider(), Palette.INK);
    }
}
