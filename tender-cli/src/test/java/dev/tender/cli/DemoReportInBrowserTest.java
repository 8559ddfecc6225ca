package dev.tender.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.cli.browser.HeadlessChromium;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.logging.LogEntry;

/**
 * The demo's report as a person sees it: the seed story is played, and a real browser opens
 * {@code report.html} and looks at every chart in it, however many there are.
 */
class DemoReportInBrowserTest {

    static final Path SCREENSHOT = Path.of("target", "screenshots", "demo-report.png");

    /** The charts the seed story's report must have, by title: the story it tells, in order. */
    static final List<String> NAMED_CHARTS = List.of(
            "Agreements in force",
            "Requests per month by route",
            "Offers per month by outcome",
            "Units in use by provider against capacity online, in H100-equivalents",
            "Each provider's share of units awarded",
            "Unmet units per month by cause",
            "Spend counted toward azure-commitment against its amount");

    /** The charts over time; each marks the day the seed story's clauses change. */
    static final Set<String> OVER_TIME = Set.of(
            "Agreements in force",
            "Requests per month by route",
            "Offers per month by outcome",
            "Units in use by provider against capacity online, in H100-equivalents",
            "Unmet units per month by cause",
            "Spend counted toward azure-commitment against its amount");

    static final String CLAUSES_CHANGE = "21 Jan 2025: azure-exclusive ends; azure-rofr, azure-commitment start";

    /**
     * Every chart, that is every top-level svg not hidden as decoration, with its label, the marks
     * it drew and the labels of its markers. A mark is a shape with extent in both directions: axes,
     * grid lines, ticks and reference lines are straight and have none in one. Shapes inside an
     * element classed axis, grid, legend or marker do not count either.
     */
    static final String CHARTS = """
            const shapes = 'path, polyline, polygon, rect, line, circle, ellipse';
            const furniture = '[class~="axis"], [class~="grid"], [class~="legend"], [class~="marker"],'
                + ' [aria-hidden="true"]';
            const heading = svg => {
              for (let n = svg; n; n = n.previousElementSibling || n.parentElement) {
                if (n !== svg && /^H[1-6]$/.test(n.tagName)) return n.textContent.trim();
              }
              return '';
            };
            return [...document.querySelectorAll('svg')]
              .filter(svg => !svg.parentElement.closest('svg') && svg.getAttribute('aria-hidden') !== 'true')
              .map((svg, index) => {
                const title = svg.querySelector(':scope > title');
                const labelledBy = document.getElementById(svg.getAttribute('aria-labelledby') || '');
                const label = (svg.getAttribute('aria-label')
                    || (labelledBy ? labelledBy.textContent : '')
                    || (title ? title.textContent : '')).trim();
                const marks = [...svg.querySelectorAll(shapes)]
                  .filter(shape => !shape.closest(furniture))
                  .filter(shape => { const box = shape.getBBox(); return box.width > 0 && box.height > 0; })
                  .length;
                const markers = [...svg.querySelectorAll('[class~="marker"] text')].map(t => t.textContent);
                return { name: label || heading(svg) || 'chart ' + (index + 1), label: label, marks: marks,
                         markers: markers };
              });
            """;

    /**
     * Text as the browser lays it out: every label that runs past its chart's edge, and every two
     * labels of one chart whose boxes overlap (by more than a pixel's rounding).
     */
    static final String CROWDED_TEXT = """
            const overlap = (a, b) => Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1
                && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
            const problems = [];
            for (const svg of document.querySelectorAll('svg')) {
              const chart = (svg.querySelector(':scope > title') || {}).textContent;
              const edge = svg.getBoundingClientRect();
              const labels = [...svg.querySelectorAll('text')]
                .map(t => ({ text: t.textContent, box: t.getBoundingClientRect() }));
              labels.forEach((a, i) => {
                if (a.box.left < edge.left - 1 || a.box.right > edge.right + 1
                    || a.box.top < edge.top - 1 || a.box.bottom > edge.bottom + 1) {
                  problems.push(chart + ': "' + a.text + '" runs past the edge');
                }
                labels.slice(i + 1).filter(b => overlap(a.box, b.box))
                  .forEach(b => problems.push(chart + ': "' + a.text + '" overlaps "' + b.text + '"'));
              });
            }
            return problems;
            """;

