package dev.tender.summary;

import dev.tender.report.Summary;
import dev.tender.report.Timeline;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One commitment: the spend counted toward it by the end of each month, climbing toward the
 * amount promised (a dashed line), and the day the amount was reached marked on both.
 */
final class CommitmentChart {

    private static final double HEIGHT = 200;

    private CommitmentChart() {}

    static String title(String agreement) {
        return "Spend counted toward " + agreement + " against its amount";
    }

    static void write(
            Svg svg,
            List<String> months,
            Timeline.CommitmentSeries series,
            Summary.@Nullable CommitmentBurn burn,
            List<TimeChart.Marker> clauseDates) {
        BigDecimal largest = series.amount();
        for (BigDecimal spent : series.spentByMonthEnd()) {
            largest = largest.max(spent);
        }
        List<TimeChart.Marker> markers = new ArrayList<>(clauseDates);
        if (burn != null && burn.metAt() != null) {
            markers.add(new TimeChart.Marker(
                    burn.metAt(),
                    "met on " + Figures.date(burn.metAt()),
                    series.agreement() + " reached its amount, " + Figures.dollars(series.amount()) + ", on "
                            + Figures.date(burn.metAt())));
        }
        new TimeChart(title(series.agreement()), months, HEIGHT)
                .scale(Scale.of(largest.doubleValue(), true), "USD")
                .keys(List.of(
                        new TimeChart.Key("spend counted", Palette.spend(), TimeChart.Swatch.LINE),
                        new TimeChart.Key(
                                "amount " + Figures.dollars(series.amount()),
                                Palette.amount(),
                                TimeChart.Swatch.DASHED)))
                .markers(markers)
                .write(svg, plot -> marks(svg, plot, series, burn));
    }

    private static void marks(
            Svg svg, TimeChart.Plot plot, Timeline.CommitmentSeries series, Summary.@Nullable CommitmentBurn burn) {
        // The spend is known at each month's end; the line starts from nothing at the run's start.
        StringBuilder line = new StringBuilder(point(plot.x(0), plot.y(0)));
        for (int m = 0; m < plot.months(); m++) {
            line.append(' ')
                    .append(point(
                            plot.x(m + 1),
                            plot.y(series.spentByMonthEnd().get(m).doubleValue())));
        }
        String area = line + " " + point(plot.x(plot.months()), plot.y(0));
        BigDecimal spent = series.spentByMonthEnd().get(plot.months() - 1);
        String tooltip = series.agreement() + ": " + Figures.dollars(spent) + " counted by the end, of "
                + Figures.dollars(series.amount());
        svg.shape("polygon", tooltip, "points", area, "fill", Palette.spend(), "fill-opacity", "0.12");
        svg.shape(
                "polyline",
                tooltip,
                "points",
                line.toString(),
                "fill",
                "none",
                "stroke",
                Palette.spend(),
                "stroke-width",
                2);
        double amount = plot.y(series.amount().doubleValue());
        svg.shape(
                "line",
                "amount: " + Figures.dollars(series.amount()),
                "x1",
                plot.x(0),
                "x2",
                plot.x(plot.months()),
                "y1",
                amount,
                "y2",
                amount,
                "stroke",
                Palette.amount(),
                "stroke-width",
                2,
                "stroke-dasharray",
                "6,4");
        if (burn != null && burn.metAt() != null) {
            svg.shape(
                    "circle",
                    "met on " + Figures.date(burn.metAt()),
                    "cx",
                    plot.x(burn.metAt()),
                    "cy",
                    amount,
                    "r",
                    5,
                    "fill",
                    Palette.amount());
        }
    }

    private static String point(double x, double y) {
        return Svg.number(x) + "," + Svg.number(y);
    }
}
