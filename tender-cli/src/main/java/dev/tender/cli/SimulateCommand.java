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
            "Plays a scenario's demand against its world on a virtual clock and writes every decision.",
            "The same scenario and seed always write the same events.jsonl, byte for byte.",
        },
        footer = {
            "",
            "Examples:",
            "  tender simulate scenarios/seed-story.yaml",
            "  tender simulate my-world.yaml --seed 42 --out runs/42",
            "  tender simulate big-world.yaml --events none     # summary only, fastest",
        })
final class SimulateCommand implements Callable<Integer> {

    enum EventsMode {
        none,
        file
    }

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario (YAML); see `tender validate`.")
    Path file;

    @Mixin
    OutputFolder out;

    @Option(names = "--seed", paramLabel = "N", description = "Overrides the scenario's seed.")
    Long seed;

    @Option(
            names = "--events",
            paramLabel = "MODE",
            defaultValue = "file",
            description = "file: write DIR/events.jsonl; none: write only the summary (and remove a stale"
                    + " events.jsonl). Default: ${DEFAULT-VALUE}.")
    EventsMode events;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        var scenario = ScenarioSource.load(file, err);
        if (scenario.isEmpty()) {
            return Main.BAD_INPUT;
        }
        var chosen = seed == null ? scenario.get() : scenario.get().withSeed(seed);
        return new ScenarioRun(chosen, out.path, events == EventsMode.file)
                .execute(spec.commandLine().getOut(), err);
    }
}
