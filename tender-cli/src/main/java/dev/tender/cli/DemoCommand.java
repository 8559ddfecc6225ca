package dev.tender.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = {
            "Plays the seed story: OpenAI's compute supply from 2025 to 2028, once Azure was no longer",
            "its exclusive cloud. Azure keeps a right of first refusal and the API exclusivity; CoreWeave,",
            "Oracle and Stargate's Texas campus fill what Azure cannot. Prints the summary and writes",
            "events.jsonl and summary.json.",
        },
        footer = {
            "",
            "Example:",
            "  tender demo --out /tmp/story",
            "  tender explain g1-12 --events /tmp/story/events.jsonl"
        })
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    OutputFolder out;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        var scenario = ScenarioSource.seedStory(err);
        if (scenario.isEmpty()) {
            return Main.FAILURE;
        }
        return new ScenarioRun(scenario.get(), out.path, true)
                .execute(spec.commandLine().getOut(), err);
    }
}
