package dev.tender.summary;

import dev.tender.money.Money;
import dev.tender.plan.Plan;
import dev.tender.report.Summary;
import dev.tender.report.Timeline;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The plan's {@code report.html}: first the plan in hindsight beside the online engine's run of the
 * same scenario and seed (what each comes to, how the plan was found, each provider's share, where
 * the two differ most), then the online run's own report. One file, inline SVG, no scripts.
 *
 * <p>The plan's section writes money and counts exactly ({@code $1,234,567.50}, {@code 42,767}),
 * as {@code tender plan} prints them; only its chart rounds, as every chart of the report does.
 */
public final class PlanReport {

    static final String TITLE = "The plan in hindsight beside the online engine";
    static final String CHART = "Unit-hours by provider: the plan in hindsight and the online engine";

    /** The online bars are the provider's colour, paler: the plan's solid. */
    private static final String ONLINE_OPACITY = "0.35";

    private static final double LEFT = TimeChart.LEFT + 40;
    private static final double FULL = 460;
    private static final double TOP = 30;
    private static final double BAR = 14;
    private static final double BETWEEN = 3;
    private static final double GROUP = 2 * BAR + BETWEEN + 13;
    /** How many providers and months "where they differ most" names at most. */
    private static final int MOST = 5;

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH);

    private final Plan plan;
    private final Summary online;
    private final StringBuilder html = new StringBuilder(512 * 1024);
    private final Svg svg = new Svg(html);
    private final List<Row> rows;

    /** One provider's share of the plan and of the online run; {@code colour} as on every chart. */
    private record Row(
            String provider,
            String colour,
            long planUnits,
            long planHours,
            Money planCost,
            long onlineUnits,
            long onlineHours,
            Money onlineCost) {

        long difference() {
            return planHours - onlineHours;
        }
    }

    private PlanReport(Plan plan, Summary online) {
        this.plan = plan;
        this.online = online;
        this.rows = rows(plan, online);
    }

    public static void write(Plan plan, Summary online, String description, Path file) throws IOException {
        Files.writeString(file, text(plan, online, description), StandardCharsets.UTF_8);
    }

    /** The page; {@code online} is the engine's run of the scenario and seed the plan was made for. */
    public static String text(Plan plan, Summary online, String description) {
        return new PlanReport(plan, online).page(description);
    }

    /**
     * Every provider of either side: the online run's in its order, so each keeps the colour it has
     * in the online report below, then any only the plan uses, by id.
     */
    private static List<Row> rows(Plan plan, Summary online) {
        Map<String, Plan.ProviderTotal> planned = new LinkedHashMap<>();
        plan.byProvider().forEach((id, total) -> planned.put(id.value(), total));
        List<Row> rows = new ArrayList<>();
        List<Summary.ProviderShare> shares = online.providers();
        for (int i = 0; i < shares.size(); i++) {
            Summary.ProviderShare share = shares.get(i);
            Plan.ProviderTotal total = planned.remove(share.provider());
            rows.add(new Row(
                    share.provider(),
                    Palette.series(i),
                    total == null ? 0 : total.units(),
                    total == null ? 0 : total.unitHours(),
                    total == null ? Money.ZERO : total.cost(),
                    share.units(),
                    share.unitHours(),
                    money(share.cost())));
        }
        for (Plan.ProviderTotal total : planned.values()) {
            rows.add(new Row(
                    total.provider().value(),
                    Palette.series(rows.size()),
                    total.units(),
                    total.unitHours(),
                    total.cost(),
                    0,
                    0,
                    Money.ZERO));
        }
        return rows;
    }

    private String page(String description) {
        html.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>Tender: ")
                .append(Svg.escape(online.scenario()))
                .append(" planned in hindsight</title>\n<style>\n")
                .append(HtmlReport.STYLE)
                .append("</style></head><body>\n");
        svg.with("h1", "Tender: " + online.scenario() + ", planned in hindsight")
                .line();
        if (!description.isBlank()) {
            svg.with("p", description.strip()).line();
        }
        html.append("<section id=\"plan\">\n");
        svg.with("h2", TITLE).line();
        svg.with("p", verdict()).line();
        svg.with("p", bound()).line();
        figures();
        solve();
        shares();
        differences();
        html.append("</section>\n<section id=\"online\">\n");
        svg.with("h2", "The online engine's own report (its run with seed " + online.seed() + ")")
                .line();
        html.append(HtmlReport.sections(online, ""));
        html.append("</section>\n</body></html>\n");
        return html.toString();
    }

    /** What the plan comes to beside the online run, in a sentence. */
    private String verdict() {
        Money penalty = plan.unmetPenalty();
        Money planned = plan.planned().total(penalty);
        Money engine = plan.online().total(penalty);
        String comparison;
        if (planned.equals(engine)) {
            comparison = "the same as the online engine's";
        } else {
            Money by = planned.exceeds(engine) ? planned.minus(engine) : engine.minus(planned);
            comparison = dollars(by) + (engine.isPositive() ? " (" + Figures.percent(share(by, engine)) + ")" : "")
                    + (planned.exceeds(engine) ? " more" : " less") + " than the online engine's "
                    + dollars(engine);
        }
        return "With the whole demand known in advance, the plan comes to " + dollars(planned) + ": " + comparison
                + ". Both are valued the same way: what is paid, what the commitments still lack at their ends,"
                + " and each unmet unit-hour at " + dollars(penalty) + ".";
    }

    /** How close the plan is to the best any plan could be, or that nobody knows. */
    private String bound() {
        Plan.Solve solve = plan.solve();
        Money bound = solve.lowerBound();
        if (bound == null) {
            return "No lower bound was proved in the time allowed (the LP relaxation did not finish), so how far"
                    + " this plan is from the best possible is not known.";
        }
        Double gap = solve.gap();
        return "No plan can reach an objective below " + dollars(bound) + "; this plan's is "
                + dollars(plan.objective()) + (gap == null ? "" : ", within " + gap(gap) + " of that bound") + ".";
    }

    private void figures() {
        Money penalty = plan.unmetPenalty();
        Plan.Figures planned = plan.planned();
        Plan.Figures engine = plan.online();
        long onlineUnmet = online.unitsRequested() - online.unitsAwarded();
        List<List<String>> table = List.of(
                moneyRow("cost", planned.cost(), engine.cost()),
                moneyRow("commitment shortfall", planned.shortfall(), engine.shortfall()),
                countRow("unmet unit-hours", planned.unmetUnitHours(), engine.unmetUnitHours()),
                countRow("unmet units", plan.unmetUnits(), onlineUnmet),
                moneyRow("total", planned.total(penalty), engine.total(penalty)),
                moneyRow("first-look priority", planned.firstLookPriority(), engine.firstLookPriority()),
                moneyRow("objective", planned.objective(penalty), engine.objective(penalty)));
        svg.with("h3", "What each comes to").line();
        table(List.of("", "plan", "online", "difference"), table);
        note("The difference is the plan's figure less the online engine's: below zero, the plan does with less."
                + " The total is the cost, the shortfall and each unmet unit-hour at " + dollars(penalty)
                + ". The objective, which the planner minimises, adds the first-look priority: a weight on each"
                + " unit-hour of a request under a right of first refusal that someone other than the holder"
                + " serves, so that the holder is used first (ADR 0015); it is not money paid. The online"
                + " engine's unmet units are its summary's units requested less units awarded.");
    }

    private static List<String> moneyRow(String figure, Money planned, Money engine) {
        return List.of(figure, dollars(planned), dollars(engine), signed(planned.minus(engine)));
    }

    private static List<String> countRow(String figure, long planned, long engine) {
        return List.of(figure, whole(planned), whole(engine), signed(planned - engine));
    }

    private void solve() {
        Plan.Solve solve = plan.solve();
        Money bound = solve.lowerBound();
        Double gap = solve.gap();
        List<List<String>> table = List.of(
                List.of("objective", dollars(plan.objective())),
                List.of("lower bound", bound == null ? "none proved" : dollars(bound)),
                List.of("gap", gap == null ? "unknown: no bound" : gap(gap)),
                List.of("solve time", String.format(Locale.ROOT, "%.1f s", solve.solveSeconds())),
                List.of("found by", solve.foundBy()),
                List.of("start step", step(solve.startStep())),
                List.of("solver status", solve.status()),
                List.of("variables", whole(solve.variables())),
                List.of("constraints", whole(solve.constraints())));
        svg.with("h3", "How the plan was found").line();
        table(List.of("", ""), table);
        note("The gap is how far the objective may be above the best possible, as a share of the objective."
                + " Found by: which of the online engine's own decisions, the LP relaxation rounded and CP-SAT"
                + " gave the plan kept. A job may start at its own start and at every start step from the grid's"
                + " origin.");
    }

    private void shares() {
        html.append("<div class=\"keep\">\n");
        svg.with("h3", CHART).line();
        note("Unit-hours awarded to each provider over the whole run: the plan's bar solid, the online"
                + " engine's pale below it, each with its share of all the unit-hours of its side."
                + " In the chart figures are rounded to three significant digits.");
        html.append("<figure>\n");
        chart();
        html.append("</figure>\n</div>\n");
        long planHours = rows.stream().mapToLong(Row::planHours).sum();
        long onlineHours = rows.stream().mapToLong(Row::onlineHours).sum();
        List<List<String>> table = new ArrayList<>();
        for (Row row : rows) {
            table.add(List.of(
                    row.provider(),
                    "plan",
                    whole(row.planUnits()),
                    whole(row.planHours()),
                    dollars(row.planCost()),
                    Figures.percent(row.planHours(), planHours),
                    signed(row.difference())));
            table.add(List.of(
                    "",
                    "online",
                    whole(row.onlineUnits()),
                    whole(row.onlineHours()),
                    dollars(row.onlineCost()),
                    Figures.percent(row.onlineHours(), onlineHours),
                    ""));
        }
        table(List.of("provider", "side", "units", "unit-hours", "cost", "share", "difference"), table);
        note("Each provider's plan on one row and the online engine's on the next. The share is of all the"
                + " unit-hours its side awards; the difference is the plan's unit-hours less the online engine's.");
    }

    /** Two bars a provider, the plan's above the online engine's, on one scale of unit-hours. */
    private void chart() {
        long largest = 0;
        for (Row row : rows) {
            largest = Math.max(largest, Math.max(row.planHours(), row.onlineHours()));
        }
        Scale scale = Scale.of((double) largest, true);
        long planHours = rows.stream().mapToLong(Row::planHours).sum();
        long onlineHours = rows.stream().mapToLong(Row::onlineHours).sum();
        double bottom = TOP + GROUP * rows.size();
        double height = bottom + 44;
        svg.open(
                        "svg",
                        "class",
                        "chart",
                        "viewBox",
                        "0 0 " + Svg.number(TimeChart.WIDTH) + " " + Svg.number(height),
                        "role",
                        "img",
                        "aria-label",
                        CHART)
                .line();
        svg.with("title", CHART).line();
        svg.open("g", "class", "axis").line();
        for (double tick : scale.ticks()) {
            double x = LEFT + FULL * tick / scale.top();
            svg.empty("line", "class", "grid", "x1", x, "x2", x, "y1", TOP - 4, "y2", bottom, "stroke", "#ddd");
            svg.with("text", Figures.compact(tick), "x", x, "y", bottom + 16, "text-anchor", "middle")
                    .line();
        }
        svg.with("text", "unit-hours awarded", "x", LEFT + FULL / 2, "y", bottom + 34, "text-anchor", "middle")
                .line();
        svg.close("g");
        svg.open("g", "class", "legend").line();
        svg.empty("rect", "x", LEFT, "y", 8, "width", 14, "height", 10, "fill", Palette.INK);
        svg.with("text", "plan in hindsight", "x", LEFT + 20, "y", 17).line();
        svg.empty(
                "rect",
                "x",
                LEFT + 160,
                "y",
                8,
                "width",
                14,
                "height",
                10,
                "fill",
                Palette.INK,
                "fill-opacity",
                ONLINE_OPACITY,
                "stroke",
                Palette.INK);
        svg.with("text", "online engine", "x", LEFT + 180, "y", 17).line();
        for (int i = 0; i < rows.size(); i++) {
            svg.with(
                            "text",
                            rows.get(i).provider(),
                            "x",
                            LEFT - 8,
                            "y",
                            TOP + GROUP * i + BAR + BETWEEN / 2 + 4,
                            "text-anchor",
                            "end")
                    .line();
        }
        svg.close("g");
        svg.open("g", "class", "data").line();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            double top = TOP + GROUP * i;
            bar(row, "plan", row.planHours(), planHours, top, "1", scale);
            bar(row, "online", row.onlineHours(), onlineHours, top + BAR + BETWEEN, ONLINE_OPACITY, scale);
        }
        svg.close("g");
        svg.close("svg");
    }

    private void bar(Row row, String side, long hours, long all, double top, String opacity, Scale scale) {
        double width = FULL * hours / scale.top();
        String share = Figures.percent(hours, all);
        if (hours > 0) {
            svg.shape(
                    "rect",
                    row.provider() + ", " + side + ": " + whole(hours) + " unit-hours, " + share + " of all " + side,
                    "x",
                    LEFT,
                    "y",
                    top,
                    "width",
                    width,
                    "height",
                    BAR,
                    "fill",
                    row.colour(),
                    "fill-opacity",
                    opacity,
                    "stroke",
                    row.colour());
        }
        svg.with(
                        "text",
                        side + ": " + Figures.compact(hours) + " unit-hours, " + share,
                        "x",
                        LEFT + width + 6,
                        "y",
                        top + 11)
                .line();
    }

    /** The providers, and the months when the timeline has them, whose unit-hours differ most, in words. */
    private void differences() {
        svg.with("h3", "Where they differ most").line();
        List<Row> different = rows.stream()
                .filter(row -> row.difference() != 0)
                .sorted(Comparator.comparingLong((Row row) -> Math.abs(row.difference()))
                        .reversed()
                        .thenComparing(Row::provider))
                .limit(MOST)
                .toList();
        if (different.isEmpty()) {
            svg.with("p", "By provider: the plan gives every provider the unit-hours the online engine gave it.")
                    .line();
        } else {
            svg.with("p", "By provider, largest difference first:").line();
            html.append("<ul>\n");
            for (Row row : different) {
                svg.with(
                                "li",
                                row.provider() + ": " + more(row.difference()) + " in the plan ("
                                        + whole(row.planHours()) + " against " + whole(row.onlineHours()) + " online).")
                        .line();
            }
            html.append("</ul>\n");
        }
        months();
    }

    /**
     * The months by their difference in unit-hours, with the provider that accounts for most of it.
     * The plan's are exact, from its assignments; the online run's are its units in use on average
     * in each month times the month's hours, which the summary keeps rounded to whole units, so a
     * difference within that rounding is not told.
     */
    private void months() {
        Timeline timeline = online.timeline();
        if (timeline.months().isEmpty() || timeline.providers().isEmpty()) {
            return;
        }
        List<YearMonth> months =
                timeline.months().stream().map(YearMonth::parse).toList();
        Map<String, double[]> planned = plannedByMonth(months);
        Map<String, double[]> engine = new LinkedHashMap<>();
        for (Timeline.ProviderSeries series : timeline.providers()) {
            double[] hours = new double[months.size()];
            for (int m = 0; m < months.size(); m++) {
                hours[m] = series.inUse().get(m) * hoursIn(months.get(m));
            }
            engine.put(series.provider(), hours);
        }
        TreeSet<String> providers = new TreeSet<>(planned.keySet());
        providers.addAll(engine.keySet());
        record Month(int index, long planned, long engine, String provider, long providerDifference) {
            long difference() {
                return planned - engine;
            }
        }
        List<Month> found = new ArrayList<>();
        double[] none = new double[months.size()];
        for (int m = 0; m < months.size(); m++) {
            double plannedHours = 0;
            double engineHours = 0;
            String most = "";
            double mostDifference = 0;
            for (String provider : providers) {
                double p = planned.getOrDefault(provider, none)[m];
                double e = engine.getOrDefault(provider, none)[m];
                plannedHours += p;
                engineHours += e;
                if (Math.abs(p - e) > Math.abs(mostDifference)) {
                    most = provider;
                    mostDifference = p - e;
                }
            }
            double rounding = providers.size() * hoursIn(months.get(m)) / 2;
            if (Math.abs(plannedHours - engineHours) > rounding) {
                found.add(new Month(
                        m, Math.round(plannedHours), Math.round(engineHours), most, Math.round(mostDifference)));
            }
        }
        if (found.isEmpty()) {
            svg.with(
                            "p",
                            "By month: in no month do the plan's unit-hours differ from the online engine's by more"
                                    + " than the rounding of the online figures.")
                    .line();
            return;
        }
        svg.with("p", "By month, largest difference first:").line();
        html.append("<ul>\n");
        found.stream()
                .sorted(Comparator.comparingLong((Month month) -> Math.abs(month.difference()))
                        .reversed()
                        .thenComparingInt(Month::index))
                .limit(MOST)
                .forEach(month -> svg.with(
                                "li",
                                MONTH.format(months.get(month.index())) + ": " + more(month.difference())
                                        + " in the plan (" + whole(month.planned()) + " against about "
                                        + whole(month.engine()) + " online), most of it at " + month.provider()
                                        + " (" + signed(month.providerDifference()) + ").")
                        .line());
        html.append("</ul>\n");
        note("The plan's unit-hours by month are exact, from its assignments. The online engine's are its units"
                + " in use on average in each month times the month's hours, kept rounded to whole units: a month"
                + " whose difference is within that rounding is not named.");
    }

    /** Per provider, the unit-hours of the plan's assignments that fall in each month. */
    private Map<String, double[]> plannedByMonth(List<YearMonth> months) {
        Map<String, double[]> planned = new LinkedHashMap<>();
        for (Plan.Assignment a : plan.assignments()) {
            double[] hours = planned.computeIfAbsent(a.provider().value(), p -> new double[months.size()]);
            for (int m = 0; m < months.size(); m++) {
                Instant from = startOf(months.get(m));
                Instant to = startOf(months.get(m).plusMonths(1));
                Instant overlapFrom = a.start().isAfter(from) ? a.start() : from;
                Instant overlapTo = a.end().isBefore(to) ? a.end() : to;
                if (overlapTo.isAfter(overlapFrom)) {
                    hours[m] += a.units()
                            * (Duration.between(overlapFrom, overlapTo).toSeconds() / 3600.0);
                }
            }
        }
        return planned;
    }

    private static Instant startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    private static double hoursIn(YearMonth month) {
        return Duration.between(startOf(month), startOf(month.plusMonths(1))).toSeconds() / 3600.0;
    }

    /** {@code 1,200 unit-hours more}, {@code 300 unit-hours fewer}. */
    private static String more(long difference) {
        return whole(Math.abs(difference)) + " unit-hours " + (difference > 0 ? "more" : "fewer");
    }

    /** {@code PT672H} as {@code 28 days (PT672H)}; a step that is no duration as it is. */
    private static String step(String step) {
        try {
            Duration duration = Duration.parse(step);
            if (duration.isZero() || duration.isNegative()) {
                return step;
            }
            if (duration.toHoursPart() == 0 && duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0) {
                long days = duration.toDays();
                return days + (days == 1 ? " day" : " days") + " (" + step + ")";
            }
            return step;
        } catch (DateTimeParseException e) {
            return step;
        }
    }

    private void note(String text) {
        svg.with("p", text, "class", "note").line();
    }

    /**
     * A table whose columns of figures are aligned right, the rest left, as in the run's report; an
     * empty cell, as under a provider named on the row above, leaves its column as it is.
     */
    private void table(List<String> headers, List<List<String>> rows) {
        Tables.write(html, svg, headers, rows, PlanReport::isFigure);
    }

    /** {@code 42,767}, {@code -$1,234.50}, {@code +240}, {@code 20.9%}, {@code 20.7 s}. */
    private static boolean isFigure(String text) {
        return text.matches("[-+]?\\$?[0-9][0-9,.]*(%| s)?");
    }

    private static Money money(BigDecimal dollars) {
        return Money.ofDollars(dollars.setScale(6, RoundingMode.HALF_UP));
    }

    private static double share(Money part, Money whole) {
        return (double) part.micros() / whole.micros();
    }

    /** A fraction as a percentage with two decimals: a gap is read closely. */
    private static String gap(double fraction) {
        return String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    private static String dollars(Money amount) {
        String exact = dev.tender.text.Figures.dollars(amount);
        return exact.startsWith("-") ? "-$" + exact.substring(1) : "$" + exact;
    }

    private static String signed(Money amount) {
        return (amount.isPositive() ? "+" : "") + dollars(amount);
    }

    private static String whole(long value) {
        return dev.tender.text.Figures.whole(value);
    }

    private static String signed(long value) {
        return (value > 0 ? "+" : "") + whole(value);
    }
}
