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
        long[] below = new long[plot.months()];
        for (Timeline.ProviderSeries provider : bottomUp) {
            StringBuilder path = new StringBuilder();
            long most = 0;
            int busiest = 0;
            for (int m = 0; m < plot.months(); m++) {
                long above = below[m] + provider.inUseH100e().get(m);
                path.append(m == 0 ? "M" : " L").append(point(plot.x(m), plot.y((double) above)));
                path.append(" L").append(point(plot.x(m + 1), plot.y((double) above)));
                if (provider.inUseH100e().get(m) > most) {
                    most = provider.inUseH100e().get(m);
                    busiest = m;
                }
            }
            for (int m = plot.months() - 1; m >= 0; m--) {
                path.append(" L").append(point(plot.x(m + 1), plot.y((double) below[m])));
                path.append(" L").append(point(plot.x(m), plot.y((double) below[m])));
                below[m] += provider.inUseH100e().get(m);
            }
            svg.shape(
                    "path",
                    provider.provider() + ": at most " + Figures.compact(most) + " " + UNIT + " in use, in "
                            + plot.month(busiest),
                    "d",
                    path + " Z",
                    "fill",
                    colour(colours, provider),
                    "fill-opacity",
                    "0.85");
        }
    }

    private static void capacity(Svg svg, TimeChart.Plot plot, long[] online) {
        StringBuilder path = new StringBuilder();
        for (int m = 0; m < plot.months(); m++) {
            path.append(m == 0 ? "M" : " L").append(point(plot.x(m), plot.y((double) online[m])));
            path.append(" L").append(point(plot.x(m + 1), plot.y((double) online[m])));
        }
        svg.shape(
                "path",
                "capacity online: " + Figures.compact(online[0]) + " " + UNIT + " at the start, "
                        + Figures.compact(online[online.length - 1]) + " in the last month",
                "d",
                path.toString(),
                "fill",
                "none",
                "stroke",
                Palette.INK,
                "stroke-width",
                2);
    }

    private static String colour(Map<String, String> colours, Timeline.ProviderSeries provider) {
        return colours.getOrDefault(provider.provider(), Palette.INK);
    }

    private static String point(double x, double y) {
        return Svg.number(x) + "," + Svg.number(y);
    }
}
