package dev.tender.summary;

import static dev.tender.summary.ReportFixture.SUMMARY;
import static dev.tender.summary.ReportFixture.longs;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.agreement.AgreementId;
import dev.tender.catalog.AcceleratorId;
import dev.tender.demand.RequestId;
import dev.tender.money.Money;
import dev.tender.plan.Plan;
import dev.tender.provider.ProviderId;
import dev.tender.provider.SiteId;
import dev.tender.report.Summary;
import dev.tender.report.Timeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plan's report for a plan made by hand beside the report fixture's online run: azure 600 units
 * and 60,000 unit-hours, oracle 200 and 20,000 online; the plan gives azure 12,000 unit-hours in
 * February, oracle 48,000 in March, and coreweave, which the online run never used, 240 in April.
 */
class PlanReportTest {

    static final Money PENALTY = Money.ofDollars(60);

    static final Plan.Solve PROVED =
            new Plan.Solve(Money.ofDollars(300_000), 0.0594433, 20.73, "CP-SAT", "FEASIBLE", 114_193, 1_338, "PT672H");

    static Plan.Assignment assignment(
            String request, String provider, int units, String start, String end, long price) {
        Instant from = Instant.parse(start);
        Instant to = Instant.parse(end);
        long hours = (to.getEpochSecond() - from.getEpochSecond()) / 3600;
        return new Plan.Assignment(
                new RequestId(request),
                new ProviderId(provider),
                new SiteId(provider + "-site"),
                new AcceleratorId("H100"),
                units,
                from,
                to,
                Money.ofDollars(price),
                Money.ofDollars(price).times(units * hours));
    }

    static Plan plan(Plan.Solve solve) {
        return new Plan(
                solve,
                PENALTY,
                new Plan.Figures(Money.ofDollars(312_960), Money.ZERO, 100, Money.ZERO),
                new Plan.Figures(Money.ofDollars(480_000), Money.ofDollars(10_000), 20_000, Money.ofDollars("1234.50")),
                List.of(
                        assignment("r-1", "azure", 50, "2025-02-01T00:00:00Z", "2025-02-11T00:00:00Z", 6),
                        assignment("r-2", "oracle", 100, "2025-03-01T00:00:00Z", "2025-03-21T00:00:00Z", 5),
                        assignment("r-3", "coreweave", 10, "2025-04-01T00:00:00Z", "2025-04-02T00:00:00Z", 4)),
                List.of(new Plan.Unmet(new RequestId("r-4"), 5)),
                List.of(new Plan.CommitmentOutcome(
                        new AgreementId("azure-commitment"),
                        new ProviderId("azure"),
                        Money.ofDollars(60_000),
                        Money.ofDollars(72_000),
                        Money.ZERO)));
    }

    static final String HTML = PlanReport.text(plan(PROVED), SUMMARY, "A <small> & \"quoted\" story");

    /** The plan's section: from its opening tag to the online run's. */
    static String section(String html) {
        return html.substring(html.indexOf("<section id=\"plan\">"), html.indexOf("<section id=\"online\">"));
    }

    /** The cells of each row of the plan section's tables, as written, escaped. */
    static List<List<String>> rows(String html) {
        return HtmlReportTest.all("<tr>(.*?)</tr>", section(html)).stream()
                .map(row -> HtmlReportTest.all("<t[dh][^>]*>(.*?)</t[dh]>", row))
                .toList();
    }

    static Summary copy(Summary s, String scenario, Timeline timeline) {
        return new Summary(
                scenario,
                s.seed(),
                s.start(),
                s.end(),
                s.requests(),
                s.unitsRequested(),
                s.unitsAwarded(),
                s.unitHoursAwarded(),
                s.cost(),
                s.routes(),
                s.providers(),
                s.workloads(),
                s.rofr(),
                s.offers(),
                s.exclusivity(),
                s.unmetCausePrecedence(),
                s.unmetUnitsByCause(),
                s.commitments(),
                timeline,
                s.timeToCapacity());
    }

    @Test
    void thePlansSectionComesFirstThenTheOnlineRunsOwnReport() {
        assertThat(HTML)
                .startsWith("<!doctype html>")
                .contains("<title>Tender: seed-story planned in hindsight</title>")
                .containsSubsequence(
                        "<h1>Tender: seed-story, planned in hindsight</h1>",
                        "<section id=\"plan\">",
                        "<h2>The plan in hindsight beside the online engine</h2>",
                        "<section id=\"online\">",
                        "<h2>The online engine's own report (its run with seed 7)</h2>",
                        "<h1>Tender: seed-story</h1>",
                        "Each provider's share of units awarded")
                .doesNotContain("<script");
        assertThat(HTML.indexOf("<section")).isEqualTo(HTML.indexOf("<section id=\"plan\">"));
    }

