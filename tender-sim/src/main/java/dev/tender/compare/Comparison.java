package dev.tender.compare;

import dev.tender.report.Summary;
import dev.tender.report.SummaryCollector;
import dev.tender.sim.Simulation;
import dev.tender.world.Scenario;
import dev.tender.world.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Plays a base scenario and its variants side by side: run k of each draws its demand with seed
 * {@code seed + k}, so every entrant meets the same requests in run k (common random numbers) and
 * the difference between two entrants' run k is their change's alone. Runs go in parallel.
 */
public final class Comparison {

    /** Told as runs finish, from the threads that ran them. */
    public interface Progress {
        void finished(int runsDone, int runsInAll);

        Progress NONE = (done, all) -> {};
    }

    private final List<Variant> entrants;
    private final int runs;
    private final long seed;

    /**
     * @param entrants the base first (its name is the one differences are taken to), then the
     *     variants; names unique
     * @param runs how many runs each, at least 1
     * @param seed the seed of run 0; run k draws with {@code seed + k}
     */
    public Comparison(List<Variant> entrants, int runs, long seed) {
        this.entrants = List.copyOf(entrants);
        if (this.entrants.isEmpty()) {
            throw new IllegalArgumentException("a comparison needs a base");
        }
        Set<String> names = new LinkedHashSet<>();
        this.entrants.forEach(entrant -> {
            if (!names.add(entrant.name())) {
                throw new IllegalArgumentException("two entrants are named " + entrant.name());
            }
        });
        if (runs < 1) {
            throw new IllegalArgumentException("runs must be at least 1, not " + runs);
        }
        this.runs = runs;
        this.seed = seed;
    }

    /** Plays every entrant {@code runs} times on {@code threads} threads. */
    public Outcome run(int threads, Progress progress) throws InterruptedException {
        Objects.requireNonNull(progress, "progress");
        int all = entrants.size() * runs;
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), runnable -> {
            Thread thread = new Thread(runnable, "tender-compare");
            thread.setDaemon(true);
            return thread;
        });
        try {
            // Run by run, every entrant's run k next to each other: a comparison stopped early
            // has whole pairs, and entrants of one run share the memory of that run's demand.
            List<Future<Summary>> futures = new ArrayList<>(all);
            for (int k = 0; k < runs; k++) {
                for (Variant entrant : entrants) {
                    Scenario scenario = entrant.scenario().withSeed(seed + k);
                    futures.add(pool.submit(() -> {
                        Summary summary = play(scenario);
                        progress.finished(done.incrementAndGet(), all);
                        return summary;
                    }));
                }
            }
            List<List<Summary>> summaries = new ArrayList<>();
            entrants.forEach(entrant -> summaries.add(new ArrayList<>()));
            for (int i = 0; i < futures.size(); i++) {
                summaries.get(i % entrants.size()).add(futures.get(i).get());
            }
            return new Outcome(entrants, summaries);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a run failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static Summary play(Scenario scenario) {
        SummaryCollector collector = new SummaryCollector(scenario.world(), scenario.start(), scenario.end());
        new Simulation(scenario, collector).run(Simulation.Progress.NONE);
        return collector.summary(scenario.name(), scenario.seed());
    }

    /**
     * What the runs came to: each entrant's summaries by run, and each figure's values by run,
     * with their estimates and their paired differences to the base. A figure one entrant lacks
     * (a provider it never used) counts 0 in its runs.
     */
    public static final class Outcome {
        private final List<Variant> entrants;
        private final List<List<Summary>> summaries;
        private final List<Figure> figures;
        /** By entrant, then figure: the values of the runs. */
        private final List<Map<Figure, double[]>> values = new ArrayList<>();

        Outcome(List<Variant> entrants, List<List<Summary>> summaries) {
            this.entrants = entrants;
            this.summaries = summaries;
            Set<Figure> union = new LinkedHashSet<>();
            List<List<Map<Figure, Double>>> read = new ArrayList<>();
            for (List<Summary> runsOfOne : summaries) {
                List<Map<Figure, Double>> figuresOfRuns =
                        runsOfOne.stream().map(RunFigures::of).toList();
                figuresOfRuns.forEach(run -> union.addAll(run.keySet()));
                read.add(figuresOfRuns);
            }
            this.figures = List.copyOf(union);
            for (List<Map<Figure, Double>> figuresOfRuns : read) {
                Map<Figure, double[]> byFigure = new LinkedHashMap<>();
                for (Figure figure : figures) {
                    byFigure.put(
                            figure,
                            figuresOfRuns.stream()
                                    .mapToDouble(run -> run.getOrDefault(figure, 0.0))
                                    .toArray());
                }
                values.add(byFigure);
            }
        }

        public List<Variant> entrants() {
            return entrants;
        }

        public Variant base() {
            return entrants.get(0);
        }

        public int runs() {
            return summaries.get(0).size();
        }

        public List<Figure> figures() {
            return figures;
        }

        /** The summaries of {@code entrant}'s runs, run 0 first. */
        public List<Summary> summaries(int entrant) {
            return List.copyOf(summaries.get(entrant));
        }

        /** The values of {@code figure} in {@code entrant}'s runs, run 0 first. */
        public double[] values(int entrant, Figure figure) {
            return runs(entrant, figure).clone();
        }

        private double[] runs(int entrant, Figure figure) {
            double[] runs = values.get(entrant).get(figure);
            if (runs == null) {
                throw new IllegalArgumentException("no figure " + figure.name() + " in this comparison");
            }
            return runs;
        }

        public Estimate estimate(int entrant, Figure figure) {
            return Estimate.of(runs(entrant, figure));
        }

        /** The paired difference of {@code entrant}'s runs to the base's. */
        public Estimate difference(int entrant, Figure figure) {
            return Estimate.ofDifferences(runs(entrant, figure), runs(0, figure));
        }
    }
}
