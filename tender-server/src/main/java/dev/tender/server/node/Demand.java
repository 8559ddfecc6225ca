package dev.tender.server.node;

import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import dev.tender.catalog.WorkloadClass;
import dev.tender.demand.Request;
import dev.tender.demand.RequestId;
import dev.tender.demand.TenantId;
import dev.tender.money.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A request as a tenant submits it, before the engine names it. */
public record Demand(
        TenantId tenant,
        WorkloadClass workload,
        AcceleratorId accelerator,
        int units,
        Instant start,
        int hours,
        Duration flex,
        List<Region> regions,
        @Nullable Money maxPrice) {

    public Demand {
        // The request's own checks, once, here: a demand that could not be a request is no demand.
        new Request(
                new RequestId("check"), tenant, workload, accelerator, units, start, hours, flex, regions, maxPrice);
        regions = List.copyOf(regions);
    }

    public Request named(RequestId id) {
        return new Request(id, tenant, workload, accelerator, units, start, hours, flex, regions, maxPrice);
    }
}
