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
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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

    int execute(PrintWriter stdout, PrintWriter stderr) throws IOException {
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            stderr.println("tender: cannot create the output folder " + out + ": " + e.getMessage());
            return Main.BAD_INPUT;
        }
        OutputFiles files = new OutputFiles(out, List.of(EVENTS, SUMMARY, REPORT));
        ProgressDisplay progress =
                new ProgressDisplay(scenario.start(), scenario.end(), System.err, System.console() != null);
        Thread onInterrupt = new Thread(() -> interrupted(files, progress, stderr), "tender-interrupted");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        Finished finished;
        try {
            finished = writeAll(files, progress);
        } finally {
            files.discard();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is already on its way out; the hook has run or is running.
            }
        }
        new SummaryTable(finished.summary(), scenario.description()).print(stdout);
        stdout.printf(
                "%nSimulated %,d requests (%,d events) in %.1f s: %,.0f requests/s, peak heap %,d MB.%n",
                finished.requests(),
                finished.events(),
                finished.seconds(),
                finished.requests() / Math.max(finished.seconds(), 1e-9),
                peakHeapMegabytes());
        stdout.println("Files: " + (writeEvents ? files.path(EVENTS) + " (the event log), " : "") + files.path(SUMMARY)
                + " (the summary), " + files.path(REPORT) + " (the summary with charts).");
        if (writeEvents) {
            stdout.println("Ask why:  tender explain <request id> --events " + files.path(EVENTS));
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
        EventSink downstream = collector.andThen(e -> events[0]++);
        JsonlEventWriter writer = writeEvents ? new JsonlEventWriter(files.open(EVENTS)) : null;
        if (writer != null) {
            downstream = downstream.andThen(writer);
        }
        long began = System.nanoTime();
        Simulation.Run run;
        // The summary and the log are kept on the second core while the engine runs on the first.
        try (BackgroundSink sink = new BackgroundSink(downstream);
                progress) {
            run = new Simulation(scenario, sink).run(progress);
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        Summary summary = collector.summary(scenario.name(), scenario.seed());
        files.write(SUMMARY, file -> SummaryJson.write(summary, file));
        files.write(REPORT, file -> HtmlReport.write(summary, scenario.description(), file));
        files.publish();
        return new Finished(summary, run.submitted(), events[0], seconds);
    }

    /**
     * Ctrl-C, or any other end of the JVM before the run is complete: the JVM runs this hook and then
     * exits (with 130 after Ctrl-C). Nothing of the run may stay behind, and the user hears so in one
     * line.
     */
    private void interrupted(OutputFiles files, ProgressDisplay progress, PrintWriter stderr) {
        progress.stop();
        List<Path> left = files.giveUp();
        stderr.println("tender: interrupted; no output was written to " + folderName(out)
                + (left.isEmpty() ? " (partial files removed)" : " (could not remove " + left + ")"));
        stderr.flush();
    }

    private static String folderName(Path folder) {
        String name = folder.toString();
        return name.endsWith(File.separator) ? name : name + File.separator;
    }
}
