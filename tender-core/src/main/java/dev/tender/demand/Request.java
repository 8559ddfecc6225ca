package dev.tender.demand;

import dev.tender.capacity.Reach;
import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import dev.tender.catalog.WorkloadClass;
import dev.tender.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Demand for capacity: {@code units} of one accelerator for {@code hours}, starting at {@code
 * start} or up to {@code flex} later, in any of {@code regions} (empty: anywhere), at no more than
 * {@code maxPrice} per unit-hour (null: any price).
 */
public record Request(
        RequestId id,
        TenantId tenant,
        WorkloadClass workload,
        AcceleratorId accelerator,
        int units,
        Instant start,
        int hours,
        Duration flex,
        List<Region> regions,
        @Nullable Money maxPrice) {

    public Request {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(flex, "flex");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(accelerator, "accelerator");
        if (units <= 0) {
            throw new IllegalArgumentException("units must be positive, not " + units);
        }
        if (hours <= 0) {
            throw new IllegalArgumentException("hours must be positive, not " + hours);
        }
        require(!flex.isNegative(), "flex must not be negative");
        if (maxPrice != null && !maxPrice.isPositive()) {
            throw new IllegalArgumentException("maxPrice must be positive, not " + maxPrice);
        }
        regions = List.copyOf(regions);
        if (repeats(regions)) {
            throw new IllegalArgumentException("regions are repeated: " + regions);
        }
    }

    private static boolean repeats(List<Region> regions) {
        for (int i = 0; i < regions.size(); i++) {
            for (int j = i + 1; j < regions.size(); j++) {
                if (regions.get(i).equals(regions.get(j))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalArgumentException(problem);
        }
    }

    public Duration length() {
        return Duration.ofHours(hours);
    }

    /** The length in seconds, for the hot paths that would otherwise make a {@link Duration} each time. */
    public long seconds() {
        return hours * 3600L;
    }

    public Instant latestStart() {
        return start.plus(flex);
    }

    /** The accelerator and the regions: what decides which pools could serve it. */
    public Reach reach() {
        return new Reach(accelerator, regions);
    }

    public boolean allowsRegion(Region region) {
        return regions.isEmpty() || regions.contains(region);
    }

    public boolean allowsStart(Instant candidate) {
        return !candidate.isBefore(start) && !candidate.isAfter(latestStart());
    }

    public boolean allowsPrice(Money unitPrice) {
        return maxPrice == null || !unitPrice.exceeds(maxPrice);
    }

    /** The same request asking for {@code newUnits}. */
    public Request withUnits(int newUnits) {
        return new Request(id, tenant, workload, accelerator, newUnits, start, hours, flex, regions, maxPrice);
    }
}
