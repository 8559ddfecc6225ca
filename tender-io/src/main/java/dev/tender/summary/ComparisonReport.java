package dev.tender.summary;

import dev.tender.report.Summary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The comparison's {@code report.html}: first what each variant changes (a table of the
 * differences to the base with their intervals, and a chart per headline figure with interval
 * bars), then each entrant's own report of its first run. One file, inline SVG, no scripts.
 */
public final class ComparisonReport {

    /** An entrant: the base first, then the variants; its first run's summary. */
    public record Entrant(String name, String description, Summary firstRun) {
        public Entrant {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(firstRun, "firstRun");
            description = description == null ? "" : description;
        }
    }

    /** A mean over the runs and its 90 % interval. */
    public record Estimated(double mean, double low, double high) {}

    /**
     * A headline figure, by entrant in the order of the entrants: its value over the runs and its
     * paired difference to the base (the base's own is zero).
     */
    public record Headline(String title, String unit, List<Estimated> values, List<Estimated> differences) {
        public Headline {
            values = List.copyOf(values);
            differences = List.copyOf(differences);
        }
    }

    private static final double WIDTH = 720;
    private static final double LEFT = 170;
    private static final double RIGHT = 30;
    private static final double ROW = 28;
    private static final double TOP = 34;
    private static final double BOTTOM = 42;

    private final StringBuilder html = new StringBuilder(512 * 1024);
    private final Svg svg = new Svg(html);

    private ComparisonReport() {}

    public static void write(
            String scenario, String intervals, String runs, List<Entrant> entrants, List<Headline> headlines, Path file)
            throws IOException {
        Files.writeString(file, text(scenario, intervals, runs, entrants, headlines), StandardCharsets.UTF_8);
    }

    /**
     * The page.
     *
     * @param intervals how the intervals are made, in a sentence
     * @param runs how many runs and which seeds, in words
     */
    public static String text(
            String scenario, String intervals, String runs, List<Entrant> entrants, List<Headline> headlines) {
        if (entrants.size() < 2) {
            throw new IllegalArgumentException("a comparison has a base and at least one variant");
        }
        return new ComparisonReport().page(scenario, intervals, runs, entrants, headlines);
    }

    private String page(
            String scenario, String intervals, String runs, List<Entrant> entrants, List<Headline> headlines) {
        html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Tender: ")
                .append(Svg.escape(scenario))
                .append(" compared</title>\n<style>\n")
                .append(HtmlReport.STYLE)
                .append("</style></head><body>\n");
        String base = entrants.get(0).name();
        svg.with("h1", "Tender: " + scenario + ", " + base + " and " + (entrants.size() - 1) + " variants")
                .line();
        svg.with(
                        "p",
                        runs + ". Each variant's difference to " + base + " is taken run by run: run k of both met the"
                                + " same demand, so what differs is the change's doing.")
                .line();
        svg.with("p", "Intervals: " + intervals + ".", "class", "note").line();
        differences(entrants, headlines);
        for (Headline headline : headlines) {
            chart(entrants, headline);
        }
        for (Entrant entrant : entrants) {
            html.append("<section>\n");
            svg.with(
                            "h2",
                            "The report of " + entrant.name()
                                    + (entrant.description().isBlank() ? "" : ": " + entrant.description())
                                    + " (its run with seed "
                                    + entrant.firstRun().seed() + ")")
                    .line();
            html.append(HtmlReport.sections(entrant.firstRun(), ""));
            html.append("</section>\n");
        }
        html.append("</body></html>\n");
        return html.toString();
    }

