package dev.tender.demand;

import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import dev.tender.catalog.WorkloadClass;
import dev.tender.money.Money;
import dev.tender.time.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A stream of similar requests: one per {@code every} at first, the rate multiplied by {@code
 * growth} per year, compounding. Sizes and lengths are drawn from their ranges with the
 * scenario's seed; each request asks to start {@code lead} after it is submitted. {@code from} and
 * {@code until} bound when it submits (null: the scenario's start and horizon).
 */
public record Generator(
        GeneratorId id,
        TenantId tenant,
        WorkloadClass workload,
        AcceleratorId accelerator,
        Span every,
        IntRange units,
        IntRange hours,
        Span lead,
        Duration flex,
        double growth,
        @Nullable Money maxPrice,
        List<Region> regions,
        @Nullable Instant from,
        @Nullable Instant until) {

    public Generator {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(every, "every");
        Objects.requireNonNull(units, "units");
        Objects.requireNonNull(hours, "hours");
        Objects.requireNonNull(lead, "lead");
        Objects.requireNonNull(flex, "flex");
        if (every.isZero()) {
            throw new IllegalArgumentException("generator " + id + ": every must be longer than zero");
        }
        if (!(growth > 0)) {
            throw new IllegalArgumentException("generator " + id + ": growth must be positive, not " + growth);
        }
        regions = List.copyOf(regions);
    }
}