    @Test
    void theVerdictSaysWhatThePlanSavesValuedTheSameWay() {
        assertThat(section(HTML))
                .contains("With the whole demand known in advance, the plan comes to $318,960.00:"
                        + " $1,371,040.00 (81.1%) less than the online engine's $1,690,000.00."
                        + " Both are valued the same way: what is paid, what the commitments still lack at their"
                        + " ends, and each unmet unit-hour at $60.00.")
                .contains("No plan can reach an objective below $300,000.00; this plan's is $318,960.00,"
                        + " within 5.94% of that bound.");
    }

    @Test
    void theFiguresArePlanOnlineAndTheirDifferenceExactly() {
        assertThat(rows(HTML))
                .containsSubsequence(
                        List.of("", "plan", "online", "difference"),
                        List.of("cost", "$312,960.00", "$480,000.00", "-$167,040.00"),
                        List.of("commitment shortfall", "$0.00", "$10,000.00", "-$10,000.00"),
                        List.of("unmet unit-hours", "100", "20,000", "-19,900"),
                        List.of("unmet units", "5", "200", "-195"),
                        List.of("total", "$318,960.00", "$1,690,000.00", "-$1,371,040.00"),
                        List.of("first-look priority", "$0.00", "$1,234.50", "-$1,234.50"),
                        List.of("objective", "$318,960.00", "$1,691,234.50", "-$1,372,274.50"));
    }

    @Test
    void theSolveFiguresSayHowThePlanWasFound() {
        assertThat(rows(HTML))
                .containsSubsequence(
                        List.of("objective", "$318,960.00"),
                        List.of("lower bound", "$300,000.00"),
                        List.of("gap", "5.94%"),
                        List.of("solve time", "20.7 s"),
                        List.of("found by", "CP-SAT"),
                        List.of("start step", "28 days (PT672H)"),
                        List.of("solver status", "FEASIBLE"),
                        List.of("variables", "114,193"),
                        List.of("constraints", "1,338"));
    }

    @Nested
    class WithoutABound {

        static final Plan.Solve UNPROVED =
                new Plan.Solve(null, null, 90.0, "online engine", "UNKNOWN", 3_000, 200, "PT24H");
        final String html = PlanReport.text(plan(UNPROVED), SUMMARY, "");

        @Test
        void itSaysPlainlyThatNoBoundWasProved() {
            assertThat(section(html))
                    .contains("No lower bound was proved in the time allowed (the LP relaxation did not finish),"
                            + " so how far this plan is from the best possible is not known.")
                    .doesNotContain("of that bound");
            assertThat(rows(html))
                    .containsSubsequence(
                            List.of("lower bound", "none proved"),
                            List.of("gap", "unknown: no bound"),
                            List.of("solve time", "90.0 s"),
                            List.of("found by", "online engine"),
                            List.of("start step", "1 day (PT24H)"));
        }
    }

    @Nested
    class Shares {

        final String chart =
                HtmlReportTest.all("<svg[^>]*>.*?</svg>", section(HTML)).get(0);

        @Test
        void eachProviderOfEitherSideHasThePlansRowThenTheOnlineRunsWithTheirDifference() {
            assertThat(rows(HTML))
                    .containsSubsequence(
                            List.of("provider", "side", "units", "unit-hours", "cost", "share", "difference"),
                            List.of("azure", "plan", "50", "12,000", "$72,000.00", "19.9%", "-48,000"),
                            List.of("", "online", "600", "60,000", "$360,000.00", "75.0%", ""),
                            List.of("oracle", "plan", "100", "48,000", "$240,000.00", "79.7%", "+28,000"),
                            List.of("", "online", "200", "20,000", "$120,000.00", "25.0%", ""),
                            List.of("coreweave", "plan", "10", "240", "$960.00", "0.4%", "+240"),
                            List.of("", "online", "0", "0", "$0.00", "0.0%", ""));
            assertThat(section(HTML))
                    .contains("<th>provider</th><th>side</th><th class=\"n\">units</th>")
                    .contains("<td>azure</td><td>plan</td><td class=\"n\">50</td>")
                    .contains("<td class=\"n\">-48,000</td></tr>")
                    .contains("<td class=\"n\"></td></tr>");
        }

        @Test
        void theChartDrawsTwoBarsAProviderInItsColourTheOnlineOnesPale() {
            assertThat(chart)
                    .contains("aria-label=\"" + PlanReport.CHART + "\"")
                    .contains("<title>" + PlanReport.CHART + "</title>")
                    .contains("viewBox=\"0 0 880 ");
            String data = HtmlReportTest.data(chart);
            assertThat(HtmlReportTest.all("<rect", data)).hasSize(5);
            assertThat(data)
                    .containsSubsequence(
                            "<title>azure, plan: 12,000 unit-hours, 19.9% of all plan</title>",
                            "<title>azure, online: 60,000 unit-hours, 75.0% of all online</title>",
                            "<title>oracle, plan:",
                            "<title>oracle, online:",
                            "<title>coreweave, plan: 240 unit-hours, 0.4% of all plan</title>")
                    .contains("fill=\"#0072B2\" fill-opacity=\"1\"")
                    .contains("fill=\"#0072B2\" fill-opacity=\"0.35\"")
                    .contains("fill=\"#E69F00\" fill-opacity=\"1\"")
                    .contains("fill=\"#009E73\" fill-opacity=\"1\"")
                    .contains(">online: 0 unit-hours, 0.0%</text>");
        }

