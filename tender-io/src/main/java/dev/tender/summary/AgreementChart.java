package dev.tender.summary;

import dev.tender.report.Timeline;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The clauses in force over the run, one bar each from its start to its end, on the months of the
 * other charts. A clause without an end runs to the right edge; one that began before the run
 * starts at the left edge, and its label gives the real dates.
 */
final class AgreementChart {

    static final String TITLE = "Agreements in force";
    private static final double ROW = 36;
    private static final double BAR = 12;
    private static final double CHARACTER = 6.6;

    private AgreementChart() {}

    static void write(Svg svg, Timeline timeline, List<TimeChart.Marker> markers) {
        List<Timeline.AgreementPeriod> clauses = timeline.agreements();
        Set<String> kinds = new LinkedHashSet<>();
        clauses.forEach(c -> kinds.add(c.kind()));
        List<TimeChart.Key> keys = new ArrayList<>();
        kinds.forEach(k -> keys.add(new TimeChart.Key(kindName(k), Palette.kind(k), TimeChart.Swatch.BLOCK)));
        TimeChart chart = new TimeChart(TITLE, timeline.months(), ROW * clauses.size() + 4);
        chart.keys(keys).markers(markers).write(svg, plot -> {
            for (int i = 0; i < clauses.size(); i++) {
                row(svg, plot, plot.top() + ROW * i, clauses.get(i));
            }
        });
    }

    static String kindName(String kind) {
        return switch (kind) {
            case "rofr" -> "right of first refusal";
            default -> kind;
        };
    }

    /** {@code 22 Jul 2019 to 21 Jan 2025}, or {@code from 21 Jan 2025, open-ended}. */
    static String period(Instant from, @Nullable Instant until) {
        return until == null
                ? "from " + Figures.date(from) + ", open-ended"
                : Figures.date(from) + " to " + Figures.date(until);
    }

    private static void row(Svg svg, TimeChart.Plot plot, double top, Timeline.AgreementPeriod clause) {
        double from = plot.x(clause.from());
        double to = clause.until() == null ? plot.x(plot.months()) : plot.x(clause.until());
        boolean inForce = to > from;
        String label = clause.agreement() + ": " + kindName(clause.kind()) + " with " + clause.provider() + ", "
                + period(clause.from(), clause.until()) + (inForce ? "" : " (not in force during the run)");
        double width = label.length() * CHARACTER;
        double x = Math.max(TimeChart.LEFT, Math.min(from, TimeChart.WIDTH - 4 - width));
        svg.with("text", label, "x", x, "y", top + 13).line();
        if (inForce) {
            svg.shape(
                    "rect",
                    label,
                    "x",
                    from,
                    "y",
                    top + 18,
                    "width",
                    to - from,
                    "height",
                    BAR,
                    "fill",
                    Palette.kind(clause.kind()));
        }
        if (inForce && clause.until() == null) {
            // An arrowhead at the right edge: the clause goes on after the run.
            double edge = plot.x(plot.months());
            double middle = top + 18 + BAR / 2;
            svg.shape(
                    "polygon",
                    clause.agreement() + " has no end date",
                    "points",
                    Svg.number(edge) + "," + Svg.number(middle - 8) + " " + Svg.number(edge + 9) + ","
                            + Svg.number(middle) + " " + Svg.number(edge) + "," + Svg.number(middle + 8),
                    "fill",
                    Palette.kind(clause.kind()));
        }
    }
}
