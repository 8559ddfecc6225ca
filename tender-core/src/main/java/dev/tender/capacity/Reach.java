package dev.tender.capacity;

import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import java.util.List;
import java.util.Objects;

/** What a request can be served from: pools of one accelerator in the regions it allows (none listed: any). */
public record Reach(AcceleratorId accelerator, List<Region> regions) {

    public Reach {
        Objects.requireNonNull(accelerator, "accelerator");
        regions = List.copyOf(regions);
    }

    public boolean allows(Region region) {
        return regions.isEmpty() || regions.contains(region);
    }
}