        @Test
        void theScaleRunsToARoundNumberOfUnitHours() {
            assertThat(HtmlReportTest.all("text-anchor=\"middle\">([^<]*)</text>", chart))
                    .containsExactly("0", "10k", "20k", "30k", "40k", "50k", "60k", "unit-hours awarded");
        }
    }

    @Nested
    class WhereTheyDifferMost {

        @Test
        void theProvidersComeLargestDifferenceFirstInWords() {
            assertThat(section(HTML))
                    .containsSubsequence(
                            "<p>By provider, largest difference first:</p>",
                            "<li>azure: 48,000 unit-hours fewer in the plan (12,000 against 60,000 online).</li>",
                            "<li>oracle: 28,000 unit-hours more in the plan (48,000 against 20,000 online).</li>",
                            "<li>coreweave: 240 unit-hours more in the plan (240 against 0 online).</li>");
        }

        @Test
        void theMonthsComeLargestDifferenceFirstWithTheProviderThatMadeMostOfIt() {
            // Online: units in use on average times the month's hours; May has 744, June and April 720.
            assertThat(section(HTML))
                    .containsSubsequence(
                            "<p>By month, largest difference first:</p>",
                            "<li>May 2025: 595,200 unit-hours fewer in the plan (0 against about 595,200 online),"
                                    + " most of it at azure (-446,400).</li>",
                            "<li>June 2025: 576,000 unit-hours fewer",
                            "<li>April 2025: 575,760 unit-hours fewer in the plan (240 against about 576,000"
                                    + " online), most of it at azure (-432,000).</li>",
                            "<li>March 2025: 547,200 unit-hours fewer in the plan (48,000 against about 595,200"
                                    + " online), most of it at azure (-446,400).</li>",
                            "<li>February 2025: 256,800 unit-hours fewer")
                    .doesNotContain("<li>January 2025");
        }

        @Test
        void aMonthWithinTheRoundingOfTheOnlineFiguresIsNotNamed() {
            // 17 units on average through February's 672 hours: 11,424 against the plan's 12,000.
            Timeline february = new Timeline(
                    List.of("2025-02"),
                    List.of(new Timeline.ProviderSeries(
                            "azure", longs(1000), longs(17), longs(1000), longs(17), List.of())),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of());
            String html = PlanReport.text(plan(PROVED), copy(SUMMARY, "seed-story", february), "");
            assertThat(section(html))
                    .contains("By month: in no month do the plan's unit-hours differ from the online engine's")
                    .doesNotContain("<li>February 2025");
        }

        @Test
        void aPlanThatGivesEveryProviderWhatTheOnlineRunDidSaysSo() {
            Plan same = new Plan(
                    PROVED,
                    PENALTY,
                    plan(PROVED).planned(),
                    plan(PROVED).online(),
                    List.of(
                            assignment("r-1", "azure", 100, "2025-02-01T00:00:00Z", "2025-02-26T00:00:00Z", 6),
                            assignment("r-2", "oracle", 100, "2025-03-01T00:00:00Z", "2025-03-09T08:00:00Z", 6)),
                    List.of(),
                    List.of());
            assertThat(section(PlanReport.text(same, SUMMARY, "")))
                    .contains("By provider: the plan gives every provider the unit-hours the online engine gave it.");
        }
    }

    @Test
    void everythingTheReportIsGivenIsEscaped() {
        Plan.Solve odd = new Plan.Solve(null, null, 1, "CP-SAT <after> LP & \"rounding\"", "<ok>", 1, 1, "<step>");
        String html = PlanReport.text(plan(odd), copy(SUMMARY, "a<b>&c", SUMMARY.timeline()), "A <small> & story");
        assertThat(html)
                .contains("<title>Tender: a&lt;b&gt;&amp;c planned in hindsight</title>")
                .contains("<h1>Tender: a&lt;b&gt;&amp;c, planned in hindsight</h1>")
                .contains("<p>A &lt;small&gt; &amp; story</p>")
                .contains("<td>CP-SAT &lt;after&gt; LP &amp; &quot;rounding&quot;</td>")
                .contains("<td>&lt;ok&gt;</td>")
                .contains("<td>&lt;step&gt;</td>")
                .doesNotContain("<small>")
                .doesNotContain("<after>")
                .doesNotContain("<ok>")
                .doesNotContain("<step>")
                .doesNotContain("a<b>");
        assertThat(HTML).contains("<p>A &lt;small&gt; &amp; &quot;quoted&quot; story</p>");
    }

    @Test
    void theSamePlanAndRunAlwaysGiveTheSameBytes(@TempDir Path out) throws IOException {
        Path file = out.resolve("report.html");
        PlanReport.write(plan(PROVED), SUMMARY, "A <small> & \"quoted\" story", file);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(HTML);
    }
}
