package dev.tender.cli;

import dev.tender.world.Variant;
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
            "Then it plays the story's variants beside the story as signed, " + DemoCommand.RUNS
                    + " runs each on the same demand: without Azure's right of first refusal, without its API exclusivity, an open market with no clauses, Stargate Abilene a year late, a 25% larger demand. It ends with what each changes (cost, cost per unit-hour, unmet units, time to capacity) and a 90% interval, and writes the comparison to compare/ in the output folder (see `tender compare`).",
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

    /** Runs of each variant: enough for intervals that tell most changes apart, few enough for a demo. */
    static final int RUNS = 10;

    static final String COMPARISON = "compare";

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
        var story = scenario.get().scenario();
        var stdout = spec.commandLine().getOut();
        int played = new ScenarioRun(story, out.path, true).execute(stdout, err);
        if (played != 0) {
            return played;
        }
        stdout.println();
        Variant asSigned = new Variant("as-signed", "the story as signed", story);
        return new ComparisonRun(asSigned, scenario.get().variants(), RUNS, story.seed(), out.path.resolve(COMPARISON))
                .execute(stdout, err);
    }
}
