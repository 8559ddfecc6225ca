package dev.tender.cli;

import dev.tender.compare.Comparison;
import dev.tender.compare.Estimate;
import dev.tender.compare.Figure;
import dev.tender.summary.ComparisonReport;
import dev.tender.summary.SummaryJson;
import dev.tender.world.Variant;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plays a scenario and variants of it on paired runs and writes what they came to: {@code
 * compare.json}, {@code compare.csv}, each entrant's first run as {@code <name>/summary.json}, and
 * on screen the headline figures with the differences to the base. The files appear only when
 * all are complete (see {@link OutputFiles}).
 */
final class ComparisonRun {

    static final String JSON = "compare.json";
    static final String CSV = "compare.csv";
    /** What {@code compare} names the scenario as written, beside its variants. */
    static final String BASE = "base";

    /**
     * The headline figures, which the screen and the report's charts show (the files have them
     * all), with their titles on the charts.
     */
    private static final Map<String, String> HEADLINES = Map.of(
            "cost", "Cost",
            "costPerUnitHour", "Cost per unit-hour",
            "unmetUnits", "Unmet units",
            "timeToCapacity.mean", "Time to capacity, mean",
            "timeToCapacity.p90", "Time to capacity, 90th percentile");

    private final List<Variant> entrants = new ArrayList<>();
    private final int runs;
    private final long seed;
    private final Path out;

    ComparisonRun(Variant base, List<Variant> variants, int runs, long seed, Path out) {
        entrants.add(base);
        entrants.addAll(variants);
        this.runs = runs;
        this.seed = seed;
        this.out = out;
    }

    int execute(PrintWriter stdout, PrintWriter stderr) throws Exception {
        if (!GuardedOutput.createFolder(out, stderr)) {
            return Main.BAD_INPUT;
        }
        List<String> files = new ArrayList<>(List.of(JSON, CSV, ScenarioRun.REPORT));
        entrants.forEach(e -> files.add(e.name() + "/" + ScenarioRun.SUMMARY));
        int threads = Runtime.getRuntime().availableProcessors();
        long began = System.nanoTime();
        ProgressDisplay progress = ProgressDisplay.ofRuns(
                "comparing", (long) entrants.size() * runs, System.err, ProgressDisplay.onATerminal());
        String scenario = entrants.get(0).scenario().name();
        Comparison.Outcome outcome = GuardedOutput.run(out, files, progress, stderr, written -> {
            written.removeEarlierRun();
            Comparison.Outcome done = new Comparison(entrants, runs, seed).run(threads, progress::finished);
            written.write(JSON, f -> ComparisonFiles.writeJson(done, scenario, seed, f));
            written.write(CSV, f -> ComparisonFiles.writeCsv(done, f));
            written.write(ScenarioRun.REPORT, f -> report(done, scenario, f));
            for (int e = 0; e < entrants.size(); e++) {
                var summary = done.summaries(e).get(0);
                Files.createDirectories(out.resolve(entrants.get(e).name()));
                written.write(entrants.get(e).name() + "/" + ScenarioRun.SUMMARY, f -> SummaryJson.write(summary, f));
            }
            written.publish();
            return done;
        });
        print(stdout, outcome, (System.nanoTime() - began) / 1e9, threads);
        return 0;
    }

    private void report(Comparison.Outcome outcome, String scenario, Path file) throws IOException {
        List<ComparisonReport.Entrant> shown = new ArrayList<>();
        for (int e = 0; e < outcome.entrants().size(); e++) {
            Variant entrant = outcome.entrants().get(e);
            shown.add(new ComparisonReport.Entrant(
                    entrant.name(), entrant.description(), outcome.summaries(e).get(0)));
        }
        List<ComparisonReport.Headline> headlines = new ArrayList<>();
        for (Figure figure : headlines(outcome)) {
            List<ComparisonReport.Estimated> values = new ArrayList<>();
            List<ComparisonReport.Estimated> differences = new ArrayList<>();
            for (int e = 0; e < outcome.entrants().size(); e++) {
                values.add(estimated(outcome.estimate(e, figure)));
                differences.add(estimated(outcome.difference(e, figure)));
            }
            String title = HEADLINES.getOrDefault(figure.name(), figure.name());
            headlines.add(new ComparisonReport.Headline(title, figure.unit(), values, differences));
        }
        String runsInWords = outcome.runs() + " runs each, seeds " + seed + " to " + (seed + outcome.runs() - 1);
        ComparisonReport.write(scenario, ComparisonFiles.INTERVALS, runsInWords, shown, headlines, file);
    }

    private static List<Figure> headlines(Comparison.Outcome outcome) {
        return outcome.figures().stream()
                .filter(f -> HEADLINES.containsKey(f.name()))
                .toList();
    }

    private static ComparisonReport.Estimated estimated(Estimate estimate) {
        return new ComparisonReport.Estimated(estimate.mean(), estimate.low(), estimate.high());
    }

    private void print(PrintWriter stdout, Comparison.Outcome outcome, double seconds, int threads) {
        stdout.printf(
                Locale.ROOT,
                "%s: the base and %d variants, %d runs each (seeds %d to %d), in %.1f s on %d threads.%n",
                outcome.base().scenario().name(),
                outcome.entrants().size() - 1,
                outcome.runs(),
                seed,
                seed + outcome.runs() - 1,
                seconds,
                threads);
        stdout.println();
        stdout.println(
                "Differences to " + outcome.base().name() + ", paired by run: the mean over the runs [90% interval].");
        List<Figure> shown = headlines(outcome);
        for (int e = 0; e < outcome.entrants().size(); e++) {
            Variant entrant = outcome.entrants().get(e);
            stdout.println();
            stdout.println(entrant.name() + (entrant.description().isEmpty() ? "" : ": " + entrant.description()));
            for (Figure figure : shown) {
                stdout.printf(
                        Locale.ROOT,
                        "  %-22s %14s %-18s%s%n",
                        figure.name(),
                        human(outcome.estimate(e, figure).mean()),
                        figure.unit().equals("USD per unit-hour") ? "USD/unit-hour" : figure.unit(),
                        e == 0 ? "" : difference(outcome.difference(e, figure)));
            }
        }
        stdout.println();
        stdout.println("Files: " + out.resolve(ScenarioRun.REPORT) + " (the comparison with charts), "
                + out.resolve(JSON) + ", " + out.resolve(CSV) + ", and <name>/" + ScenarioRun.SUMMARY
                + " for each (its first run).");
    }

    private static String difference(Estimate estimate) {
        String noise = estimate.excludesZero() ? "" : "  (within the runs' noise)";
        return "  " + signed(estimate.mean()) + " [" + signed(estimate.low()) + ", " + signed(estimate.high()) + "]"
                + noise;
    }

    private static String signed(double value) {
        return (value > 0 ? "+" : "") + human(value);
    }

    /** A figure as a person reads it: 3.25 B, 24.2 K, 1,415, 0.06. */
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
        if (size >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
