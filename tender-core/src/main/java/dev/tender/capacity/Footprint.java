package dev.tender.capacity;

import dev.tender.demand.Request;
import dev.tender.provider.ProviderId;
import dev.tender.provider.SiteId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Where each provider has pools: which providers could serve a request at all, and from which pools. */
public final class Footprint {

    private final List<Pool> pools;
    private final Map<String, Map<ProviderId, List<Pool>>> byAccelerator = new HashMap<>();
    private final Map<SiteId, List<Pool>> bySite = new HashMap<>();
    private final Map<Reach, List<ProviderId>> serving = new HashMap<>();

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
        }
    }

    public List<Pool> pools() {
        return pools;
    }

    /** Providers with a pool of the request's accelerator in a region it allows, by id. */
    public List<ProviderId> providersFor(Request request) {
        // Requests repeat a handful of accelerator and region combinations; each is worked out once.
        return serving.computeIfAbsent(new Reach(request.accelerator(), request.regions()), this::providersWithin);
    }

    private record Reach(String accelerator, List<String> regions) {}

    private List<ProviderId> providersWithin(Reach reach) {
        Map<ProviderId, List<Pool>> providers = byAccelerator.getOrDefault(reach.accelerator(), Map.of());
        List<ProviderId> within = new ArrayList<>(providers.size());
        for (Map.Entry<ProviderId, List<Pool>> entry : providers.entrySet()) {
            if (entry.getValue().stream()
                    .anyMatch(p -> reach.regions().isEmpty() || reach.regions().contains(p.region()))) {
                within.add(entry.getKey());
            }
        }
        return List.copyOf(within);
    }

    /** The provider's pools of one accelerator, ordered by site id. */
    public List<Pool> poolsOf(ProviderId provider, String accelerator) {
        return byAccelerator.getOrDefault(accelerator, Map.of()).getOrDefault(provider, List.of());
    }

    /** The provider's pool of {@code accelerator} at {@code site}, if it has one there. */
    public Optional<Pool> poolAt(ProviderId provider, SiteId site, String accelerator) {
        for (Pool pool : bySite.getOrDefault(site, List.of())) {
            if (pool.accelerator().equals(accelerator) && pool.provider().equals(provider)) {
                return Optional.of(pool);
            }
        }
        return Optional.empty();
    }
}
