package dev.tender.cli;

import dev.tender.compare.Comparison;
import dev.tender.compare.Estimate;
import dev.tender.compare.Figure;
import dev.tender.summary.SummaryJson;
import dev.tender.world.Variant;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
            "Writes compare.json (every run of every figure), compare.csv (variant,figure,unit,mean,low,high,diff,diffLow,diffHigh) and each entrant's first run as <name>/summary.json to the output folder.",
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

    static final String JSON = "compare.json";
    static final String CSV = "compare.csv";

    /** The figures the table on screen shows; the files have them all. */
    private static final List<String> HEADLINES =
            List.of("cost", "costPerUnitHour", "unmetUnits", "timeToCapacity.mean", "timeToCapacity.p90");

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
        List<Variant> entrants = new ArrayList<>();
        entrants.add(new Variant("base", "the scenario as written", base));
        variants.stream().filter(v -> only.isEmpty() || only.contains(v.name())).forEach(entrants::add);
        long first = seed == null ? base.seed() : seed;
        if (!GuardedOutput.createFolder(out.path, err)) {
            return Main.BAD_INPUT;
        }
        List<String> files = new ArrayList<>(List.of(JSON, CSV));
        entrants.forEach(e -> files.add(e.name() + "/" + ScenarioRun.SUMMARY));
        int threads = Runtime.getRuntime().availableProcessors();
        long began = System.nanoTime();
        ProgressDisplay progress = ProgressDisplay.ofRuns(
                "comparing", (long) entrants.size() * runs, System.err, ProgressDisplay.onATerminal());
        Comparison.Outcome outcome = GuardedOutput.run(out.path, files, progress, err, written -> {
            written.removeEarlierRun();
            Comparison.Outcome done = new Comparison(entrants, runs, first).run(threads, progress::finished);
            written.write(JSON, f -> ComparisonFiles.writeJson(done, base.name(), first, f));
            written.write(CSV, f -> ComparisonFiles.writeCsv(done, f));
            for (int e = 0; e < entrants.size(); e++) {
                var summary = done.summaries(e).get(0);
                String name = entrants.get(e).name() + "/" + ScenarioRun.SUMMARY;
                Files.createDirectories(out.path.resolve(entrants.get(e).name()));
                written.write(name, f -> SummaryJson.write(summary, f));
            }
            written.publish();
            return done;
        });
        print(outcome, first, (System.nanoTime() - began) / 1e9, threads);
        return 0;
    }

    private void print(Comparison.Outcome outcome, long first, double seconds, int threads) {
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(
                Locale.ROOT,
                "%s: %s and %d variants, %d runs each (seeds %d to %d), in %.1f s on %d threads.%n",
                outcome.base().scenario().name(),
                "the base",
                outcome.entrants().size() - 1,
                outcome.runs(),
                first,
                first + outcome.runs() - 1,
                seconds,
                threads);
        stdout.println();
        stdout.println("Differences to the base, paired by run: the mean over the runs [90% interval].");
        List<Figure> shown = outcome.figures().stream()
                .filter(f -> HEADLINES.contains(f.name()))
                .toList();
        for (int e = 0; e < outcome.entrants().size(); e++) {
            Variant entrant = outcome.entrants().get(e);
            stdout.println();
            stdout.println(entrant.name() + (entrant.description().isEmpty() ? "" : ": " + entrant.description()));
            for (Figure figure : shown) {
                Estimate value = outcome.estimate(e, figure);
                stdout.printf(
                        Locale.ROOT,
                        "  %-22s %14s %-18s%s%n",
                        figure.name(),
                        human(value.mean()),
                        figure.unit().equals("USD per unit-hour") ? "USD/unit-hour" : figure.unit(),
                        e == 0 ? "" : difference(outcome.difference(e, figure)));
            }
        }
        stdout.println();
        stdout.println("Files: " + out.path.resolve(JSON) + ", " + out.path.resolve(CSV) + ", and <name>/"
                + ScenarioRun.SUMMARY + " for each (its first run).");
    }

    private static String difference(Estimate estimate) {
        String noise = estimate.excludesZero() ? "" : "  (within the runs' noise)";
        return "  " + signed(estimate.mean()) + " [" + signed(estimate.low()) + ", " + signed(estimate.high()) + "]"
                + noise;
    }

    private static String signed(double value) {
        return (value > 0 ? "+" : "") + human(value);
    }

    /** A figure as a person reads it: 3.25 B, 24.2 K, 0.06. */
    static String human(double value) {
        double size = Math.abs(value);
        if (size >= 1e9) {
            return String.format(Locale.ROOT, "%.2f B", value / 1e9);
        }
        if (size >= 1e6) {
            return String.format(Locale.ROOT, "%.2f M", value / 1e6);
        }
        if (size >= 1e4) {
            return String.format(Locale.ROOT, "%.1f K", value / 1e3);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
