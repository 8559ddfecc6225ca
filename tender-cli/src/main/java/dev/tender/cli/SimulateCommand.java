package dev.tender.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = {
            "Plays a scenario on a virtual clock and writes every decision.",
            "",
            "Requests are submitted at their instants, providers answer by their rules and deadlines pass: years of demand in seconds. Prints the summary and writes three files to the output folder: events.jsonl (every decision), summary.json and report.html (the summary with charts).",
            "",
            "The same scenario and seed always write the same files, byte for byte. Warnings about the scenario (see `tender validate`) are printed to stderr first; they do not stop the run.",
        },
        descriptionHeading = "%n",
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tender simulate scenarios/seed-story.yaml --seed 8 --out /tmp/seed-8",
            "  tender simulate scenarios/seed-story.yaml --events none   # fastest",
        })
final class SimulateCommand implements Callable<Integer> {

    enum EventsMode {
        none,
        file
    }

    @Spec
    CommandSpec spec;

    @Parameters(
            index = "0",
            paramLabel = "FILE",
            description = "The scenario (YAML); `tender validate FILE` lists its problems without running it.")
    Path file;

    @Mixin
    OutputFolder out;

    @Option(
            names = "--seed",
            paramLabel = "N",
            description = "The seed that draws the demand; another seed plays other demand against the same world."
                    + " Default: the scenario's own seed.")
    Long seed;

    @Option(
            names = "--events",
            paramLabel = "MODE",
            defaultValue = "file",
            description = "What to do with the event log: `file` writes every decision to events.jsonl in the"
                    + " output folder; `none` writes only summary.json and report.html, which is fastest."
                    + " Default: ${DEFAULT-VALUE}.")
    EventsMode events;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        var scenario = ScenarioSource.load(file, err);
        if (scenario.isEmpty()) {
            return Main.BAD_INPUT;
        }
        var loaded = scenario.get().scenario();
        var chosen = seed == null ? loaded : loaded.withSeed(seed);
        return new ScenarioRun(chosen, out.path, events == EventsMode.file)
                .execute(spec.commandLine().getOut(), err);
    }
}
