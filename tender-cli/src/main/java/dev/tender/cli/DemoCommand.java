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
            "Plays the seed story: OpenAI's compute supply from 2025 to 2028.",
            "",
            "Azure stops being OpenAI's exclusive cloud on 21 January 2025 and keeps a right of first refusal on new capacity and the exclusive right to its API compute; CoreWeave, Oracle and Stargate's sites in Texas and beyond supply what Azure does not take.",
            "",
            "Prints the summary and writes three files to the output folder: events.jsonl (every decision), summary.json and report.html (the summary with charts).",
            "",
            "The story is built into Tender. The same scenario, with a comment on every number, is in scenarios/seed-story.yaml: read it, change it, and play it with `tender simulate`.",
        },
        descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tender demo --out /tmp/story",
            "  tender explain training-60 --events /tmp/story/events.jsonl",
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
        return new ScenarioRun(scenario.get().scenario(), out.path, true)
                .execute(spec.commandLine().getOut(), err);
    }
}
