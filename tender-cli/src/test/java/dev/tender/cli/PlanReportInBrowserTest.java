package dev.tender.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.catalog.AcceleratorId;
import dev.tender.cli.browser.HeadlessChromium;
import dev.tender.demand.RequestId;
import dev.tender.money.Money;
import dev.tender.plan.Plan;
import dev.tender.provider.ProviderId;
import dev.tender.provider.SiteId;
import dev.tender.report.Summary;
import dev.tender.report.SummaryCollector;
import dev.tender.scenario.ScenarioReader;
import dev.tender.sim.Simulation;
import dev.tender.summary.PlanReport;
import dev.tender.world.Scenario;
import java.io.IOException;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.logging.LogEntry;

/**
 * The plan's report as a person sees it, in a real browser: the seed story played online, beside a
 * plan made by hand that moves unit-hours from one provider to the others.
 */
class PlanReportInBrowserTest {

    static final Path SCREENSHOT = Path.of("target", "screenshots", "plan-report.png");

    static final String PLAN_CHART = "Unit-hours by provider: the plan in hindsight and the online engine";

    /** Where the first chart is, and which section comes first. */
    static final String FIRST = """
            const section = document.querySelector('section');
            const chart = document.querySelector('svg');
            return { section: section ? section.id : '', chartIn: chart ? chart.closest('section').id : '',
                     heading: section ? section.querySelector('h2').textContent : '' };
            """;

    @TempDir
    static Path out;

    static Plan plan;
    static HeadlessChromium chromium;
    static List<LogEntry> console;

    @BeforeAll
    static void openThePlansReport() throws IOException {
        Scenario scenario =
                ((ScenarioReader.Result.Loaded) new ScenarioReader().read(CommandLineTest.SEED_STORY)).scenario();
        SummaryCollector collector = new SummaryCollector(scenario.world(), scenario.start(), scenario.end());
        new Simulation(scenario, collector).run(Simulation.Progress.NONE);
        Summary online = collector.summary(scenario.name(), scenario.seed());
        Path report = out.resolve(ScenarioRun.REPORT);
        plan = plan(online);
        PlanReport.write(plan, online, scenario.description(), report);
        chromium = HeadlessChromium.start(HeadlessChromium.Installation.DEBIAN, Path.of("target", "chromium"));
        chromium.open(report);
        console = chromium.console();
    }

    @AfterAll
    static void closeTheBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    /**
     * A plan by hand: each provider the online run used gets one job of 90 days from a month into
     * the run, the first 20 % more unit-hours than online, the others 10 % fewer each.
     */
    static Plan plan(Summary online) {
        List<Plan.Assignment> assignments = new ArrayList<>();
        Money cost = Money.ZERO;
        long hours = Duration.ofDays(90).toHours();
        for (int i = 0; i < online.providers().size(); i++) {
            Summary.ProviderShare share = online.providers().get(i);
            if (share.unitHours() == 0) {
                continue;
            }
            double factor = i == 0 ? 1.2 : 0.9 - 0.1 * i;
            int units = (int) Math.max(1, Math.round(share.unitHours() * factor / hours));
            Instant start = online.start().plus(Duration.ofDays(30L * (i + 1)));
            Money price = Money.ofDollars(6);
            Money paid = price.times(units * hours);
            cost = cost.plus(paid);
            assignments.add(new Plan.Assignment(
                    new RequestId("plan-" + i),
                    new ProviderId(share.provider()),
                    new SiteId(share.provider() + "-site"),
                    new AcceleratorId("H100"),
                    units,
                    start,
                    start.plus(Duration.ofHours(hours)),
                    price,
                    paid));
        }
        Money onlineCost = Money.ofDollars(online.cost().setScale(6, RoundingMode.HALF_UP));
        return new Plan(
                new Plan.Solve(cost.scaled(0.97), 0.03, 21.4, "CP-SAT", "FEASIBLE", 114_193, 1_338, "PT672H"),
                Money.ofDollars(110),
                new Plan.Figures(cost, Money.ZERO, 1_000, Money.ZERO),
                new Plan.Figures(onlineCost, Money.ofDollars(5_000_000), 250_000, Money.ofDollars(40_000)),
                assignments,
                List.of(new Plan.Unmet(new RequestId("plan-unmet"), 10)),
                List.of());
    }

    /** Each chart's label and how many marks it drew, found as the demo's report test finds them. */
    static Map<String, Long> charts() {
        List<?> found = (List<?>) chromium.evaluate(DemoReportInBrowserTest.CHARTS);
        assertThat(found).as("the charts the page's script found").isNotNull();
        Map<String, Long> charts = new LinkedHashMap<>();
        for (Object chart : found) {
            Map<?, ?> c = (Map<?, ?>) chart;
            if (!(c.get("marks") instanceof Number marks)) {
                throw new AssertionError("the page's script gave no marks: " + c);
            }
            charts.merge(String.valueOf(c.get("label")), marks.longValue(), Math::min);
        }
        return charts;
    }

    @Test
    void thePageWritesNoErrorToTheConsole() {
        assertThat(console)
                .filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .isEmpty();
    }

    @Test
    void thePlansSectionComesFirstAndHoldsTheFirstChart() {
        Map<?, ?> first = (Map<?, ?>) chromium.evaluate(FIRST);
        assertThat(first).isNotNull();
        assertThat(first.get("section")).isEqualTo("plan");
        assertThat(first.get("chartIn")).isEqualTo("plan");
        assertThat(first.get("heading")).isEqualTo("The plan in hindsight beside the online engine");
    }

    @Test
    void thePlansChartComesFirstAndDrawsABarForEveryProviderOnEachSide() {
        Map<String, Long> charts = charts();
        assertThat(charts.keySet()).first().isEqualTo(PLAN_CHART);
        // Every provider the plan uses was used online too: a bar for each side.
        assertThat(charts.get(PLAN_CHART))
                .isEqualTo(2L * plan.byProvider().size())
                .isPositive();
        assertThat(charts.keySet()).containsAll(DemoReportInBrowserTest.NAMED_CHARTS);
    }

    @Test
    void everyChartDrawsMarks() {
        assertThat(charts())
                .allSatisfy((label, marks) -> assertThat(marks).as(label).isPositive());
    }

    @Test
    void noLabelRunsPastItsChartOrOverAnother() {
        assertThat((List<?>) chromium.evaluate(DemoReportInBrowserTest.CROWDED_TEXT))
                .isEmpty();
    }

    @Test
    void aScreenshotOfTheWholePageIsSaved() throws IOException {
        Files.deleteIfExists(SCREENSHOT);
        chromium.saveFullPage(SCREENSHOT);
        assertThat(SCREENSHOT).isNotEmptyFile();
        assertThat(Files.readAllBytes(SCREENSHOT)).startsWith(0x89, 'P', 'N', 'G');
    }
}
