package dev.tender.cli;

import dev.tender.event.TenderEvent;
import dev.tender.eventlog.EventLogReader;
import dev.tender.report.Explanation;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "explain",
        mixinStandardHelpOptions = true,
        description = {
            "Tells one request's story from an event log: the clause that routed it, who was asked and",
            "when, who answered what, what was awarded, and why the rest was not.",
        },
        footer = {"", "Example:", "  tender explain g1-12 --events out/events.jsonl"})
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REQUEST", description = "The request id, as in the log.")
    String request;

    @Option(names = "--events", paramLabel = "FILE", required = true, description = "The event log (events.jsonl).")
    Path events;

    @Override
    public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        if (!Files.isRegularFile(events)) {
            err.println("tender: no event log at " + events + " (run `tender demo` or `tender simulate` first)");
            return Main.BAD_INPUT;
        }
        List<TenderEvent> story = new ArrayList<>();
        String needle = "\"request\":\"" + request + "\"";
        try {
            EventLogReader.read(events, line -> line.contains(needle), story::add);
        } catch (EventLogReader.MalformedLog e) {
            err.println("tender: " + events + ": " + e.getMessage());
            return Main.BAD_INPUT;
        } catch (NoSuchFileException e) {
            err.println("tender: no event log at " + events);
            return Main.BAD_INPUT;
        } catch (CharacterCodingException e) {
            err.println("tender: " + events + " is not a UTF-8 text file, so not an event log");
            return Main.BAD_INPUT;
        }
        if (story.isEmpty()) {
            err.println("tender: request " + request + " does not appear in " + events);
            return Main.BAD_INPUT;
        }
        out.println("Request " + request + ":");
        for (String sentence : Explanation.of(story)) {
            out.println("  " + sentence);
        }
        return 0;
    }
}
