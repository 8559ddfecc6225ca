package dev.tender.summary;

import dev.tender.report.Summary;
import dev.tender.report.Timeline;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes {@code report.html}: the summary told as a story, clauses first, then what they did to the
 * requests, the offers, the capacity, and what went unmet or was spent. One self-contained file of
 * HTML and inline SVG, without scripts: it opens offline, prints, and reads the same in any browser.
 * The same summary always gives the same bytes. The charts are drawn by the classes beside this
 * one; ADR 0007 records the choices (ticks, the number rule, the legend order).
 */
public final class HtmlReport {

    static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2em auto;max-width:960px;\
            padding:0 16px;color:#222;line-height:1.45}
            h1{font-size:1.6em;margin-bottom:.2em}h2{font-size:1.2em;margin:2.2em 0 .3em}h3{font-size:1em;margin:1em 0 0}
            p{margin:.4em 0}
            .note{color:#555;font-size:.92em}
            figure{margin:.6em 0}svg.chart{display:block;width:100%;height:auto}
            svg text{font-size:12px;fill:#333}.marker text{font-size:11px;fill:#222}
            table{border-collapse:collapse;margin:.6em 0 1em;font-size:.92em;font-variant-numeric:tabular-nums}
            th,td{padding:3px 10px;text-align:left;white-space:nowrap}th{border-bottom:1px solid #888;font-weight:600}
            .wide{overflow-x:auto}.n{text-align:right}tbody tr:nth-child(even){background:#f3f3f3}
            @page{margin:15mm}
            @media print{body{max-width:none;margin:0;padding:0;color:#000;font-size:10pt}
            figure,table,.keep{break-inside:avoid;page-break-inside:avoid}h2,h3{break-after:avoid;page-break-after:avoid}
            *{-webkit-print-color-adjust:exact;print-color-adjust:exact}.wide{overflow:visible}svg text,.marker text{fill:#000}
            .note{color:#333}tbody tr:nth-child(even){background:#eee}}
            """;

    private static final Map<String, String> ROUTE_WORDS = Map.of(
            "EXCLUSIVE", "exclusive", "ROFR_FIRST_LOOK", "first look", "ROFR_MATCH", "match", "MARKET", "market");

    private final Summary summary;
    private final String description;
    private final StringBuilder html = new StringBuilder(256 * 1024);
    private final Svg svg = new Svg(html);
    private final Map<String, String> colours = new LinkedHashMap<>();
    private final List<TimeChart.Marker> clauseDates;
    private final boolean overTime;

    private HtmlReport(Summary summary, String description) {
        this.summary = summary;
        this.description = description;
        for (int i = 0; i < summary.providers().size(); i++) {
            colours.put(summary.providers().get(i).provider(), Palette.series(i));
        }
        this.clauseDates = ClauseDates.of(summary.timeline().agreements());
        this.overTime = !summary.timeline().months().isEmpty();
    }

    public static void write(Summary summary, String description, Path file) throws IOException {
        Files.writeString(file, text(summary, description), StandardCharsets.UTF_8);
    }

    public static String text(Summary summary, String description) {
        return new HtmlReport(summary, description).page();
    }

    /** What the page's body holds, for a page that shows several runs' reports one after another. */
    static String sections(Summary summary, String description) {
        HtmlReport report = new HtmlReport(summary, description);
        report.body();
        return report.html.toString();
    }

    private String page() {
        html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Tender: ")
                .append(Svg.escape(summary.scenario()))
                .append("</title>\n<style>\n")
                .append(STYLE)
                .append("</style></head><body>\n");
        body();
        html.append("</body></html>\n");
        return html.toString();
    }

    private void body() {
        headline();
        agreements();
        routes();
        offers();
        inUse();
        shares();
        unmet();
        exclusivity();
        commitments();
    }

    private void headline() {
        Summary.Requests r = summary.requests();
        svg.with("h1", "Tender: " + summary.scenario()).line();
        if (!description.isBlank()) {
            svg.with("p", description.strip()).line();
        }
        svg.with(
                        "p",
                        Figures.date(summary.start()) + " to " + Figures.date(summary.end()) + ", seed "
                                + summary.seed()
                                + ". " + Figures.compact(r.submitted()) + " requests: "
                                + Figures.compact(r.fulfilled()) + " fulfilled, " + Figures.compact(r.partial())
                                + " partial, " + Figures.compact(r.unfulfilled()) + " unfulfilled, "
                                + Figures.compact(r.rejected()) + " rejected, " + Figures.compact(r.cancelled())
                                + " cancelled. " + Figures.compact(summary.unitsAwarded()) + " of "
                                + Figures.compact(summary.unitsRequested()) + " units awarded ("
                                + Figures.percent(summary.unitsAwarded(), summary.unitsRequested()) + "), "
                                + Figures.dollars(summary.cost()) + ".")
                .line();
        note(Figures.RULE + " Units are accelerators of any kind, except where a chart says H100-equivalents."
                + " On the charts over time, a dashed vertical line marks a date a clause starts or ends.");
    }

    private void agreements() {
        Timeline timeline = summary.timeline();
        if (timeline.agreements().isEmpty()) {
            return;
        }
        chart(
                AgreementChart.TITLE,
                "Each clause from its start to its end; an arrow at the right edge: it has no end date.",
                overTime,
                () -> AgreementChart.write(svg, timeline, clauseDates));
        List<List<String>> rows = new ArrayList<>();
        for (Timeline.AgreementPeriod clause : timeline.agreements()) {
            rows.add(List.of(
                    clause.agreement(),
                    AgreementChart.kindName(clause.kind()),
                    clause.provider(),
                    Figures.date(clause.from()),
                    clause.until() == null ? "open-ended" : Figures.date(clause.until())));
        }
        table(List.of("agreement", "kind", "provider", "from", "until"), rows);
    }

    private void routes() {
        Timeline timeline = summary.timeline();
        String title = "Requests per month by route";
        List<StackedBars.Series> series = new ArrayList<>();
        for (Timeline.RouteSeries route : timeline.requestsByRoute()) {
            series.add(
                    new StackedBars.Series(routeWord(route.route()), Palette.route(route.route()), route.requests()));
        }
        chart(
                title,
                "Each request in the month it was routed: to the exclusive seller alone, to the holder of a right of"
                        + " first refusal first (first look), to the market with the holder matching (match), or to"
                        + " the market.",
                overTime,
                () -> StackedBars.write(svg, title, timeline.months(), series, "requests", clauseDates));
        long all = summary.routes().values().stream().mapToLong(Long::longValue).sum();
        List<List<String>> rows = new ArrayList<>();
        for (Timeline.RouteSeries route : timeline.requestsByRoute()) {
            long requests = summary.routes().getOrDefault(route.route(), 0L);
            rows.add(List.of(
                    routeWord(route.route()),
                    route.route(),
                    Figures.compact(requests),
                    Figures.percent(requests, all)));
        }
        table(List.of("route", "in the log", "requests", "share"), rows);
    }

    private static String routeWord(String route) {
        return ROUTE_WORDS.getOrDefault(route, route);
    }

    private void offers() {
        Timeline timeline = summary.timeline();
        String title = "Offers per month by outcome";
        List<StackedBars.Series> series = new ArrayList<>();
        for (Timeline.OutcomeSeries outcome : timeline.offersByOutcome()) {
            series.add(new StackedBars.Series(
                    outcome.outcome().toLowerCase(Locale.ROOT), Palette.outcome(outcome.outcome()), outcome.offers()));
        }
        chart(
                title,
                "Offers on every route, counted in the month they were answered; a lapsed offer had no answer by its"
                        + " deadline and counts in the month of the deadline."
                        + afterTheEnd(
                                answered(),
                                total(timeline.offersByOutcome(), Timeline.OutcomeSeries::offers),
                                "answers"),
                overTime,
                () -> StackedBars.write(svg, title, timeline.months(), series, "offers", clauseDates));
        List<List<String>> rows = new ArrayList<>();
        for (Summary.OfferOutcome o : summary.offers()) {
            Summary.Answers a = o.answers();
            rows.add(List.of(
                    o.provider(),
                    o.kind(),
                    Figures.compact(o.offers()),
                    Figures.compact(a.accepted()),
                    Figures.compact(a.partial()),
                    Figures.compact(a.declined()),
                    Figures.compact(a.lapsed()),
                    Figures.compact(o.unitsOffered()),
                    Figures.compact(o.unitsAwarded())));
        }
        caption("Offers by provider and kind");
        table(
                List.of(
                        "provider",
                        "kind",
                        "offers",
                        "accepted",
                        "partial",
                        "declined",
                        "lapsed",
                        "units offered",
                        "units awarded"),
                rows);
        rights();
    }

    private void rights() {
        if (summary.rofr().isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Summary.RightOutcome r : summary.rofr()) {
            rows.add(List.of(
                    r.agreement(),
                    r.holder(),
                    r.mode(),
                    Figures.compact(r.requests()),
                    Figures.compact(r.offers()),
                    Figures.compact(r.accepted()),
                    Figures.compact(r.partial()),
                    Figures.compact(r.declined()),
                    Figures.compact(r.lapsed()),
                    Figures.compact(r.unitsAwarded())));
        }
        caption("Offers under each right of first refusal");
        table(
                List.of(
                        "agreement",
                        "holder",
                        "mode",
                        "requests",
                        "offers",
                        "accepted",
                        "partial",
                        "declined",
                        "lapsed",
                        "units taken"),
                rows);
    }

    private void inUse() {
        Timeline timeline = summary.timeline();
        chart(
                InUseChart.TITLE,
                "Each provider's H100-equivalents in use on average each month, stacked; the step line is the"
                        + " capacity online at the start of each month. An H100-equivalent weighs an accelerator by"
                        + " its speed: " + speeds(timeline) + ".",
                overTime && !timeline.providers().isEmpty(),
                () -> InUseChart.write(svg, timeline, colours, clauseDates));
        List<List<String>> rows = new ArrayList<>();
        for (Summary.ProviderShare p : summary.providers()) {
            rows.add(List.of(
                    p.provider(),
                    p.name(),
                    Figures.compact(p.awards()),
                    Figures.compact(p.units()),
                    Figures.compact(p.unitHours()),
                    Figures.dollars(p.cost()),
                    Figures.percent(p.share())));
        }
        table(List.of("provider", "name", "awards", "units", "unit-hours", "cost", "share of units"), rows);
    }

    /** {@code GB200 2.5, H100 1}: each accelerator's weight, from the timeline. */
    private static String speeds(Timeline timeline) {
        Map<String, BigDecimal> speeds = new TreeMap<>();
        timeline.providers().forEach(p -> p.accelerators().forEach(a -> speeds.put(a.accelerator(), a.h100e())));
        List<String> each = new ArrayList<>();
        speeds.forEach((id, h100e) -> each.add(id + " " + Figures.compact(h100e)));
        return each.isEmpty() ? "H100 1" : String.join(", ", each);
    }

    private void shares() {
        if (summary.providers().isEmpty()) {
            return;
        }
        chart(
                ShareChart.TITLE,
                "Units of any accelerator awarded to each provider over the whole run, with the cost.",
                true,
                () -> ShareChart.write(svg, summary.providers(), colours));
    }

    private void unmet() {
        Timeline timeline = summary.timeline();
        String title = "Unmet units per month by cause";
        long unmet = summary.unmetUnitsByCause().values().stream()
                .mapToLong(Long::longValue)
                .sum();
        String note = "Units asked for and not awarded, in the month their request closed. Each short request is"
                + " filed under the first cause that applies, in this order: "
                + String.join(", ", summary.unmetCausePrecedence()) + "."
                + afterTheEnd(unmet, total(timeline.unmetUnitsByCause(), Timeline.CauseSeries::units), "unmet units");
        if (summary.unmetUnitsByCause().isEmpty()) {
            chart(title, note + " None went unmet: every unit requested was awarded.", false, () -> {});
            return;
        }
        List<StackedBars.Series> series = new ArrayList<>();
        for (Timeline.CauseSeries cause : timeline.unmetUnitsByCause()) {
            series.add(new StackedBars.Series(cause.cause(), Palette.cause(cause.cause()), cause.units()));
        }
        chart(
                title,
                note,
                overTime,
                () -> StackedBars.write(svg, title, timeline.months(), series, "units", clauseDates));
        List<List<String>> rows = new ArrayList<>();
        for (String cause : summary.unmetCausePrecedence()) {
            long units = summary.unmetUnitsByCause().getOrDefault(cause, 0L);
            rows.add(List.of(cause, Figures.compact(units), Figures.percent(units, unmet)));
        }
        table(List.of("cause, in order of precedence", "units", "share of unmet"), rows);
    }

    /** Every answer to every offer, from the offers table. */
    private long answered() {
        return summary.offers().stream()
                .map(Summary.OfferOutcome::answers)
                .mapToLong(a -> a.accepted() + a.partial() + a.declined() + a.lapsed())
                .sum();
    }

    private static <T> long total(List<T> series, Function<T, List<Long>> values) {
        return series.stream()
                .flatMap(s -> values.apply(s).stream())
                .mapToLong(Long::longValue)
                .sum();
    }

    /**
     * Events after the run's last month are in the totals but in no month: a request may close, or an
     * offer be answered, after the end. Said, so that the chart and its table need not agree in silence.
     */
    private static String afterTheEnd(long inTotals, long inMonths, String what) {
        return inTotals > inMonths
                ? " " + Figures.compact(inTotals - inMonths) + " " + what + " came after the run's end: in the"
                        + " table, not in the chart."
                : "";
    }

    private void exclusivity() {
        if (summary.exclusivity().isEmpty()) {
            return;
        }
        chart(
                "Exclusivity",
                "Requests an exclusive clause covered: only its provider could serve them.",
                false,
                () -> {});
        List<List<String>> rows = new ArrayList<>();
        for (Summary.ExclusiveOutcome e : summary.exclusivity()) {
            rows.add(List.of(
                    e.agreement(),
                    e.provider(),
                    Figures.compact(e.requests()),
                    Figures.compact(e.unitsRequested()),
                    Figures.compact(e.unitsAwarded()),
                    Figures.compact(e.unmetUnits())));
        }
        table(List.of("agreement", "provider", "requests", "units requested", "awarded", "unmet"), rows);
    }

    private void commitments() {
        Timeline timeline = summary.timeline();
        for (Timeline.CommitmentSeries series : timeline.commitments()) {
            Summary.CommitmentBurn burn = summary.commitments().stream()
                    .filter(c -> c.agreement().equals(series.agreement()))
                    .findFirst()
                    .orElse(null);
            chart(
                    CommitmentChart.title(series.agreement()),
                    "Spend counted toward the commitment by the end of each month: awards to "
                            + (burn == null ? "its provider" : burn.provider())
                            + " inside its period, at their price. The dashed line is the amount promised.",
                    overTime,
                    () -> CommitmentChart.write(svg, timeline.months(), series, burn, clauseDates));
        }
        if (summary.commitments().isEmpty()) {
            return;
        }
        List<List<String>> rows = new ArrayList<>();
        for (Summary.CommitmentBurn c : summary.commitments()) {
            rows.add(List.of(
                    c.agreement(),
                    c.provider(),
                    AgreementChart.period(c.from(), c.until()),
                    Figures.dollars(c.amount()),
                    Figures.dollars(c.spent()),
                    Figures.percent(c.burned()),
                    Figures.dollars(c.shortfall()),
                    c.metAt() == null ? "not met" : Figures.date(c.metAt())));
        }
        table(List.of("agreement", "provider", "period", "amount", "spent", "burned", "shortfall", "met on"), rows);
    }

    /**
     * A heading, its note and, when {@code drawn}, the chart: kept together on one printed page, so
     * a heading never ends a page without what it heads.
     */
    private void chart(String title, String note, boolean drawn, Runnable chart) {
        html.append("<div class=\"keep\">\n");
        svg.with("h2", title).line();
        note(note);
        if (drawn) {
            html.append("<figure>\n");
            chart.run();
            html.append("</figure>\n");
        }
        html.append("</div>\n");
    }

    private void note(String text) {
        svg.with("p", text, "class", "note").line();
    }

    /** The heading of a second table under a chart. */
    private void caption(String text) {
        svg.with("h3", text).line();
    }

    /** A table whose columns of figures are aligned right, the rest left. */
    private void table(List<String> headers, List<List<String>> rows) {
        Tables.write(html, svg, headers, rows, HtmlReport::isFigure);
    }

    /** {@code 4.9k}, {@code $16.3B}, {@code 20.9%}, {@code -}: written by {@link Figures}. */
    private static boolean isFigure(String text) {
        return text.equals("-") || text.matches("\\$?[0-9][0-9.]*[kMBT%]?");
    }
}
