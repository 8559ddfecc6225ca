package dev.tender.world;

import dev.tender.agreement.AgreementBook;
import dev.tender.capacity.Accelerator;
import dev.tender.capacity.Footprint;
import dev.tender.capacity.Pool;
import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.WorkloadClass;
import dev.tender.provider.Provider;
import dev.tender.provider.ProviderId;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the engine knows that does not change while it runs: chips, workload classes,
 * providers with their sites and pools, the clauses, the default windows and the bucket size.
 * Its {@link Footprint} is built once, with the world.
 */
public final class World {

    private final Map<AcceleratorId, Accelerator> accelerators;
    private final Set<WorkloadClass> workloads;
    private final List<Provider> providers;
    private final Map<ProviderId, Provider> providersById;
    private final List<Pool> pools;
    private final AgreementBook agreements;
    private final Defaults defaults;
    private final Duration bucket;
    private final Footprint footprint;

    public World(
            Map<AcceleratorId, Accelerator> accelerators,
            Set<WorkloadClass> workloads,
            List<Provider> providers,
            List<Pool> pools,
            AgreementBook agreements,
            Defaults defaults,
            Duration bucket) {
        this.accelerators = Map.copyOf(accelerators);
        this.workloads = Set.copyOf(workloads);
        this.providers = List.copyOf(providers);
        Map<ProviderId, Provider> byId = new HashMap<>();
        this.providers.forEach(provider -> byId.putIfAbsent(provider.id(), provider));
        this.providersById = Map.copyOf(byId);
        this.pools = List.copyOf(pools);
        this.agreements = Objects.requireNonNull(agreements, "agreements");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.bucket = Objects.requireNonNull(bucket, "bucket");
        for (int i = 0; i < pools.size(); i++) {
            if (pools.get(i).index() != i) {
                throw new IllegalArgumentException("pool " + pools.get(i) + " is at " + i + " but has index "
                        + pools.get(i).index());
            }
        }
        this.footprint = new Footprint(this.pools);
    }

    public Map<AcceleratorId, Accelerator> accelerators() {
        return accelerators;
    }

    public Set<WorkloadClass> workloads() {
        return workloads;
    }

    public List<Provider> providers() {
        return providers;
    }

    public List<Pool> pools() {
        return pools;
    }

    public AgreementBook agreements() {
        return agreements;
    }

    public Defaults defaults() {
        return defaults;
    }

    public Duration bucket() {
        return bucket;
    }

    /** Where each provider has pools; the same object for the world's whole life. */
    public Footprint footprint() {
        return footprint;
    }

    /** The same world with other clauses: a clause removed, or the clauses edited while a node runs. */
    public World withAgreements(AgreementBook other) {
        return new World(accelerators, workloads, providers, pools, other, defaults, bucket);
    }

    public Optional<Provider> provider(ProviderId id) {
        return Optional.ofNullable(providersById.get(id));
    }
}
