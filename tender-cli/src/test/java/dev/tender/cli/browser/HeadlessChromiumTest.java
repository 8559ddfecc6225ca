package dev.tender.cli.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.logging.LogEntry;

/**
 * The fixture keeps its promises: a missing browser fails loudly, the console is captured, and a
 * screenshot is the whole page.
 */
class HeadlessChromiumTest {

    static final Path WORK = Path.of("target", "chromium");

    @Test
    void aMissingBrowserFailsTheTestAndSaysWhatToInstall() {
        var nowhere = new HeadlessChromium.Installation(
                Path.of("/nonexistent/chromium"), HeadlessChromium.Installation.DEBIAN.driver());

        assertThatThrownBy(() -> HeadlessChromium.start(nowhere, WORK))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/nonexistent/chromium is missing")
                .hasMessageContaining("apt-get install chromium chromium-driver");
    }

    @Nested
    class OnAPage {

        static HeadlessChromium chromium;

        @BeforeAll
        static void startTheBrowser() throws IOException {
            chromium = HeadlessChromium.start(HeadlessChromium.Installation.DEBIAN, WORK);
        }

        @AfterAll
        static void closeTheBrowser() {
            if (chromium != null) {
                chromium.close();
            }
        }

        @Test
        void aScreenshotHoldsThePageBelowTheWindow(@TempDir Path folder) throws IOException {
            chromium.open(page(folder, "<div style=\"height:5000px\"></div>"));

            Path png = chromium.saveFullPage(folder.resolve("tall.png"));

            assertThat(heightOf(png)).isEqualTo(5000);
        }

        /** Without this the report's console check could pass because nothing is ever captured. */
        @Test
        void theConsoleHoldsWhatTheScriptWroteWithItsLevel(@TempDir Path folder) throws IOException {
            chromium.console(); // drains what earlier pages wrote

            chromium.open(page(folder, "<script>console.error('no data'); console.warn('odd')</script>"));

            assertThat(chromium.console())
                    .extracting(LogEntry::getLevel, e -> e.getMessage().contains("no data"))
                    .contains(tuple(Level.SEVERE, true));
        }

        static Path page(Path folder, String body) throws IOException {
            return Files.writeString(
                    folder.resolve("page.html"),
                    "<!doctype html><html><body style=\"margin:0\">" + body + "</body></html>");
        }
    }

    /** A PNG's height is the second number of its header chunk, 20 bytes in. */
    static int heightOf(Path png) throws IOException {
        try (InputStream in = Files.newInputStream(png);
                DataInputStream data = new DataInputStream(in)) {
            data.skipNBytes(20);
            return data.readInt();
        }
    }
}
