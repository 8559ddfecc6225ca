package dev.tender.capacity;

import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import dev.tender.provider.ProviderId;
import dev.tender.provider.SiteId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where each provider has pools: which providers could serve a request at all, and from which
 * pools. Built once from a world's pools and never changed.
 */
public final class Footprint {

    private final List<Pool> pools;
    /** Per accelerator, per provider (by id), its pools ordered by site id. */
    private final Map<AcceleratorId, Map<ProviderId, List<Pool>>> byAccelerator = new HashMap<>();
    /** Per accelerator, the providers with a pool of it anywhere, by id. */
    private final Map<AcceleratorId, List<ProviderId>> anywhere = new HashMap<>();
    /** Per accelerator and region, the providers with a pool of it there, by id. */
    private final Map<AcceleratorId, Map<Region, List<ProviderId>>> byRegion = new HashMap<>();

    private final Map<SiteId, List<Pool>> bySite = new HashMap<>();

    public Footprint(List<Pool> pools) {
        this.pools = List.copyOf(pools);
        List<Pool> ordered = new ArrayList<>(pools);
        ordered.sort(Comparator.comparing((Pool p) -> p.site().id()).thenComparing(Pool::accelerator));
        Map<AcceleratorId, Map<Region, Set<ProviderId>>> serving = new HashMap<>();
        for (Pool pool : ordered) {
            bySite.computeIfAbsent(pool.site().id(), s -> new ArrayList<>()).add(pool);
            byAccelerator
                    .computeIfAbsent(pool.accelerator(), a -> new TreeMap<>())
                    .computeIfAbsent(pool.provider(), p -> new ArrayList<>())
                    .add(pool);
            serving.computeIfAbsent(pool.accelerator(), a -> new HashMap<>())
                    .computeIfAbsent(pool.region(), r -> new TreeSet<>())
                    .add(pool.provider());
        }
        // Every answer a request of one region, or of any, can get is made here once: routing asks per request.
        byAccelerator.forEach((accelerator, providers) -> anywhere.put(accelerator, List.copyOf(providers.keySet())));
        serving.forEach((accelerator, regions) -> {
            Map<Region, List<ProviderId>> lists = new HashMap<>();
            regions.forEach((region, providers) -> lists.put(region, List.copyOf(providers)));
            byRegion.put(accelerator, lists);
        });
    }

    public List<Pool> pools() {
        return pools;
    }

    /** Providers with a pool of the accelerator in a region the reach allows, by id. */
    public List<ProviderId> providersFor(Reach reach) {
        List<Region> regions = reach.regions();
        if (regions.isEmpty()) {
            return anywhere.getOrDefault(reach.accelerator(), List.of());
        }
        Map<Region, List<ProviderId>> lists = byRegion.getOrDefault(reach.accelerator(), Map.of());
        if (regions.size() == 1) {
            return lists.getOrDefault(regions.get(0), List.of());
        }
        Set<ProviderId> within = new TreeSet<>();
        for (Region region : regions) {
            within.addAll(lists.getOrDefault(region, List.of()));
        }
        return List.copyOf(within);
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
