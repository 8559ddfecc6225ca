package dev.tender.summary;

import dev.tender.report.Summary;
import dev.tender.report.Timeline;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes {@code report.html}: the summary as a page a person would rather look at, with charts
 * drawn as inline SVG, so it opens anywhere without scripts or a network.
 */
public final class HtmlReport {

    private static final String[] COLOURS = {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"
    };
    private static final int WIDTH = 860;
    private static final int HEIGHT = 300;
    private static final int LEFT = 80;
    private static final int RIGHT = 160;
    private static final int TOP = 20;
    private static final int BOTTOM = 40;
    private static final int MOST_SERIES = 10;

    private final Summary summary;
    private final String description;
    private final StringBuilder html = new StringBuilder(64 * 1024);

    private HtmlReport(Summary summary, String description) {
        this.summary = summary;
        this.description = description;
    }

    public static void write(Summary summary, String description, Path file) throws IOException {
        Files.writeString(file, text(summary, description), StandardCharsets.UTF_8);
    }

    public static String text(Summary summary, String description) {
        return new HtmlReport(summary, description).page();
    }

    private String page() {
        html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Tender: ")
                .append(escape(summary.scenario()))
                .append("</title><style>")
                .append("body{font-family:system-ui,sans-serif;margin:2em auto;max-width:900px;color:#222}")
                .append("h1{font-size:1.5em}h2{font-size:1.15em;margin-top:2em}")
                .append("table{border-collapse:collapse}td,th{padding:2px 10px;text-align:right}")
                .append("th:first-child,td:first-child{text-align:left}tr:nth-child(even){background:#f4f4f4}")
                .append("svg text{font-size:11px;fill:#444}.note{color:#666;font-size:.9em}")
                .append("</style></head><body>\n");
        headline();
        inUse();
        shares();
        commitments();
        unmet();
        html.append("</body></html>\n");
        return html.toString();
    }

    private void headline() {
        Summary.Requests r = summary.requests();
        html.append("<h1>Tender: ").append(escape(summary.scenario())).append("</h1>\n");
        if (!description.isBlank()) {
            html.append("<p>").append(escape(description.strip())).append("</p>\n");
        }
        html.append("<p>")
                .append(summary.start())
                .append(" to ")
                .append(summary.end())
                .append(", seed ")
                .append(summary.seed())
                .append(". ")
                .append(format(
                        "%,d requests: %,d fulfilled, %,d partial, %,d unfulfilled. ",
                        r.submitted(), r.fulfilled(), r.partial(), r.unfulfilled()))
                .append(format(
                        "%,d of %,d units awarded, %s USD.",
                        summary.unitsAwarded(), summary.unitsRequested(), dollars(summary.cost())))
                .append("</p>\n");
    }

    /** Stacked areas of units in use by provider, with the capacity online as a dashed line. */
    private void inUse() {
        Timeline timeline = summary.timeline();
        List<Timeline.ProviderSeries> providers = busiest(timeline.providers());
        int months = timeline.months().size();
        if (months == 0 || providers.isEmpty()) {
            return;
        }
        long[] stacked = new long[months];
        long[] online = new long[months];
        for (Timeline.ProviderSeries p : timeline.providers()) {
            for (int m = 0; m < months; m++) {
                online[m] += p.online().get(m);
            }
        }
        long top = 1;
        for (Timeline.ProviderSeries p : providers) {
            for (int m = 0; m < months; m++) {
                stacked[m] += p.inUse().get(m);
                top = Math.max(top, Math.max(stacked[m], online[m]));
            }
        }
        html.append("<h2>Units in use by provider, month by month</h2>\n");
        html.append("<p class=\"note\">Average units awarded and in use each month, stacked by provider;")
                .append(" the dashed line is the capacity online at the start of the month.</p>\n");
        openChart();
        yAxis(top, "units");
        xAxis(timeline.months());
        long[] below = new long[months];
        for (int i = 0; i < providers.size(); i++) {
            Timeline.ProviderSeries p = providers.get(i);
            StringBuilder points = new StringBuilder();
            for (int m = 0; m < months; m++) {
                points.append(x(m, months))
                        .append(',')
                        .append(y(below[m] + p.inUse().get(m), top))
                        .append(' ');
            }
            for (int m = months - 1; m >= 0; m--) {
                points.append(x(m, months)).append(',').append(y(below[m], top)).append(' ');
                below[m] += p.inUse().get(m);
            }
            html.append("<polygon fill=\"")
                    .append(colour(i))
                    .append("\" fill-opacity=\"0.75\" points=\"")
                    .append(points.toString().trim())
                    .append("\"/>\n");
            legend(i, p.provider());
        }
        StringBuilder line = new StringBuilder();
        for (int m = 0; m < months; m++) {
            line.append(x(m, months)).append(',').append(y(online[m], top)).append(' ');
        }
        html.append("<polyline fill=\"none\" stroke=\"#222\" stroke-dasharray=\"5,4\" points=\"")
                .append(line.toString().trim())
                .append("\"/>\n");
        legendLine(providers.size(), "capacity online");
        html.append("</svg>\n");
    }

