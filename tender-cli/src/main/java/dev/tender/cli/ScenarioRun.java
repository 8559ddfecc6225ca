package dev.tender.cli;

import dev.tender.event.EventSink;
import dev.tender.eventlog.BackgroundSink;
import dev.tender.eventlog.JsonlEventWriter;
import dev.tender.report.Summary;
import dev.tender.report.SummaryCollector;
import dev.tender.sim.Simulation;
import dev.tender.summary.HtmlReport;
import dev.tender.summary.SummaryJson;
import dev.tender.world.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * Runs a scenario in the simulator and writes what it decided: the event log, the summary, the
 * report, the table. The files appear only when the run is complete (see {@link OutputFiles}).
 */
final class ScenarioRun {

    static final String EVENTS = "events.jsonl";
    static final String SUMMARY = "summary.json";
    static final String REPORT = "report.html";

    private final Scenario scenario;
    private final Path out;
    private final boolean writeEvents;

    ScenarioRun(Scenario scenario, Path out, boolean writeEvents) {
        this.scenario = scenario;
        this.out = out;
        this.writeEvents = writeEvents;
    }

    /** The most heap the run used: the sum of each heap pool's peak, an upper bound. */
    private static long peakHeapMegabytes() {
        long bytes = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                bytes += pool.getPeakUsage().getUsed();
            }
        }
        return bytes >> 20;
    }

    int execute(PrintWriter stdout, PrintWriter stderr) throws Exception {
        if (!GuardedOutput.createFolder(out, stderr)) {
            return Main.BAD_INPUT;
        }
        ProgressDisplay progress = new ProgressDisplay(
                "simulating", scenario.start(), scenario.end(), System.err, ProgressDisplay.onATerminal());
        Finished finished = GuardedOutput.run(
                out, List.of(EVENTS, SUMMARY, REPORT), progress, stderr, files -> writeAll(files, progress));
        new SummaryTable(finished.summary(), scenario.description()).print(stdout);
        stdout.printf(
                "%nSimulated %,d requests (%,d events) in %.1f s: %,.0f requests/s, peak heap %,d MB.%n",
                finished.requests(),
                finished.events(),
                finished.seconds(),
                finished.requests() / Math.max(finished.seconds(), 1e-9),
                peakHeapMegabytes());
        stdout.println("Files: " + (writeEvents ? out.resolve(EVENTS) + " (the event log), " : "")
                + out.resolve(SUMMARY) + " (the summary), " + out.resolve(REPORT) + " (the summary with charts).");
        if (writeEvents) {
            stdout.println("Ask why:  tender explain <request id> --events " + out.resolve(EVENTS));
        }
        return 0;
    }

    /** What a run that wrote all its files has to tell. */
    private record Finished(Summary summary, long requests, long events, double seconds) {}

    /** Runs the simulation and writes the files, which take their final names only at the end. */
    private Finished writeAll(OutputFiles files, ProgressDisplay progress) throws IOException {
        files.removeEarlierRun();
        SummaryCollector collector = new SummaryCollector(scenario.world(), scenario.start(), scenario.end());
        long[] events = new long[1];
        EventSink summing = collector.andThen(e -> events[0]++);
        JsonlEventWriter writer = writeEvents ? new JsonlEventWriter(files.open(EVENTS)) : null;
        long began = System.nanoTime();
        Simulation.Run run;
        // The engine runs on one thread, the summary and the log each on another: together they
        // take longer than the engine, so one thread for both held the engine back.
        try (BackgroundSink summary = new BackgroundSink("tender-summary", summing);
                @Nullable BackgroundSink log = writer == null ? null : new BackgroundSink("tender-log", writer)) {
            run = new Simulation(scenario, log == null ? summary : summary.andThen(log)).run(progress);
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        Summary summary = collector.summary(scenario.name(), scenario.seed());
        // The page is made on the other core while the summary is written: for a large world
        // each takes a few tenths of a second, most of it code running for the first time.
        CompletableFuture<String> page =
                CompletableFuture.supplyAsync(() -> HtmlReport.text(summary, scenario.description()));
        files.write(SUMMARY, file -> SummaryJson.write(summary, file));
        String report = page.join();
        files.write(REPORT, file -> Files.writeString(file, report, StandardCharsets.UTF_8));
        files.publish();
        return new Finished(summary, run.submitted(), events[0], seconds);
    }
}
