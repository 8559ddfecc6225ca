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
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs a scenario in the simulator and writes what it decided: the event log, the summary, the table. */
final class ScenarioRun {

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
        Path eventsFile = out.resolve("events.jsonl");
        Path summaryFile = out.resolve("summary.json");
        Path reportFile = out.resolve("report.html");
        SummaryCollector collector = new SummaryCollector(scenario.world(), scenario.start(), scenario.end());
        long[] events = new long[1];
        EventSink downstream = collector.andThen(e -> events[0]++);
        JsonlEventWriter writer = writeEvents ? JsonlEventWriter.to(eventsFile) : null;
        if (writer != null) {
            downstream = downstream.andThen(writer);
        }
        long began = System.nanoTime();
        Simulation.Run run;
        // The summary and the log are kept on the second core while the engine runs on the first.
        try (BackgroundSink sink = new BackgroundSink(downstream);
                ProgressDisplay progress =
                        new ProgressDisplay(scenario.start(), scenario.end(), System.err, System.console() != null)) {
            run = new Simulation(scenario, sink).run(progress);
        } finally {
            if (writer != null) {
                writer.close();
            }
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        if (!writeEvents) {
            Files.deleteIfExists(eventsFile);
        }
        Summary summary = collector.summary(scenario.name(), scenario.seed());
        SummaryJson.write(summary, summaryFile);
        HtmlReport.write(summary, scenario.description(), reportFile);
        new SummaryTable(summary, scenario.description()).print(stdout);
        stdout.printf(
                "%nSimulated %,d requests (%,d events) in %.1f s: %,.0f requests/s, peak heap %,d MB.%n",
                run.submitted(), events[0], seconds, run.submitted() / Math.max(seconds, 1e-9), peakHeapMegabytes());
        stdout.println("Files: " + (writeEvents ? eventsFile + " (the event log), " : "") + summaryFile
                + " (the summary), " + reportFile + " (the summary with charts).");
        if (writeEvents) {
            stdout.println("Ask why:  tender explain <request id> --events " + eventsFile);
        }
        return 0;
    }
}
