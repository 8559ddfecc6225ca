package dev.tender.cli;

import dev.tender.event.TenderEvent;
import dev.tender.eventlog.EventLogReader;
import dev.tender.report.Summary;
import dev.tender.report.SummaryCollector;
import dev.tender.summary.HtmlReport;
import dev.tender.summary.SummaryJson;
import dev.tender.world.Scenario;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        description = {
            "Rebuilds the summary and the report from an event log.",
            "",
            "Reads events.jsonl and the scenario that made it, and writes summary.json and report.html as the run that wrote the log did, byte for byte. A line that is not an event of the log's schema, or that names a provider the scenario does not have, is refused with its line number; a log that ends before some requests closed is summed up as far as it goes, and the command says so.",
        },
        descriptionHeading = "%n",
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tender demo --out /tmp/story",
            "  tender report scenarios/seed-story.yaml --events /tmp/story/events.jsonl",
        })
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario (YAML) the log was written for.")
    Path file;

    @Option(
            names = "--events",
            paramLabel = "LOG",
            required = true,
            description = "The event log to read, events.jsonl as `tender demo` or `tender simulate` wrote it."
                    + " Required; there is no default.")
    Path events;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "The seed the log was played with, as the summary records it. Default: the scenario's"
                    + " own seed.")
    Long seed;

    @Mixin
    OutputFolder out;

    /** What a reading of the whole log comes to. */
    private record Rebuilt(Summary summary, EventLogReader.Reading reading) {}

    @Override
    public Integer call() throws Exception {
        var stdout = spec.commandLine().getOut();
        var stderr = spec.commandLine().getErr();
        var loaded = ScenarioSource.load(file, stderr);
        if (loaded.isEmpty()) {
            return Main.BAD_INPUT;
        }
        Scenario scenario = loaded.get().scenario();
        if (!Files.isRegularFile(events)) {
            stderr.println("tender: no event log at " + events + " (run `tender demo` or `tender simulate` first)");
            return Main.BAD_INPUT;
        }
        if (!GuardedOutput.createFolder(out.path, stderr)) {
            return Main.BAD_INPUT;
        }
        ProgressDisplay progress = new ProgressDisplay(
                "reading", scenario.start(), scenario.end(), System.err, ProgressDisplay.onATerminal());
        Rebuilt rebuilt;
        try {
            rebuilt = GuardedOutput.run(
                    out.path,
                    List.of(ScenarioRun.SUMMARY, ScenarioRun.REPORT),
                    progress,
                    stderr,
                    files -> rebuild(scenario, files, progress));
        } catch (EventLogReader.MalformedLog e) {
            stderr.println("tender: " + events + ": " + e.getMessage() + "; nothing was written");
            return Main.BAD_INPUT;
        } catch (CharacterCodingException e) {
            stderr.println("tender: " + events + " is not a UTF-8 text file, so not an event log");
            return Main.BAD_INPUT;
        } catch (NoSuchFileException e) {
            stderr.println("tender: no event log at " + events);
            return Main.BAD_INPUT;
        }
        new SummaryTable(rebuilt.summary(), scenario.description()).print(stdout);
        stdout.printf("%nRead %,d events from %s.%n", rebuilt.reading().events(), events);
        stdout.println("Files: " + out.path.resolve(ScenarioRun.SUMMARY) + " (the summary), "
                + out.path.resolve(ScenarioRun.REPORT) + " (the summary with charts).");
        stdout.flush();
        rebuilt.reading()
                .truncation()
                .ifPresent(truncated -> stderr.println(
                        "tender: " + events + ": " + truncated + " The summary counts only what the log holds."));
        return 0;
    }

    private Rebuilt rebuild(Scenario scenario, OutputFiles files, ProgressDisplay progress) throws Exception {
        files.removeEarlierRun();
        SummaryCollector collector = new SummaryCollector(scenario.world(), scenario.start(), scenario.end());
        long[] submitted = new long[1];
        EventLogReader.Reading reading = EventLogReader.read(events, line -> true, event -> {
            collector.accept(event);
            if (event instanceof TenderEvent.Submitted && ++submitted[0] % 1024 == 0) {
                progress.at(event.at(), submitted[0]);
            }
        });
        Summary summary = collector.summary(scenario.name(), seed == null ? scenario.seed() : seed);
        files.write(ScenarioRun.SUMMARY, target -> SummaryJson.write(summary, target));
        files.write(ScenarioRun.REPORT, target -> HtmlReport.write(summary, scenario.description(), target));
        files.publish();
        return new Rebuilt(summary, reading);
    }
}
