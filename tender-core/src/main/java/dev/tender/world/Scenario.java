package dev.tender.world;

import dev.tender.demand.Generator;
import dev.tender.demand.TraceRequest;
import dev.tender.time.Span;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A whole world and the demand to play against it, from {@code start} for {@code horizon}. */
public record Scenario(
        String name,
        String description,
        Instant start,
        Span horizon,
        long seed,
        World world,
        List<Generator> generators,
        List<TraceRequest> trace) {

    public Scenario {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(world, "world");
        description = description == null ? "" : description;
        generators = List.copyOf(generators);
        trace = List.copyOf(trace);
    }

    public Instant end() {
        return horizon.addTo(start);
    }

    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, start, horizon, newSeed, world, generators, trace);
    }
}
