package dev.tender.summary;

import static dev.tender.summary.ReportFixture.SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.report.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    static final String HTML = HtmlReport.text(SUMMARY, "A <small> story");

    static final String MARKER = "21 Jan 2025: azure-exclusive ends; azure-rofr, azure-commitment start";

    static final List<String> TIME_CHARTS = List.of(
            "Agreements in force",
            "Requests per month by route",
            "Offers per month by outcome",
            "Units in use by provider against capacity online, in H100-equivalents",
            "Unmet units per month by cause",
            "Spend counted toward azure-commitment against its amount");

    /** Each chart's markup by its title, in the order of the page. */
    static Map<String, String> charts() {
        Map<String, String> charts = new LinkedHashMap<>();
        Matcher svg = Pattern.compile("<svg[^>]*>\\s*<title>([^<]*)</title>.*?</svg>", Pattern.DOTALL)
                .matcher(HTML);
        while (svg.find()) {
            charts.put(svg.group(1), svg.group());
        }
        return charts;
    }

    /** The chart titled {@code title}; fails the test when the report has none. */
    static String chart(String title) {
        String chart = charts().get(title);
        if (chart == null) {
            throw new AssertionError("the report has no chart titled '" + title + "': " + charts().keySet());
        }
        return chart;
    }

    static List<String> all(String regex, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex, Pattern.DOTALL).matcher(text);
        while (matcher.find()) {
            found.add(matcher.groupCount() > 0 ? matcher.group(1) : matcher.group());
        }
        return found;
    }

    /** The data group of a chart: what is drawn, without frame, legend or markers. */
    static String data(String chart) {
        return chart.substring(
                chart.indexOf("<g class=\"data\">"), chart.indexOf("</g>", chart.indexOf("<g class=\"data\">")));
    }

    @Test
    void theHeadlineSaysThePeriodTheOutcomesAndTheNumberRule() {
        assertThat(HTML)
                .startsWith("<!doctype html>")
                .contains("<title>Tender: seed-story</title>")
                .contains("A &lt;small&gt; story")
                .contains("1 Jan 2025 to 1 Jul 2025, seed 7. 10 requests: 7 fulfilled, 2 partial, 1 unfulfilled")
                .contains("800 of 1k units awarded (80.0%), $480k.")
                .contains(Figures.RULE);
    }

    @Test
    void everyChartIsThereWithItsTitle() {
        assertThat(charts().keySet())
                .containsExactly(
                        "Agreements in force",
                        "Requests per month by route",
                        "Offers per month by outcome",
                        "Units in use by provider against capacity online, in H100-equivalents",
                        "Each provider's share of units awarded",
                        "Unmet units per month by cause",
                        "Spend counted toward azure-commitment against its amount");
        charts().keySet().forEach(title -> assertThat(HTML).contains("<h2>" + title + "</h2>"));
    }

    @Test
    void theChartsTakeThePagesWidthAndThePagePrintsWell() {
        assertThat(all("<svg[^>]*>", HTML)).hasSize(7).allSatisfy(tag -> assertThat(tag)
                .contains("viewBox=\"0 0 880 ")
                .doesNotContain(" width=")
                .doesNotContain(" height="));
        assertThat(HTML)
                .contains("svg.chart{display:block;width:100%;height:auto}")
                .contains("@media print{")
                .contains("figure,table,.keep{break-inside:avoid;page-break-inside:avoid}")
                .doesNotContain("<script");
    }

    @Test
    void everyChartOverTimeMarksTheDayTheClausesChange() {
        for (String title : TIME_CHARTS) {
            assertThat(chart(title))
                    .as(title)
                    .contains("<g class=\"marker\"><title>" + MARKER + "</title>")
                    .contains(">" + MARKER + "</text>");
        }
    }

    @Test
    void theFrameIsClassedSoOnlyDataIsDataMarks() {
        for (String chart : charts().values()) {
            assertThat(chart)
                    .contains("class=\"axis\"")
                    .contains("class=\"legend\"")
                    .contains("class=\"data\"");
        }
        assertThat(chart("Requests per month by route")).contains("class=\"grid\"");
    }

    @Nested
    class ValueAxes {

        static List<String> ticks(String chart) {
            return all("<text x=\"66\" y=\"[0-9.]+\" text-anchor=\"end\">([^<]*)</text>", chart);
        }

        @Test
        void tickAtRoundNumbersWrittenByTheOneRule() {
            assertThat(ticks(chart("Units in use by provider against capacity online, in H100-equivalents")))
                    .containsExactly("0", "500", "1k", "1.5k", "2k");
            assertThat(ticks(chart("Unmet units per month by cause")))
                    .containsExactly("0", "25", "50", "75", "100", "125", "150");
            assertThat(ticks(chart("Spend counted toward azure-commitment against its amount")))
                    .containsExactly("0", "100k", "200k", "300k", "400k");
        }

        @Test
        void sayWhatTheirUnitIs() {
            assertThat(chart("Units in use by provider against capacity online, in H100-equivalents"))
                    .contains(">H100-equivalents</text>");
            assertThat(chart("Requests per month by route")).contains(">requests</text>");
            assertThat(chart("Offers per month by outcome")).contains(">offers</text>");
            assertThat(chart("Unmet units per month by cause")).contains(">units</text>");
            assertThat(chart("Spend counted toward azure-commitment against its amount"))
                    .contains(">USD</text>");
        }
    }

    @Nested
    class UnitsInUse {

        final String chart = chart("Units in use by provider against capacity online, in H100-equivalents");

        @Test
        void theCapacityOnlineIsAStepNotARamp() {
            String capacity = all("<path d=\"([^\"]*)\" fill=\"none\"", chart).get(0);
            // Only level and upright strokes after the first point: a month at one height, then
            // straight up or down to the next month's.
            assertThat(capacity).matches("M[0-9.]+,[0-9.]+( [HV][0-9.]+)+");
            assertThat(capacity).contains("H282.7 V34");
        }

        @Test
        void eachProviderIsABandOfLevelAndUprightStrokes() {
            List<String> bands = all("<path d=\"([^\"]*)\" fill=\"#", chart);
            assertThat(bands).hasSize(2).allMatch(d -> d.matches("M[0-9.]+,[0-9.]+( [HV][0-9.]+)+ Z"));
        }

        @Test
        void theLegendReadsDownTheStack() {
            assertThat(all("<g class=\"legend\">.*?</g>", chart).get(0))
                    .containsSubsequence(">capacity online<", ">azure<", ">oracle<");
            // Drawn from the bottom up: oracle first, azure over it.
            assertThat(data(chart)).containsSubsequence("<title>oracle:", "<title>azure:");
        }

        @Test
        void aProviderKeepsItsColourOnEveryChart() {
            assertThat(chart).contains("fill=\"#0072B2\" fill-opacity=\"0.85\"");
            assertThat(chart("Each provider's share of units awarded"))
                    .contains("<title>azure (Microsoft Azure): 75.0% · 600 units · $360k</title>")
                    .contains("fill=\"#0072B2\"");
        }

        @Test
        void theNoteSaysHowAcceleratorsAreWeighed() {
            assertThat(HTML).contains("An H100-equivalent weighs an accelerator by its speed: GB200 2.5, H100 1.");
        }
    }

    @Test
    void routesOffersAndUnmetUnitsAreStackedBarsWithTheirTables() {
        assertThat(data(chart("Requests per month by route")))
                .contains("<title>2025-01, exclusive: 3 requests</title>")
                .contains("<title>2025-04, first look: 2 requests</title>");
        assertThat(all("<g class=\"legend\">.*?</g>", chart("Offers per month by outcome"))
                        .get(0))
                .containsSubsequence(">accepted<", ">partial<", ">declined<", ">lapsed<");
        assertThat(HTML)
                .contains(
                        "<tr><td>first look</td><td>ROFR_FIRST_LOOK</td><td class=\"n\">7</td><td class=\"n\">70.0%</td></tr>")
                .contains(
                        "<tr><td>azure</td><td>ROFR</td><td class=\"n\">7</td><td class=\"n\">3</td><td class=\"n\">2</td>"
                                + "<td class=\"n\">1</td><td class=\"n\">1</td><td class=\"n\">900</td><td class=\"n\">500</td></tr>");
    }

    @Test
    void unmetUnitsFollowThePrecedenceAndSayIt() {
        assertThat(HTML)
                .contains("Each short request is filed under the first cause that applies, in this order: withdrawn,"
                        + " exclusive, no-provider, no-answer, over-max-price, no-capacity.")
                .containsSubsequence(
                        "<tr><td>withdrawn</td><td class=\"n\">0</td>",
                        "<tr><td>exclusive</td><td class=\"n\">150</td><td class=\"n\">75.0%</td></tr>",
                        "<tr><td>no-capacity</td><td class=\"n\">50</td><td class=\"n\">25.0%</td></tr>");
        assertThat(all("<g class=\"legend\">.*?</g>", chart("Unmet units per month by cause"))
                        .get(0))
                .containsSubsequence(">exclusive<", ">no-capacity<")
                .doesNotContain(">withdrawn<");
    }

    @Test
    void theCommitmentChartMarksTheDayItWasMet() {
        String chart = chart("Spend counted toward azure-commitment against its amount");

        assertThat(chart)
                .contains(">met on 10 Apr 2025</text>")
                .contains(">amount $300k</text>")
                .contains("<title>azure-commitment: $360k counted by the end, of $300k</title>");
        assertThat(HTML).contains("<td>10 Apr 2025</td>");
    }

    @Test
    void theAgreementsChartHasABarPerClauseInForceAndAnArrowForThoseWithoutEnd() {
        String chart = data(chart("Agreements in force"));

        assertThat(all("<rect", chart)).hasSize(4);
        assertThat(all("<polygon", chart)).hasSize(2);
        assertThat(chart)
                .contains(">azure-exclusive: exclusive with azure, 22 Jul 2019 to 21 Jan 2025</text>")
                .contains(">azure-rofr: right of first refusal with azure, from 21 Jan 2025, open-ended</text>");
    }

    @Test
    void theSameSummaryWritesTheSameBytes() {
        assertThat(HtmlReport.text(SUMMARY, "A <small> story")).isEqualTo(HTML);
    }

    @Test
    void unitsThatWentUnmetAfterTheRunsEndAreSaidToBeInTheTableOnly() {
        Summary s = SUMMARY;
        Summary closingLate = new Summary(
                s.scenario(),
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
                Map.of("exclusive", 150L, "no-capacity", 90L),
                s.commitments(),
                s.timeline(),
                s.timeToCapacity());

        assertThat(HTML).doesNotContain("came after the run's end");
        assertThat(HtmlReport.text(closingLate, ""))
                .contains("40 unmet units came after the run's end: in the table, not in the chart.");
    }
}
