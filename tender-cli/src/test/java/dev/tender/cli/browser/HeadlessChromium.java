package dev.tender.cli.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * A headless Chromium driven through Debian's chromedriver, for tests that look at a page the way
 * a person's browser draws it. Close it, pass or fail: closing quits the browser and stops the
 * driver, so no process outlives the test.
 *
 * <p>Selenium never downloads anything here: the driver and the browser are named explicitly,
 * which keeps Selenium Manager from running at all, and it is told to stay offline should it run.
 */
public final class HeadlessChromium implements AutoCloseable {

    /** Wide enough for the report's 900 px column, tall enough that most of it is in view. */
    private static final int WIDTH = 1280;

    private static final int HEIGHT = 2000;
    private static final Duration CONSOLE_WAIT = Duration.ofSeconds(10);

    private static final List<String> SWITCHES = List.of(
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
            // Chromium still looks up Google's hosts at start despite the switches above; a test
            // page is a local file or served on localhost, so nothing else needs resolving.
            "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
            "--window-size=" + WIDTH + "," + HEIGHT);

    /**
     * Selenium looks for CDP bindings of the browser's version at every start and warns when
     * Debian's Chromium has none; this fixture uses no bindings, only chromedriver's pass-through.
     * Held in a field because java.util.logging forgets the level of a logger nobody references.
     */
    private static final Logger CDP_VERSIONS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        // Selenium hands system properties named SE_* to Selenium Manager as its environment.
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("SE_AVOID_STATS", "true");
        CDP_VERSIONS.setLevel(Level.SEVERE);
    }

    /** Where the browser and its driver are installed. */
    public record Installation(Path browser, Path driver) {

        /** Debian's packages {@code chromium} and {@code chromium-driver}. */
        public static final Installation DEBIAN =
                new Installation(Path.of("/usr/bin/chromium"), Path.of("/usr/bin/chromedriver"));

        /** Fails, rather than skips, so that a machine without a browser cannot pass the browser tests. */
        void requirePresent() {
            for (Path program : List.of(browser, driver)) {
                if (!Files.isExecutable(program)) {
                    throw new IllegalStateException(program + " is missing: the browser tests need Debian's chromium"
                            + " and chromium-driver (sudo apt-get install chromium chromium-driver).");
                }
            }
        }
    }

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private int marks;

    private HeadlessChromium(ChromeDriverService service, ChromeDriver driver, Path profile) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Starts the browser with a fresh profile in {@code workFolder}; the driver's log goes to
     * {@code chromedriver.log} there.
     */
    public static HeadlessChromium start(Installation installation, Path workFolder) throws IOException {
        installation.requirePresent();
        Files.createDirectories(workFolder);
        Path profile = Files.createTempDirectory(workFolder, "profile-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(installation.driver().toFile())
                .usingAnyFreePort()
                .withLogFile(workFolder.resolve("chromedriver.log").toFile())
                .withEnvironment(homeIn(workFolder))
                .build();
        try {
            ChromeDriver driver = new ChromeDriver(service, options(installation, profile));
            // A local page loads in well under a second; five minutes, Selenium's default, hides a hang.
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new HeadlessChromium(service, driver, profile);
        } catch (RuntimeException e) {
            // The driver may be up though the browser failed to start.
            service.stop();
            deleteQuietly(profile);
            throw e;
        }
    }

    /** Chromium keeps crash reports and caches under these, the user's home otherwise. */
    private static Map<String, String> homeIn(Path workFolder) {
        Path home = workFolder.toAbsolutePath();
        return Map.of(
                "XDG_CONFIG_HOME", home.resolve("config").toString(),
                "XDG_CACHE_HOME", home.resolve("cache").toString());
    }

    private static ChromeOptions options(Installation installation, Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(installation.browser().toFile());
        options.addArguments(SWITCHES);
        options.addArguments("--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return options;
    }

    /** Opens a file and waits until it has loaded. */
    public void open(Path file) {
        driver.get(file.toAbsolutePath().toUri().toString());
    }

    /**
     * What the page wrote to the console since the last call, with its level. Console messages
     * reach the driver a little after they are written, so this writes a mark of its own and reads
     * until the mark comes back: everything written before it has then arrived.
     */
    public List<LogEntry> console() {
        marks++;
        String mark = "tender-console-mark-" + marks;
        driver.executeScript("console.info(arguments[0])", mark);
        List<LogEntry> seen = new ArrayList<>();
        long deadline = System.nanoTime() + CONSOLE_WAIT.toNanos();
        while (true) {
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER).getAll()) {
                if (entry.getMessage().contains(mark)) {
                    return seen;
                }
                seen.add(entry);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the browser's console did not catch up in " + CONSOLE_WAIT);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the console", e);
            }
        }
    }

    /** Runs a script in the page and returns what it returns, as Selenium converts it. */
    public @Nullable Object evaluate(String script) {
        return driver.executeScript(script);
    }

    /** The driver itself, for tests that type, click and wait as a person would. */
    public WebDriver driver() {
        return driver;
    }

    /** Saves the whole page as a PNG, the part below the window too, and returns the file. */
    public Path saveFullPage(Path png) throws IOException {
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<?, ?> content = (Map<?, ?>) metrics.get("cssContentSize");
        if (content == null) {
            throw new IllegalStateException("Chrome did not say how large the page is: " + metrics);
        }
        Map<String, Object> clip =
                Map.of("x", 0, "y", 0, "width", content.get("width"), "height", content.get("height"), "scale", 1);
        Map<String, Object> shot = driver.executeCdpCommand(
                "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
        Files.createDirectories(png.toAbsolutePath().getParent());
        Files.write(png, Base64.getDecoder().decode((String) shot.get("data")));
        return png;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteQuietly(profile);
        }
    }

    /** A profile left behind costs only disk in target/, so a failure to delete it fails nothing. */
    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // Kept on purpose: see the method's comment.
        }
    }
}
