package dev.tender.cli;

import dev.tender.demand.RequestId;
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
            "Tells one request's story from an event log.",
            "",
            "The story says which clause routed the request, who was asked and by when, who answered what, what was awarded at what price, and why the rest was not.",
        },
        descriptionHeading = "%n",
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tender demo                                   # writes out/events.jsonl",
            "  tender explain training-60 --events out/events.jsonl",
            "  tender explain research-1 --events out/events.jsonl",
        })
final class ExplainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "REQUEST",
            description = "The request's id as the log names it: its generator's name and a number, e.g. training-60.")
    String request;

    @Option(
            names = "--events",
            paramLabel = "FILE",
            required = true,
            description = "The event log to read, events.jsonl as `tender demo` or `tender simulate` wrote it."
                    + " Required; there is no default.")
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
        EventLogReader.Reading reading;
        try {
            reading = EventLogReader.read(events, line -> line.contains(needle), story::add);
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
        out.print(Explanation.story(new RequestId(request), story));
        out.flush();
        reading.truncation().ifPresent(truncated -> err.println("tender: " + events + ": " + truncated));
        return 0;
    }
}
