package dev.tender.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tender.cli.browser.HeadlessChromium;
import dev.tender.server.api.Api;
import dev.tender.server.api.Credentials;
import dev.tender.server.api.NodeMetrics;
import dev.tender.server.node.Command;
import dev.tender.server.node.Node;
import dev.tender.server.node.WorldFile;
import dev.tender.store.Store;
import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.logging.LogEntry;

/**
 * The API's documentation as a person opens it: a live node with the seed story's world serves
 * {@code /docs}, and a real browser waits until Swagger UI has drawn every operation of the
 * document. The page must work on a node without internet: everything it loads comes from the
 * node itself.
 */
class ApiDocsInBrowserTest {

    static final Path SEED_STORY = Path.of("..", "scenarios", "seed-story.yaml");

    /** What Swagger UI drew: the document's title, every operation as "METHOD /path", and any errors it shows. */
    static final String RENDERED = """
            const title = document.querySelector('.information-container .title');
            return {
              title: title ? title.childNodes[0].textContent.trim() : '',
              operations: [...document.querySelectorAll('.opblock')].map(block => {
                const method = block.querySelector('.opblock-summary-method');
                const path = block.querySelector('.opblock-summary-path');
                return (method ? method.textContent : '?') + ' ' + (path ? path.getAttribute('data-path') : '?');
              }),
              errors: [...document.querySelectorAll('.errors-wrapper')].map(e => e.textContent)
            };
            """;

    /** Every address the page loaded, itself first: Resource Timing names each request of the page. */
    static final String LOADED =
            "return [location.href, ...performance.getEntriesByType('resource').map(e => e.name)];";

    static final Duration RENDER_WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path folder;

    static Store store;
    static Node node;
    static Javalin server;
    static HeadlessChromium chromium;
    static String origin = "";
    static Rendered page = new Rendered("", List.of(), List.of());
    static List<String> loaded = List.of();
    static List<LogEntry> console = List.of();

    record Rendered(String title, List<String> operations, List<String> errors) {}

    @BeforeAll
    static void openTheDocsOfALiveNode() throws Exception {
        Clock clock = Clock.systemUTC();
        NodeMetrics metrics = new NodeMetrics();
        store = Store.open(Store.defaultUrl(folder));
        node = Node.start(store.commands(), clock, metrics);
        Command.WorldEdit loadedWorld = node.execute(
                        WorldFile.load(Files.readString(SEED_STORY), "seed-story.yaml", Set.of()))
                .get();
        assertThat(loadedWorld.problems()).isEmpty();
        server = new Api(node, store.commands(), new Credentials(store.tokens(), clock), clock, metrics)
                .server()
                .start("127.0.0.1", 0);
        // The browser resolves no host but localhost, not even an address such as 127.0.0.1.
        origin = "http://localhost:" + server.port() + "/";
        chromium = HeadlessChromium.start(HeadlessChromium.Installation.DEBIAN, Path.of("target", "chromium"));
        chromium.console(); // drains what the browser wrote before the page
        page = openAndWaitForTheOperations(origin + "docs");
        waitForTheImages();
        loaded = addresses();
        console = chromium.console();
    }

    @AfterAll
    static void closeEverything() {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (server != null) {
                server.stop();
            }
            if (node != null) {
                node.close();
            }
            if (store != null) {
                store.close();
            }
        }
    }

    /**
     * Goes to {@code url} and waits until Swagger UI has drawn as many operations as the document
     * has, or shows an error; the page's script is not there while the browser navigates, so a
     * failed look is tried again until the wait is over.
     */
    static Rendered openAndWaitForTheOperations(String url) throws InterruptedException {
        chromium.evaluate("window.location.assign('" + url + "')");
        int expected = documented().size();
        long deadline = System.nanoTime() + RENDER_WAIT.toNanos();
        Rendered last = new Rendered("", List.of(), List.of());
        while (System.nanoTime() < deadline) {
            try {
                if (url.equals(chromium.evaluate("return location.href"))) {
                    last = rendered();
                    if (last.operations().size() >= expected || !last.errors().isEmpty()) {
                        return last;
                    }
                }
            } catch (WebDriverException navigating) {
                // the page is being replaced; look again
            }
            Thread.sleep(50);
        }
        throw new AssertionError("Swagger UI did not draw the " + expected + " operations of " + url + " in "
                + RENDER_WAIT + "; it drew " + last);
    }

    static Rendered rendered() {
        Map<?, ?> found = (Map<?, ?>) chromium.evaluate(RENDERED);
        assertThat(found).as("what the page's script found").isNotNull();
        return new Rendered(
                String.valueOf(found.get("title")), strings(found.get("operations")), strings(found.get("errors")));
    }

    /** Waits until every image of the page has loaded or failed, so that what it asked for is in the console. */
    static void waitForTheImages() throws InterruptedException {
        long deadline = System.nanoTime() + RENDER_WAIT.toNanos();
        while (!Boolean.TRUE.equals(chromium.evaluate("return [...document.images].every(i => i.complete)"))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the page's images did not load in " + RENDER_WAIT);
            }
            Thread.sleep(50);
        }
    }

    static List<String> addresses() {
        return strings(chromium.evaluate(LOADED));
    }

    static List<String> strings(@Nullable Object list) {
        List<String> strings = new ArrayList<>();
        if (list instanceof List<?> items) {
            items.forEach(item -> strings.add(String.valueOf(item)));
        }
        return strings;
    }

    /** Every operation of the OpenAPI document the node serves, as "METHOD /path". */
    static Set<String> documented() {
        Set<String> operations = new TreeSet<>();
        try (InputStream in = Api.class.getResourceAsStream("/openapi.json")) {
            assertThat(in).as("openapi.json on the class path").isNotNull();
            JsonNode document = new ObjectMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
                for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
                    operations.add(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        } catch (IOException e) {
            throw new AssertionError("openapi.json cannot be read: " + e, e);
        }
        return operations;
    }

    @Test
    void swaggerUiDrawsTheTitleAndEveryOperationOfTheDocumentWithoutAnError() {
        assertThat(page.errors()).isEmpty();
        assertThat(page.title()).isEqualTo("Tender");
        assertThat(page.operations()).contains("POST /v1/requests", "GET /v1/capacity");
        assertThat(new TreeSet<>(page.operations())).isEqualTo(documented());
    }

    @Test
    void everythingThePageLoadedCameFromTheNodeItself() {
        assertThat(loaded)
                .as("the page, its style sheet, its script and the document at least")
                .contains(origin + "docs", origin + "docs/swagger-ui.css", origin + "docs/swagger-ui-bundle.js")
                .anyMatch(address -> address.startsWith(origin + "openapi.json"));
        assertThat(loaded)
                .filteredOn(address -> !address.startsWith(origin) && !address.startsWith("data:"))
                .isEmpty();
    }

    @Test
    void thePageWritesNoErrorToTheConsole() {
        assertThat(console)
                .filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .isEmpty();
    }

    /**
     * Swagger UI shows a badge from validator.swagger.io, sending it the document's address, whenever
     * that address names neither localhost nor 127.0.0.1, which is how a node is usually reached. The
     * browser here reaches only localhost, so the page cannot be opened under such an address; what
     * decides it is the page's setting, which must turn the validator off.
     */
    @Test
    void thePageNeverAsksTheOnlineValidator() {
        assertThat(chromium.evaluate("return window.ui.getConfigs().validatorUrl"))
                .as("Swagger UI's validatorUrl: null or 'none' turns the badge off")
                .satisfiesAnyOf(
                        url -> assertThat(url).isNull(), url -> assertThat(url).isEqualTo("none"));
    }
}