    private void differences(List<Entrant> entrants, List<Headline> headlines) {
        svg.with("h2", "Differences to " + entrants.get(0).name()).line();
        svg.with(
                        "p",
                        "The mean over the runs, and in brackets its 90 % interval; an interval that holds zero is"
                                + " within the runs' noise.",
                        "class",
                        "note")
                .line();
        html.append("<div class=\"wide\"><table><thead><tr>");
        svg.with("th", "variant");
        headlines.forEach(h -> svg.with("th", h.title() + " (" + h.unit() + ")", "class", "n"));
        html.append("</tr></thead><tbody>\n");
        for (int e = 0; e < entrants.size(); e++) {
            html.append("<tr>");
            svg.with("td", entrants.get(e).name());
            for (Headline headline : headlines) {
                svg.with(
                        "td",
                        e == 0
                                ? number(headline.values().get(0).mean())
                                : withInterval(headline.differences().get(e)),
                        "class",
                        "n");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div>\n");
        svg.with(
                        "p",
                        "The row of " + entrants.get(0).name() + " gives its own figures, the others their"
                                + " differences to it.",
                        "class",
                        "note")
                .line();
    }

    /** Bars of the mean differences, from zero, with a whisker for each interval; a table beside. */
    private void chart(List<Entrant> entrants, Headline headline) {
        List<Integer> variants = new ArrayList<>();
        for (int e = 1; e < entrants.size(); e++) {
            variants.add(e);
        }
        double min = 0;
        double max = 0;
        for (int e : variants) {
            Estimated d = headline.differences().get(e);
            min = Math.min(min, Math.min(d.low(), d.mean()));
            max = Math.max(max, Math.max(d.high(), d.mean()));
        }
        if (min == max) {
            max = 1;
        }
        Axis scale = Axis.over(min, max, LEFT, WIDTH - RIGHT);
        double height = TOP + ROW * variants.size() + BOTTOM;
        String title = headline.title() + ": difference to " + entrants.get(0).name();
        html.append("<div class=\"keep\">\n");
        svg.with("h2", title).line();
        svg.with(
                        "p",
                        "In " + headline.unit() + ". A bar is the mean paired difference over the runs; the black"
                                + " line across it is its 90 % interval.",
                        "class",
                        "note")
                .line();
        html.append("<figure>\n");
        svg.open(
                        "svg",
                        "class",
                        "chart",
                        "viewBox",
                        "0 0 " + Svg.number(WIDTH) + " " + Svg.number(height),
                        "role",
                        "img",
                        "aria-label",
                        title)
                .line();
        svg.with("title", title);
        legend();
        axis(scale, height, headline.unit());
        for (int i = 0; i < variants.size(); i++) {
            int e = variants.get(i);
            Estimated d = headline.differences().get(e);
            double y = TOP + i * ROW;
            double from = scale.at(Math.min(0, d.mean()));
            double to = scale.at(Math.max(0, d.mean()));
            svg.with("text", entrants.get(e).name(), "x", LEFT - 8, "y", y + ROW / 2 + 4, "text-anchor", "end");
            svg.shape(
                    "rect",
                    entrants.get(e).name() + ": " + withInterval(d) + " " + headline.unit(),
                    "x",
                    from,
                    "y",
                    y + 5,
                    "width",
                    Math.max(1, to - from),
                    "height",
                    ROW - 10,
                    "fill",
                    d.mean() < 0 ? Palette.series(2) : Palette.series(1));
            double middle = y + ROW / 2;
            svg.shape(
                    "path",
                    "90 % interval of " + entrants.get(e).name() + ": " + number(d.low()) + " to " + number(d.high()),
                    "d",
                    "M" + Svg.number(scale.at(d.low())) + " " + Svg.number(middle - 6) + "v12M"
                            + Svg.number(scale.at(d.low())) + " " + Svg.number(middle) + "H"
                            + Svg.number(scale.at(d.high())) + "M" + Svg.number(scale.at(d.high())) + " "
                            + Svg.number(middle - 6) + "v12",
                    "stroke",
                    Palette.INK,
                    "stroke-width",
                    1.5,
                    "fill",
                    "none");
        }
        svg.close("svg");
        html.append("</figure>\n");
        List<List<String>> rows = new ArrayList<>();
        for (int e : variants) {
            Estimated value = headline.values().get(e);
            Estimated d = headline.differences().get(e);
            rows.add(List.of(
                    entrants.get(e).name(), number(value.mean()), number(d.mean()), number(d.low()), number(d.high())));
        }
        table(List.of("variant", headline.title(), "difference", "90 % low", "90 % high"), rows);
        html.append("</div>\n");
    }

    private void legend() {
        svg.open("g", "class", "legend");
        svg.empty("rect", "x", LEFT, "y", 8, "width", 14, "height", 10, "fill", Palette.series(2));
        svg.with("text", "lower than the base", "x", LEFT + 20, "y", 17);
        svg.empty("rect", "x", LEFT + 160, "y", 8, "width", 14, "height", 10, "fill", Palette.series(1));
        svg.with("text", "higher than the base", "x", LEFT + 180, "y", 17);
        svg.empty("path", "d", "M" + Svg.number(LEFT + 330) + " 13h24", "stroke", Palette.INK, "stroke-width", 1.5);
        svg.with("text", "90 % interval", "x", LEFT + 360, "y", 17);
        svg.close("g");
    }

    /** A value axis that may cross zero, with ticks at round steps; the bars grow from zero. */
    private record Axis(double from, double to, double step, double left, double right) {

        static Axis over(double min, double max, double left, double right) {
            double rough = (max - min) / 5;
            double power = Math.pow(10, Math.floor(Math.log10(rough)));
            double step = power;
            for (double round : new double[] {1, 2, 2.5, 5, 10}) {
                if (round * power >= rough) {
                    step = round * power;
                    break;
                }
            }
            return new Axis(Math.floor(min / step) * step, Math.ceil(max / step) * step, step, left, right);
        }

        double at(double value) {
            return left + (value - from) / (to - from) * (right - left);
        }

        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            for (long i = Math.round(from / step); i <= Math.round(to / step); i++) {
                ticks.add(i * step);
            }
            return ticks;
        }
    }

    private void axis(Axis scale, double height, String unit) {
        double bottom = height - BOTTOM;
        svg.open("g", "class", "axis");
        svg.empty("line", "x1", scale.at(0), "x2", scale.at(0), "y1", TOP - 4, "y2", bottom, "stroke", Palette.INK);
        svg.empty("line", "x1", LEFT, "x2", WIDTH - RIGHT, "y1", bottom, "y2", bottom, "stroke", "#888");
        for (double tick : scale.ticks()) {
            double x = scale.at(tick);
            svg.empty("line", "x1", x, "x2", x, "y1", bottom, "y2", bottom + 4, "stroke", "#888");
            svg.with("text", number(tick), "x", x, "y", bottom + 16, "text-anchor", "middle");
        }
        svg.with(
                "text",
                "difference, " + unit,
                "x",
                (LEFT + WIDTH - RIGHT) / 2,
                "y",
                bottom + 34,
                "text-anchor",
                "middle");
        svg.close("g");
    }

    private void table(List<String> headers, List<List<String>> rows) {
        html.append("<div class=\"wide\"><table><thead><tr>");
        for (int c = 0; c < headers.size(); c++) {
            svg.with("th", headers.get(c), "class", c == 0 ? "" : "n");
        }
        html.append("</tr></thead><tbody>\n");
        for (List<String> row : rows) {
            html.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                svg.with("td", row.get(c), "class", c == 0 ? "" : "n");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div>\n");
    }

    private static String withInterval(Estimated estimate) {
        return signed(estimate.mean()) + " [" + signed(estimate.low()) + ", " + signed(estimate.high()) + "]";
    }

    private static String signed(double value) {
        return (value > 0 ? "+" : "") + number(value);
    }

    /** Three significant digits with a suffix past a thousand, as the run's report writes figures. */
    static String number(double value) {
        double size = Math.abs(value);
        if (size >= 1e3) {
            return Figures.compact(value);
        }
        if (size >= 10) {
            return String.format(Locale.ROOT, "%.1f", value);
        }
        return String.format(Locale.ROOT, "%.3g", value);
    }
}
