package dev.tender.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.event.TenderEvent;
import dev.tender.eventlog.EventLogReader;
import dev.tender.scenario.ScenarioReader;
import dev.tender.sim.InvariantChecker;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands as a user runs them: real files, real output, exit codes. */
class CommandLineTest {

    static final Path SEED_STORY = Path.of("..", "scenarios", "seed-story.yaml");

    @TempDir
    static Path demo;

    static Result demoRun;

    record Result(int exit, String out, String err) {}

    static Result tender(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Result(exit, out.toString(), err.toString());
    }

    @BeforeAll
    static void runTheDemoOnce() {
        demoRun = tender("demo", "--out", demo.toString());
    }

    @Test
    void theDemoPrintsTheSummaryAndSaysWhereTheFilesAre() {
        assertThat(demoRun.exit()).isZero();
        assertThat(demoRun.out())
                .contains("Tender: seed-story")
                .contains("Providers", "azure", "coreweave", "oracle", "stargate")
                .contains("Rights of first refusal", "azure-rofr")
                .contains("Offers by provider and kind")
                .containsPattern("azure +EXCLUSIVE")
                .containsPattern("azure +ROFR")
                .containsPattern("stargate +RFQ")
                .contains("Exclusivity", "azure-api", "azure-exclusive")
                .contains("Unmet demand")
                .contains(
                        "each short request is filed under the first cause that applies, in this order:",
                        "withdrawn, exclusive, no-provider, no-answer, over-max-price, no-capacity")
                .contains("Commitments", "azure-commitment")
                .contains(
                        demo.resolve("events.jsonl").toString(),
                        demo.resolve("summary.json").toString());
        assertThat(demo.resolve("events.jsonl")).isNotEmptyFile();
        assertThat(demo.resolve("summary.json"))
                .content()
                .contains("\"scenario\" : \"seed-story\"")
                .contains("\"timeline\"")
                .contains("\"offers\"", "\"unmetCausePrecedence\"", "\"requestsByRoute\"", "\"agreements\"");
        assertThat(demo.resolve("report.html")).content().contains("<svg").contains("stargate");
    }

    @Test
    void theDemoEndsWithWhatEachVariantOfTheStoryChangesAndWritesTheComparison() {
        String out = demoRun.out();
        String comparison = out.substring(out.indexOf("Differences to as-signed"));
        assertThat(comparison)
                .contains("paired by run: the mean over the runs [90% interval]")
                .contains("as-signed: the story as signed")
                .contains("no-rofr: without Azure's right of first refusal")
                .contains("no-api-exclusive:", "open-market:", "abilene-late:", "demand-plus-25:")
                .containsPattern("abilene-late: Stargate Abilene a year late\\n  cost +[0-9.]+ B USD +-[0-9.]+ B \\[");
        assertThat(out).contains("the base and 5 variants, " + DemoCommand.RUNS + " runs each");
        Path compared = demo.resolve(DemoCommand.COMPARISON);
        assertThat(compared.resolve(ComparisonRun.CSV))
                .content()
                .startsWith("variant,figure,unit,")
                .contains("\nas-signed,cost,USD,");
        assertThat(compared.resolve(ComparisonRun.JSON)).isNotEmptyFile();
        assertThat(compared.resolve("open-market").resolve("summary.json")).isNotEmptyFile();
    }

    @Test
    void theDemoLogKeepsEveryInvariant() throws Exception {
        var scenario = ((ScenarioReader.Result.Loaded) new ScenarioReader().read(SEED_STORY)).scenario();
        List<TenderEvent> log = new ArrayList<>();
        EventLogReader.read(demo.resolve("events.jsonl"), line -> true, log::add);

        assertThat(log).isNotEmpty();
        assertThat(InvariantChecker.check(scenario.world(), log)).isEmpty();
    }

    @Test
    void theSameScenarioAndSeedWriteTheSameBytes(@TempDir Path again) throws Exception {
        Result second = tender("simulate", SEED_STORY.toString(), "--out", again.toString());

        assertThat(second.exit()).isZero();
        assertThat(Files.mismatch(demo.resolve("events.jsonl"), again.resolve("events.jsonl")))
                .isEqualTo(-1L);
        assertThat(Files.readString(again.resolve("summary.json")))
                .isEqualTo(Files.readString(demo.resolve("summary.json")));
        assertThat(Files.mismatch(demo.resolve("report.html"), again.resolve("report.html")))
                .isEqualTo(-1L);
    }

