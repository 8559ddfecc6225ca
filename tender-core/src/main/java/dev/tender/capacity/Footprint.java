package dev.tender.capacity;

import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import dev.tender.provider.ProviderId;
import dev.tender.provider.SiteId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where each provider has pools: which providers could serve a request at all, and from which
 * pools. Built once from a world's pools and never changed.
 */
public final class Footprint {

    private final List<Pool> pools;
    /** Per accelerator, per provider (by id), its pools ordered by site id. */
    private final Map<AcceleratorId, Map<ProviderId, List<Pool>>> byAccelerator = new HashMap<>();
    /** Per accelerator, per provider (by id), the regions it has such pools in. */
    private final Map<AcceleratorId, Map<ProviderId, Set<Region>>> regions = new HashMap<>();

    private final Map<SiteId, List<Pool>> bySite = new HashMap<>();

    public Footprint(List<Pool> pools) {
        this.pools = List.copyOf(pools);
        List<Pool> ordered = new ArrayList<>(pools);
        ordered.sort(Comparator.comparing((Pool p) -> p.site().id()).thenComparing(Pool::accelerator));
        for (Pool pool : ordered) {
            bySite.computeIfAbsent(pool.site().id(), s -> new ArrayList<>()).add(pool);
            byAccelerator
                    .computeIfAbsent(pool.accelerator(), a -> new TreeMap<>())
                    .computeIfAbsent(pool.provider(), p -> new ArrayList<>())
                    .add(pool);
            regions.computeIfAbsent(pool.accelerator(), a -> new TreeMap<>())
                    .computeIfAbsent(pool.provider(), p -> new LinkedHashSet<>())
                    .add(pool.region());
        }
    }

    public List<Pool> pools() {
        return pools;
    }

    /** Providers with a pool of the accelerator in a region the reach allows, by id. */
    public List<ProviderId> providersFor(Reach reach) {
        Map<ProviderId, Set<Region>> providers = regions.getOrDefault(reach.accelerator(), Map.of());
        List<ProviderId> within = new ArrayList<>(providers.size());
        for (Map.Entry<ProviderId, Set<Region>> entry : providers.entrySet()) {
            if (reach.regions().isEmpty() || anyOf(reach.regions(), entry.getValue())) {
                within.add(entry.getKey());
            }
        }
        return within;
    }

    private static boolean anyOf(List<Region> wanted, Set<Region> present) {
        for (Region region : wanted) {
            if (present.contains(region)) {
                return true;
            }
        }
        return false;
    }

    /** The provider's pools of one accelerator, ordered by site id. */
    public List<Pool> poolsOf(ProviderId provider, AcceleratorId accelerator) {
        return byAccelerator.getOrDefault(accelerator, Map.of()).getOrDefault(provider, List.of());
    }

    /** The provider's pools within the reach, ordered by site id. */
    public List<Pool> poolsOf(ProviderId provider, Reach reach) {
        List<Pool> within = new ArrayList<>();
        for (Pool pool : poolsOf(provider, reach.accelerator())) {
            if (reach.allows(pool.region())) {
                within.add(pool);
            }
        }
        return within;
    }

    /** The provider's pool of {@code accelerator} at {@code site}, if it has one there. */
    public Optional<Pool> poolAt(ProviderId provider, SiteId site, AcceleratorId accelerator) {
        for (Pool pool : bySite.getOrDefault(site, List.of())) {
            if (pool.accelerator().equals(accelerator) && pool.provider().equals(provider)) {
                return Optional.of(pool);
            }
        }
        return Optional.empty();
    }
}
