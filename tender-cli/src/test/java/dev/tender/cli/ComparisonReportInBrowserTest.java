package dev.tender.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.cli.browser.HeadlessChromium;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.logging.LogEntry;

/** The comparison's report as a person sees it, in a real browser: the seed story's variants, three runs each. */
class ComparisonReportInBrowserTest {

    static final Path SCREENSHOT = Path.of("target", "screenshots", "compare-report.png");

    static final List<String> HEADLINE_CHARTS = List.of(
            "Cost: difference to base",
            "Cost per unit-hour: difference to base",
            "Unmet units: difference to base",
            "Time to capacity, mean: difference to base",
            "Time to capacity, 90th percentile: difference to base");

    @TempDir
    static Path out;

    static HeadlessChromium chromium;
    static List<LogEntry> console;

    @BeforeAll
    static void openTheComparison() throws IOException {
        StringWriter said = new StringWriter();
        int exit = Main.execute(
                new String[] {"compare", CommandLineTest.SEED_STORY.toString(), "--runs", "3", "--out", out.toString()},
                new PrintWriter(said, true),
                new PrintWriter(said, true));
        assertThat(exit).as(said.toString()).isZero();
        chromium = HeadlessChromium.start(HeadlessChromium.Installation.DEBIAN, Path.of("target", "chromium"));
        chromium.open(out.resolve(ScenarioRun.REPORT));
        console = chromium.console();
    }

    @AfterAll
    static void closeTheBrowser() {
        if (chromium != null) {
            chromium.close();
        }
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
    void theComparisonComesFirstWithAChartPerHeadlineFigureThenEachVariantsOwnCharts() {
        List<String> labels = List.copyOf(charts().keySet());
        assertThat(labels.subList(0, HEADLINE_CHARTS.size())).containsExactlyElementsOf(HEADLINE_CHARTS);
        assertThat(labels).containsAll(DemoReportInBrowserTest.NAMED_CHARTS);
    }

    @Test
    void everyChartDrawsMarks() {
        assertThat(charts())
                .allSatisfy((label, marks) -> assertThat(marks).as(label).isPositive());
    }

    @Test
    void aScreenshotOfTheWholePageIsSaved() throws IOException {
        Files.deleteIfExists(SCREENSHOT);
        chromium.saveFullPage(SCREENSHOT);
        assertThat(SCREENSHOT).isNotEmptyFile();
        assertThat(Files.readAllBytes(SCREENSHOT)).startsWith(0x89, 'P', 'N', 'G');
    }
}
