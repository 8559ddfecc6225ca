package dev.tender.bench;

import dev.tender.event.TenderEvent;
import dev.tender.sim.Simulation;
import dev.tender.world.Scenario;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Requests per second through the whole engine (routing, offers, auto responders, capacity
 * ledger, awards) on the benchmark world of {@code bench/world-1m.yaml}, for 30 simulated days of
 * demand (about 20,600 requests). {@code market} is the baseline: the same world without any
 * clause. Run from the repository root.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgs = {"-Xmx2g"})
public class EngineBenchmark {

    /** Requests the 30 days submit: forty streams of one per 84 minutes. */
    static final int REQUESTS = 40 * (30 * 24 * 60 / 84 + 1);

    @Param({"market", "clauses"})
    public String world;

    private Scenario scenario;

    @Setup(Level.Trial)
    public void setUp() {
        scenario = BenchWorld.scenario(30, world.equals("clauses"));
        long submitted =
                new Simulation(scenario, e -> {}).run(Simulation.Progress.NONE).submitted();
        if (submitted != REQUESTS) {
            throw new IllegalStateException("expected " + REQUESTS + " requests, the world submits " + submitted);
        }
    }

    @Benchmark
    @OperationsPerInvocation(REQUESTS)
    public long simulate(Blackhole events) {
        return new Simulation(scenario, (TenderEvent e) -> events.consume(e))
                .run(Simulation.Progress.NONE)
                .submitted();
    }
}