    @TempDir
    static Path demo;

    static HeadlessChromium chromium;
    static List<LogEntry> console;

    record Chart(String name, String label, long marks, List<String> markers) {}

    @BeforeAll
    static void openTheDemosReport() throws IOException {
        StringWriter out = new StringWriter();
        int exit = Main.execute(
                new String[] {"demo", "--out", demo.toString()},
                new PrintWriter(out, true),
                new PrintWriter(out, true));
        assertThat(exit).as(out.toString()).isZero();
        chromium = HeadlessChromium.start(HeadlessChromium.Installation.DEBIAN, Path.of("target", "chromium"));
        chromium.open(demo.resolve("report.html"));
        console = chromium.console();
    }

    @AfterAll
    static void closeTheBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    static List<Chart> charts() {
        List<?> found = (List<?>) chromium.evaluate(CHARTS);
        assertThat(found).as("the charts the page's script found").isNotNull();
        return found.stream()
                .map(c -> (Map<?, ?>) c)
                .map(c -> new Chart(
                        (String) given(c, "name"),
                        (String) given(c, "label"),
                        ((Number) given(c, "marks")).longValue(),
                        ((List<?>) given(c, "markers"))
                                .stream().map(String::valueOf).toList()))
                .toList();
    }

    /** The value of {@code key} in what the page's script returned; the test fails when it gave none. */
    private static Object given(Map<?, ?> found, String key) {
        Object value = found.get(key);
        if (value == null) {
            throw new AssertionError("the page's script gave no '" + key + "': " + found);
        }
        return value;
    }

    @Test
    void thePageWritesNoErrorToTheConsole() {
        assertThat(console)
                .filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .isEmpty();
    }

    @Test
    void theReportHasEveryChartOfTheStoryByItsTitle() {
        assertThat(charts()).extracting(Chart::label).containsExactlyElementsOf(NAMED_CHARTS);
    }

    @Test
    void everyChartDrawsMarks() {
        assertThat(charts())
                .allSatisfy(chart -> assertThat(chart.marks()).as(chart.name()).isPositive());
    }

    @Test
    void everyChartHasATitleOrAnAriaLabel() {
        assertThat(charts())
                .allSatisfy(chart -> assertThat(chart.label()).as(chart.name()).isNotBlank());
    }

    @Test
    void everyChartOverTimeMarksTheDayTheClausesChange() {
        assertThat(charts())
                .filteredOn(chart -> OVER_TIME.contains(chart.label()))
                .hasSize(OVER_TIME.size())
                .allSatisfy(
                        chart -> assertThat(chart.markers()).as(chart.name()).contains(CLAUSES_CHANGE));
    }

    @Test
    void theCommitmentChartMarksTheDayItWasMet() {
        assertThat(charts())
                .filteredOn(chart -> chart.label().startsWith("Spend counted toward azure-commitment"))
                .singleElement()
                .satisfies(chart -> assertThat(chart.markers()).anyMatch(m -> m.startsWith("met on ")));
    }

    @Test
    void noLabelRunsPastItsChartOrOverAnother() {
        assertThat((List<?>) chromium.evaluate(CROWDED_TEXT)).isEmpty();
    }

    @Test
    void theWholePageIsSavedAsAScreenshot() throws IOException {
        Files.deleteIfExists(SCREENSHOT);

        chromium.saveFullPage(SCREENSHOT);

        assertThat(SCREENSHOT).isNotEmptyFile();
        assertThat(Files.readAllBytes(SCREENSHOT)).startsWith(0x89, 'P', 'N', 'G');
    }
}
