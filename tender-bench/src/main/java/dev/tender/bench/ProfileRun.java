package dev.tender.bench;

import dev.tender.report.SummaryCollector;
import dev.tender.sim.Simulation;

/**
 * Runs the benchmark world for some days in one process, for a profiler: {@code ProfileRun DAYS}.
 * Prints the request counts so a change in behaviour shows next to a change in speed.
 */
public final class ProfileRun {

    private ProfileRun() {}

    public static void main(String[] args) {
        int days = args.length > 0 ? Integer.parseInt(args[0]) : 120;
        var scenario = BenchWorld.scenario(days, true);
        var summary = new SummaryCollector(scenario.world(), scenario.start(), scenario.end());
        long began = System.nanoTime();
        var run = new Simulation(scenario, summary).run(Simulation.Progress.NONE);
        double seconds = (System.nanoTime() - began) / 1e9;
        System.out.println(summary.summary(scenario.name(), scenario.seed()).requests());
        System.out.printf(
                "%,d requests in %.2f s: %,.0f requests/s%n", run.submitted(), seconds, run.submitted() / seconds);
    }
}
