package dev.tender.capacity;

import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import dev.tender.provider.ProviderId;
import dev.tender.provider.Site;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One accelerator at one site. Its capacity is a step function of time: the steps add up. {@code
 * index} is the pool's place in its world, so the ledger can find it without hashing.
 */
public record Pool(int index, Site site, AcceleratorId accelerator, List<CapacityStep> steps) {

    public Pool {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(accelerator, "accelerator");
        steps = List.copyOf(steps);
        if (index < 0) {
            throw new IllegalArgumentException("pool index must not be negative");
        }
    }

    public ProviderId provider() {
        return site.provider();
    }

    public Region region() {
        return site.region();
    }

    /** Units online at {@code instant}. */
    public long unitsAt(Instant instant) {
        long units = 0;
        for (CapacityStep step : steps) {
            if (step.onlineAt(instant)) {
                units += step.units();
            }
        }
        return units;
    }

    @Override
    public String toString() {
        return site.id() + "/" + accelerator;
    }
}
