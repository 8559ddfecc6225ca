package dev.tender.world;

import dev.tender.agreement.AgreementBook;
import dev.tender.capacity.Accelerator;
import dev.tender.capacity.Footprint;
import dev.tender.capacity.Pool;
import dev.tender.provider.Provider;
import dev.tender.provider.ProviderId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the engine knows that does not change while it runs: chips, workload classes,
 * providers with their sites and pools, the clauses, the default windows and the bucket size.
 */
public record World(
        Map<String, Accelerator> accelerators,
        Set<String> workloads,
        List<Provider> providers,
        List<Pool> pools,
        AgreementBook agreements,
        Defaults defaults,
        Duration bucket) {

    public World {
        accelerators = Map.copyOf(accelerators);
        workloads = Set.copyOf(workloads);
        providers = List.copyOf(providers);
        pools = List.copyOf(pools);
        Objects.requireNonNull(agreements, "agreements");
        Objects.requireNonNull(defaults, "defaults");
        Objects.requireNonNull(bucket, "bucket");
        for (int i = 0; i < pools.size(); i++) {
            if (pools.get(i).index() != i) {
                throw new IllegalArgumentException("pool " + pools.get(i) + " is at " + i + " but has index "
                        + pools.get(i).index());
            }
        }
    }

    public Footprint footprint() {
        return new Footprint(pools);
    }

    public Optional<Provider> provider(ProviderId id) {
        return providers.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
