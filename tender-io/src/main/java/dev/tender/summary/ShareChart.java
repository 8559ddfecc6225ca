package dev.tender.summary;

import dev.tender.report.Summary;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Each provider's share of the units awarded, largest first, as bars on a scale of 0 to 100 per
 * cent, with the share, units and cost written beside each bar. The provider names on the left are
 * the legend; a provider has the colour it has on every other chart.
 */
final class ShareChart {

    static final String TITLE = "Each provider's share of units awarded";
    private static final double ROW = 28;
    private static final double BAR = 18;
    private static final double LEFT = TimeChart.LEFT + 40;
    private static final double FULL = 460;

    private ShareChart() {}

    static void write(Svg svg, List<Summary.ProviderShare> providers, Map<String, String> colours) {
        List<Summary.ProviderShare> largestFirst = providers.stream()
                .sorted(Comparator.comparingDouble(Summary.ProviderShare::share)
                        .reversed()
                        .thenComparing(Summary.ProviderShare::provider))
                .toList();
        double bottom = 10 + ROW * largestFirst.size();
        double height = bottom + 40;
        svg.open(
                        "svg",
                        "class",
                        "chart",
                        "viewBox",
                        "0 0 " + Svg.number(TimeChart.WIDTH) + " " + Svg.number(height),
                        "role",
                        "img")
                .with("title", TITLE)
                .line();
        axis(svg, bottom);
        svg.open("g", "class", "legend").line();
        for (int i = 0; i < largestFirst.size(); i++) {
            svg.with(
                            "text",
                            largestFirst.get(i).provider(),
                            "x",
                            LEFT - 8,
                            "y",
                            10 + ROW * i + 18,
                            "text-anchor",
                            "end")
                    .line();
        }
        svg.close("g");
        svg.open("g", "class", "data").line();
        for (int i = 0; i < largestFirst.size(); i++) {
            bar(svg, largestFirst.get(i), 10 + ROW * i, colours);
        }
        svg.close("g");
        svg.close("svg");
    }

    private static void axis(Svg svg, double bottom) {
        svg.open("g", "class", "axis").line();
        for (int quarter = 0; quarter <= 4; quarter++) {
            double x = LEFT + FULL * quarter / 4;
            svg.empty("line", "class", "grid", "x1", x, "x2", x, "y1", 4, "y2", bottom, "stroke", "#ddd");
            svg.with("text", quarter * 25 + "%", "x", x, "y", bottom + 16, "text-anchor", "middle")
                    .line();
        }
        svg.with(
                        "text",
                        "per cent of all units awarded",
                        "x",
                        LEFT + FULL / 2,
                        "y",
                        bottom + 34,
                        "text-anchor",
                        "middle")
                .line();
        svg.close("g");
    }

    private static void bar(Svg svg, Summary.ProviderShare provider, double top, Map<String, String> colours) {
        double width = FULL * provider.share();
        String figures = Figures.percent(provider.share()) + " · " + Figures.compact(provider.units()) + " units · "
                + Figures.dollars(provider.cost());
        svg.shape(
                "rect",
                provider.provider() + " (" + provider.name() + "): " + figures,
                "x",
                LEFT,
                "y",
                top + (ROW - BAR) / 2,
                "width",
                width,
                "height",
                BAR,
                "fill",
                colours.getOrDefault(provider.provider(), Palette.INK));
        svg.with("text", figures, "x", LEFT + width + 6, "y", top + 18).line();
    }
}