    /** Hash orders differ from one JVM to the next: a second process must write the same bytes too. */
    @Test
    void anotherProcessWritesTheSameBytes(@TempDir Path again) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(
                        java.toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Main.class.getName(),
                        "simulate",
                        SEED_STORY.toString(),
                        "--out",
                        again.toString())
                .redirectErrorStream(true)
                .redirectOutput(again.resolve("output.txt").toFile())
                .start();

        assertThat(process.waitFor()).isZero();
        assertThat(Files.mismatch(demo.resolve("events.jsonl"), again.resolve("events.jsonl")))
                .isEqualTo(-1L);
        assertThat(Files.readString(again.resolve("summary.json")))
                .isEqualTo(Files.readString(demo.resolve("summary.json")));
        assertThat(Files.mismatch(demo.resolve("report.html"), again.resolve("report.html")))
                .isEqualTo(-1L);
    }

    @Test
    void anotherSeedPlaysOtherDemand(@TempDir Path other) throws Exception {
        Result run = tender("simulate", SEED_STORY.toString(), "--out", other.toString(), "--seed", "8");

        assertThat(run.exit()).isZero();
        assertThat(Files.mismatch(demo.resolve("events.jsonl"), other.resolve("events.jsonl")))
                .isNotEqualTo(-1L);
        assertThat(Files.readString(other.resolve("summary.json"))).contains("\"seed\" : 8");
    }

    @Test
    void aCompletedRunLeavesItsThreeFilesAndNoTemporaryOnes() throws Exception {
        assertThat(listing(demo)).containsExactly("compare", "events.jsonl", "report.html", "summary.json");
        assertThat(listing(demo.resolve("compare")))
                .containsExactly(
                        "abilene-late",
                        "as-signed",
                        "compare.csv",
                        "compare.json",
                        "demand-plus-25",
                        "no-api-exclusive",
                        "no-rofr",
                        "open-market",
                        "report.html");
        assertThat(listing(demo.resolve("compare").resolve("no-rofr"))).containsExactly("summary.json");
    }

    @Test
    void eventsNoneWritesTheSummaryAndTheReportAndRemovesAnEarlierLog(@TempDir Path out) throws Exception {
        Files.writeString(out.resolve("events.jsonl"), "from an earlier run");
        Files.writeString(out.resolve(".events.jsonl.partial"), "from a run that was killed");

        Result run = tender("simulate", SEED_STORY.toString(), "--out", out.toString(), "--events", "none");

        assertThat(run.exit()).isZero();
        assertThat(listing(out)).containsExactly("report.html", "summary.json");
        assertThat(out.resolve("summary.json")).isNotEmptyFile();
    }

    @Test
    void explainTellsTheStoryOfOneRequest() {
        Result story = tender(
                "explain",
                "training-60",
                "--events",
                demo.resolve("events.jsonl").toString());

        assertThat(story.exit()).isZero();
        assertThat(story.out())
                .startsWith("Request training-60:")
                .contains("Routed ROFR_FIRST_LOOK because azure-rofr gives azure the first look")
                .contains("azure was offered")
                .contains("Awarded")
                .contains("Closed");
    }

    @Test
    void explainTellsWhatALogCutShortHasAndSaysItWasCut(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(demo.resolve("events.jsonl"));
        int closed = lines.indexOf(lines.stream()
                .filter(l -> l.contains("\"type\":\"CLOSED\",\"request\":\"training-60\""))
                .findFirst()
                .orElseThrow());
        Path cut = dir.resolve("events.jsonl");
        Files.write(cut, lines.subList(0, closed));

        Result story = tender("explain", "training-60", "--events", cut.toString());

        assertThat(story.exit()).isZero();
        assertThat(story.out()).startsWith("Request training-60:").doesNotContain("Closed");
        assertThat(story.err()).isEqualTo("tender: " + cut + ": the log ends before training-60 closed: truncated?\n");
    }

    @Test
    void reportRebuildsTheSummaryAndTheReportFromTheLogByteForByte(@TempDir Path again) throws IOException {
        Result report = tender(
                "report",
                SEED_STORY.toString(),
                "--events",
                demo.resolve("events.jsonl").toString(),
                "--out",
                again.toString());

        assertThat(report.exit()).isZero();
        assertThat(report.err()).isEmpty();
        assertThat(report.out()).contains("Providers", "Read 49,");
        assertThat(again.resolve("summary.json")).hasSameBinaryContentAs(demo.resolve("summary.json"));
        assertThat(again.resolve("report.html")).hasSameBinaryContentAs(demo.resolve("report.html"));
    }

    @Test
    void reportSumsUpALogCutShortAndSaysSo(@TempDir Path dir) throws IOException {
        Path cut = dir.resolve("events.jsonl");
        Files.write(cut, Files.readAllLines(demo.resolve("events.jsonl")).subList(0, 3000));

        Result report = tender("report", SEED_STORY.toString(), "--events", cut.toString(), "--out", dir.toString());

        assertThat(report.exit()).isZero();
        assertThat(report.err())
                .startsWith("tender: " + cut + ": the log ends before ")
                .contains("requests closed (")
                .endsWith("truncated? The summary counts only what the log holds.\n");
        assertThat(dir.resolve("summary.json")).exists();
    }

    @Test
    void reportRefusesALogOfAnotherWorldAndWritesNothing(@TempDir Path dir) throws IOException {
        Path foreign = dir.resolve("events.jsonl");
        Files.writeString(
                foreign,
                Files.readString(demo.resolve("events.jsonl"))
                        .replace("\"provider\":\"stargate\"", "\"provider\":\"nobody\""));
        Path out = dir.resolve("out");

        Result report =
                tender("report", SEED_STORY.toString(), "--events", foreign.toString(), "--out", out.toString());

        assertThat(report.exit()).isEqualTo(2);
        assertThat(report.err())
                .matches("tender: .*: line \\d+: provider nobody is not in this scenario; nothing was written\n");
        assertThat(out).isEmptyDirectory();
    }

    @Test
    void reportRefusesACorruptLineByItsNumber(@TempDir Path dir) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(demo.resolve("events.jsonl")));
        lines.set(41, lines.get(41).substring(0, 30));
        Path corrupt = dir.resolve("events.jsonl");
        Files.write(corrupt, lines);

        Result report =
                tender("report", SEED_STORY.toString(), "--events", corrupt.toString(), "--out", dir.toString());

        assertThat(report.exit()).isEqualTo(2);
        assertThat(report.err()).contains(": line 42 is not JSON");
    }

    @Test
    void explainSaysWhenTheRequestIsNotInTheLog() {
        Result story = tender(
                "explain",
                "no-such-request",
                "--events",
                demo.resolve("events.jsonl").toString());

        assertThat(story.exit()).isEqualTo(2);
        assertThat(story.err()).contains("request no-such-request does not appear in");
    }

    @Test
    void explainSaysWhenThereIsNoLog(@TempDir Path empty) {
        Result story = tender(
                "explain",
                "training-1",
                "--events",
                empty.resolve("events.jsonl").toString());

        assertThat(story.exit()).isEqualTo(2);
        assertThat(story.err()).contains("no event log at");
    }

    @Test
    void explainRefusesALogThatIsNotOne(@TempDir Path dir) throws Exception {
        Path binary = dir.resolve("binary.jsonl");
        Files.write(binary, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '"', 'r', '"', '}', '\n'});
        Path partial = dir.resolve("partial.jsonl");
        Files.writeString(partial, "{\"seq\":1,\"type\":\"CLOSED\",\"request\":\"r1\"}\n");

        Result notText = tender("explain", "r1", "--events", binary.toString());
        Result noAt = tender("explain", "r1", "--events", partial.toString());

        assertThat(notText.exit()).isEqualTo(2);
        assertThat(notText.err()).contains("is not a UTF-8 text file");
        assertThat(noAt.exit()).isEqualTo(2);
        assertThat(noAt.err()).contains("line 1 lacks its 'at'");
    }

    @Test
    void validateAcceptsTheSeedStory() {
        Result valid = tender("validate", SEED_STORY.toString());

        assertThat(valid.exit()).isZero();
        assertThat(valid.out()).contains("valid").contains("4 providers").contains("4 agreements");
    }

    static final String SLOW_ORACLE_WARNING = "warning: providers.oracle.responder.after: P3D is longer than"
            + " defaults.rfqWindow (P2D): every market RFQ to oracle lapses before it answers";

    /** The seed story with Oracle answering a day after every market RFQ has closed. */
    static Path slowOracle(Path dir) throws IOException {
        String story = Files.readString(SEED_STORY);
        assertThat(story).containsOnlyOnce("after: P2D, share: 0.9");
        return Files.writeString(
                dir.resolve("slow-oracle.yaml"), story.replace("after: P2D, share: 0.9", "after: P3D, share: 0.9"));
    }

    @Test
    void validatePrintsAWarningOnStderrAndStillExitsZero(@TempDir Path dir) throws Exception {
        Result warned = tender("validate", slowOracle(dir).toString());

        assertThat(warned.exit()).isZero();
        assertThat(warned.err()).isEqualTo(SLOW_ORACLE_WARNING + System.lineSeparator());
        assertThat(warned.out()).contains("valid, with 1 warning.");
    }

    @Test
    void validateStrictMakesAWarningAProblem(@TempDir Path dir) throws Exception {
        Path file = slowOracle(dir);

        Result strict = tender("validate", file.toString(), "--strict");

        assertThat(strict.exit()).isEqualTo(2);
        assertThat(strict.err())
                .contains(SLOW_ORACLE_WARNING)
                .contains(file + ": 1 warning, which --strict makes problems; not valid.");
        assertThat(strict.out()).isEmpty();
    }

    @Test
    void validateStrictPassesAScenarioWithoutWarnings() {
        Result strict = tender("validate", SEED_STORY.toString(), "--strict");

        assertThat(strict.exit()).isZero();
        assertThat(strict.err()).isEmpty();
        assertThat(strict.out()).contains("valid.");
    }

    @Test
    void simulatePrintsTheWarningsFirstAndRunsAllTheSame(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");

        Result run = tender("simulate", slowOracle(dir).toString(), "--out", out.toString(), "--events", "none");

        assertThat(run.exit()).isZero();
        assertThat(run.err()).startsWith(SLOW_ORACLE_WARNING + System.lineSeparator());
        assertThat(run.out()).contains("Tender: seed-story");
        assertThat(out.resolve("summary.json")).isNotEmptyFile();
    }

    @Test
    void theDemoHasNoWarningToPrint() {
        assertThat(demoRun.err()).doesNotContain("warning:");
    }

    @Test
    void validateListsEveryProblemAndExitsTwo(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(
                bad,
                Files.readString(SEED_STORY)
                        .replace("horizon: P4Y", "horizon: P4X")
                        .replace("bucket: P1D", "bucket: P1D\ncolour: blue"));

        Result invalid = tender("validate", bad.toString());

        assertThat(invalid.exit()).isEqualTo(2);
        assertThat(invalid.err())
                .contains("2 problems, nothing was run")
                .contains("horizon: ")
                .contains("colour: unknown key")
                .doesNotContain("Exception");
    }

    @Test
    void simulatingABadScenarioRunsNothing(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "name: [unclosed\n");

        Result run =
                tender("simulate", bad.toString(), "--out", dir.resolve("out").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("(yaml): line");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aMissingScenarioFileIsBadInput() {
        Result run = tender("validate", "no/such/file.yaml");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no/such/file.yaml");
    }

    @Test
    void aWrongOptionIsBadInputWithUsage() {
        Result run = tender("simulate", SEED_STORY.toString(), "--events", "sometimes");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--events").contains("Usage:");
    }

    static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> file.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        for (String command : new String[] {"demo", "simulate", "validate", "explain"}) {
            Result help = tender(command, "--help");

            assertThat(help.exit()).isZero();
            assertThat(help.out()).contains("Usage: tender " + command).contains("Example");
        }
    }
}