    private static List<Timeline.ProviderSeries> busiest(List<Timeline.ProviderSeries> all) {
        List<Timeline.ProviderSeries> sorted = new ArrayList<>(all);
        sorted.sort((a, b) -> Long.compare(total(b.inUse()), total(a.inUse())));
        return sorted.subList(0, Math.min(MOST_SERIES, sorted.size()));
    }

    private static long total(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).sum();
    }

    /** Horizontal bars: each provider's share of the units awarded. */
    private void shares() {
        List<Summary.ProviderShare> providers = new ArrayList<>(summary.providers());
        providers.sort((a, b) -> Double.compare(b.share(), a.share()));
        providers = providers.subList(0, Math.min(MOST_SERIES, providers.size()));
        html.append("<h2>Share of units awarded</h2>\n");
        int height = 26 * providers.size() + 10;
        html.append("<svg width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(height)
                .append("\" role=\"img\" aria-label=\"share of units awarded by provider\">\n");
        for (int i = 0; i < providers.size(); i++) {
            Summary.ProviderShare p = providers.get(i);
            int barWidth = (int) Math.round(p.share() * (WIDTH - 300));
            int y = 26 * i + 5;
            html.append("<text x=\"0\" y=\"")
                    .append(y + 14)
                    .append("\">")
                    .append(escape(p.provider()))
                    .append("</text>");
            html.append("<rect x=\"120\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(barWidth)
                    .append("\" height=\"18\" fill=\"")
                    .append(colour(i))
                    .append("\"/>");
            html.append("<text x=\"")
                    .append(126 + barWidth)
                    .append("\" y=\"")
                    .append(y + 14)
                    .append("\">")
                    .append(format("%.1f%% (%,d units, %s USD)", p.share() * 100, p.units(), dollars(p.cost())))
                    .append("</text>\n");
        }
        html.append("</svg>\n");
    }

    /** Each commitment's spend so far against its amount. */
    private void commitments() {
        Timeline timeline = summary.timeline();
        if (timeline.commitments().isEmpty() || timeline.months().isEmpty()) {
            return;
        }
        int months = timeline.months().size();
        BigDecimal top = BigDecimal.ONE;
        for (Timeline.CommitmentSeries c : timeline.commitments()) {
            top = top.max(c.amount());
            for (BigDecimal spent : c.spentByMonthEnd()) {
                top = top.max(spent);
            }
        }
        html.append("<h2>Commitment burn-down</h2>\n");
        html.append("<p class=\"note\">Spend counted toward each commitment by the end of each month;")
                .append(" the dashed line is its amount.</p>\n");
        openChart();
        long ceiling = top.longValue();
        yAxis(ceiling, "USD");
        xAxis(timeline.months());
        for (int i = 0; i < timeline.commitments().size(); i++) {
            Timeline.CommitmentSeries c = timeline.commitments().get(i);
            StringBuilder line = new StringBuilder();
            for (int m = 0; m < months; m++) {
                line.append(x(m, months))
                        .append(',')
                        .append(y(c.spentByMonthEnd().get(m).longValue(), ceiling))
                        .append(' ');
            }
            html.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"")
                    .append(colour(i))
                    .append("\" points=\"")
                    .append(line.toString().trim())
                    .append("\"/>\n");
            int amount = y(c.amount().longValue(), ceiling);
            html.append("<line x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(WIDTH - RIGHT)
                    .append("\" y1=\"")
                    .append(amount)
                    .append("\" y2=\"")
                    .append(amount)
                    .append("\" stroke=\"")
                    .append(colour(i))
                    .append("\" stroke-dasharray=\"5,4\"/>\n");
            legend(i, c.agreement());
        }
        html.append("</svg>\n");
    }

    private void unmet() {
        html.append("<h2>Unmet units by cause</h2>\n");
        if (summary.unmetUnitsByCause().isEmpty()) {
            html.append("<p>None: every unit requested was awarded.</p>\n");
            return;
        }
        html.append("<table><tr><th>cause</th><th>units</th></tr>\n");
        for (Map.Entry<String, Long> cause : summary.unmetUnitsByCause().entrySet()) {
            html.append("<tr><td>")
                    .append(escape(cause.getKey()))
                    .append("</td><td>")
                    .append(format("%,d", cause.getValue()))
                    .append("</td></tr>\n");
        }
        html.append("</table>\n");
    }

    private void openChart() {
        html.append("<svg width=\"")
                .append(WIDTH)
                .append("\" height=\"")
                .append(HEIGHT)
                .append("\" role=\"img\">\n");
    }

    private void yAxis(long top, String unit) {
        for (int tick = 0; tick <= 4; tick++) {
            long value = top * tick / 4;
            int y = y(value, top);
            html.append("<line x1=\"")
                    .append(LEFT)
                    .append("\" x2=\"")
                    .append(WIDTH - RIGHT)
                    .append("\" y1=\"")
                    .append(y)
                    .append("\" y2=\"")
                    .append(y)
                    .append("\" stroke=\"#ddd\"/>");
            html.append("<text x=\"")
                    .append(LEFT - 6)
                    .append("\" y=\"")
                    .append(y + 4)
                    .append("\" text-anchor=\"end\">")
                    .append(compact(value))
                    .append("</text>\n");
        }
        html.append("<text x=\"4\" y=\"")
                .append(TOP + 4)
                .append("\">")
                .append(unit)
                .append("</text>\n");
    }

    private void xAxis(List<String> months) {
        int every = Math.max(1, months.size() / 8);
        for (int m = 0; m < months.size(); m += every) {
            html.append("<text x=\"")
                    .append(x(m, months.size()))
                    .append("\" y=\"")
                    .append(HEIGHT - BOTTOM + 16)
                    .append("\" text-anchor=\"middle\">")
                    .append(months.get(m))
                    .append("</text>\n");
        }
    }

    private void legend(int index, String name) {
        int y = TOP + 16 * index;
        html.append("<rect x=\"")
                .append(WIDTH - RIGHT + 12)
                .append("\" y=\"")
                .append(y)
                .append("\" width=\"10\"")
                .append(" height=\"10\" fill=\"")
                .append(colour(index))
                .append("\"/>");
        legendLabel(y + 9, name);
    }

    private void legendLine(int index, String name) {
        int y = TOP + 16 * index + 5;
        html.append("<line x1=\"")
                .append(WIDTH - RIGHT + 10)
                .append("\" x2=\"")
                .append(WIDTH - RIGHT + 24)
                .append("\" y1=\"")
                .append(y)
                .append("\" y2=\"")
                .append(y)
                .append("\" stroke=\"#222\" stroke-dasharray=\"3,2\"/>");
        legendLabel(y + 4, name);
    }

    private void legendLabel(int baseline, String name) {
        html.append("<text x=\"")
                .append(WIDTH - RIGHT + 28)
                .append("\" y=\"")
                .append(baseline)
                .append("\">")
                .append(escape(name))
                .append("</text>\n");
    }

    private static int x(int month, int months) {
        int span = WIDTH - LEFT - RIGHT;
        return LEFT + (months <= 1 ? 0 : span * month / (months - 1));
    }

    private static int y(long value, long top) {
        int span = HEIGHT - TOP - BOTTOM;
        return HEIGHT - BOTTOM - (int) Math.round((double) span * value / Math.max(1, top));
    }

    private static String colour(int index) {
        return COLOURS[index % COLOURS.length];
    }

    private static String compact(long value) {
        if (value >= 1_000_000_000L) {
            return format("%.1fB", value / 1e9);
        }
        if (value >= 1_000_000L) {
            return format("%.1fM", value / 1e6);
        }
        if (value >= 10_000L) {
            return format("%.0fk", value / 1e3);
        }
        return Long.toString(value);
    }

    private static String dollars(BigDecimal amount) {
        return format("%,.0f", amount);
    }

    private static String format(String pattern, Object... values) {
        return String.format(Locale.ROOT, pattern, values);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }
}
