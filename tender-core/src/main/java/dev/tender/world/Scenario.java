package dev.tender.world;

import dev.tender.demand.DemandScale;
import dev.tender.demand.Generator;
import dev.tender.demand.TraceRequest;
import dev.tender.time.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A whole world and the demand to play against it, from {@code start} for {@code horizon}; {@code
 * scale} makes the drawn demand larger or smaller (a variant's, {@link DemandScale#NONE} for a file's).
 */
public record Scenario(
        String name,
        String description,
        Instant start,
        Span horizon,
        long seed,
        World world,
        List<Generator> generators,
        List<TraceRequest> trace,
        DemandScale scale) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(world, "world");
        Objects.requireNonNull(scale, "scale");
        description = description == null ? "" : description;
        generators = List.copyOf(generators);
        trace = List.copyOf(trace);
    }

    /** A scenario whose demand is played as drawn. */
    public Scenario(
            String name,
            String description,
            Instant start,
            Span horizon,
            long seed,
            World world,
            List<Generator> generators,
            List<TraceRequest> trace) {
        this(name, description, start, horizon, seed, world, generators, trace, DemandScale.NONE);
    }

    public Instant end() {
        return horizon.addTo(start);
    }

    /**
     * The last instant any request of the scenario could need capacity: the latest submission,
     * plus lead, flex and the longest job, and one bucket more. The capacity ledger reaches it.
     */
    public Instant demandEnd() {
        Instant last = end();
        for (Generator generator : generators) {
            Instant until = generator.until() != null && generator.until().isBefore(end()) ? generator.until() : end();
            last = latest(
                    last,
                    generator
                            .lead()
                            .addTo(until)
                            .plus(generator.flex())
                            .plus(Duration.ofHours(generator.hours().max())));
        }
        for (TraceRequest request : trace) {
            last = latest(
                    last, request.request().latestStart().plus(request.request().length()));
        }
        return last.plus(world.bucket());
    }

    private static Instant latest(Instant a, Instant b) {
        return b.isAfter(a) ? b : a;
    }

    public Scenario withWorld(World newWorld) {
        return new Scenario(name, description, start, horizon, seed, newWorld, generators, trace, scale);
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, start, horizon, newSeed, world, generators, trace, scale);
    }
}
