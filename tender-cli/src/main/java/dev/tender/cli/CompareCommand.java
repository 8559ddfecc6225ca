package dev.tender.cli;

import dev.tender.world.Variant;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        description = {
            "Plays a scenario and its variants side by side on the same demand, many runs each, and tells what each change makes different.",
            "",
            "Run k of the base and of every variant draws its demand with the seed S + k, so all of them meet the very same requests in run k, and the difference between a variant's run k and the base's is the change's alone. Each figure (cost, cost per unit-hour, units and share by provider, unmet units by cause, time to capacity, right-of-first-refusal outcomes, commitment shortfalls) comes with its mean over the runs, a 90% confidence interval, and the paired difference to the base with its own interval. Runs go on all cores.",
            "",
            "Writes to the output folder report.html (the differences with a chart per headline figure, then each entrant's own report of its first run; one file that opens offline), compare.json (every run of every figure), compare.csv (variant,figure,unit,mean,low,high,diff,diffLow,diffHigh) and each entrant's first run as <name>/summary.json.",
            "",
            "The variants are those of the scenario's `variants:` (see `tender validate`).",
        },
        descriptionHeading = "%n",
        parameterListHeading = "%nParameters:%n",
        optionListHeading = "%nOptions:%n",
        footerHeading = "%nExamples:%n",
        footer = {
            "  tender compare scenarios/seed-story.yaml",
            "  tender compare scenarios/seed-story.yaml --variant no-rofr --runs 20",
        })
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "The scenario (YAML), with its `variants:`.")
    Path file;

    @Mixin
    OutputFolder out;

    @Option(
            names = "--variant",
            paramLabel = "NAME",
            description = "Only this variant (repeat for several); the base is always played. Default: every variant.")
    List<String> only = new ArrayList<>();

    @Option(
            names = "--runs",
            paramLabel = "N",
            defaultValue = "8",
            description = "Runs of each, 2 to 1000: more runs, narrower intervals. Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(
            names = "--seed",
            paramLabel = "S",
            description = "The seed of run 0; run k uses S + k. Default: the scenario's own seed.")
    Long seed;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (runs < 2 || runs > 1000) {
            err.println(
                    "tender compare: --runs must be 2 to 1000, not " + runs + " (an interval needs two runs at least)");
            return Main.BAD_INPUT;
        }
        var loaded = ScenarioSource.load(file, err);
        if (loaded.isEmpty()) {
            return Main.BAD_INPUT;
        }
        List<Variant> variants = loaded.get().variants();
        if (variants.isEmpty()) {
            err.println(file + " has no variants, so there is nothing to compare: add `variants:`, each a name and"
                    + " changes to the base (remove, add, end, scaleCapacity, delay, prices, scaleDemand)");
            return Main.BAD_INPUT;
        }
        List<String> names = variants.stream().map(Variant::name).toList();
        List<String> unknown = only.stream().filter(n -> !names.contains(n)).toList();
        if (!unknown.isEmpty()) {
            err.println("tender compare: --variant " + String.join(", ", unknown) + ": no such variant in " + file
                    + "; it has: " + String.join(", ", names));
            return Main.BAD_INPUT;
        }
        var base = loaded.get().scenario();
        List<Variant> chosen = variants.stream()
                .filter(v -> only.isEmpty() || only.contains(v.name()))
                .toList();
        Variant asWritten = new Variant(ComparisonRun.BASE, "the scenario as written", base);
        return new ComparisonRun(asWritten, chosen, runs, seed == null ? base.seed() : seed, out.path)
                .execute(spec.commandLine().getOut(), err);
    }
}
