package dev.tender.agreement;

import dev.tender.demand.Request;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which requests a clause covers. An empty list means all. Regions are strict: a request is
 * covered only if every region it allows lies in the clause's regions, so a request that allows
 * any region is covered only by a clause without regions.
 */
public record Scope(Set<String> workloads, Set<String> accelerators, Set<String> regions) {

    public static final Scope EVERYTHING = new Scope(Set.of(), Set.of(), Set.of());

    public Scope {
        workloads = Set.copyOf(workloads);
        accelerators = Set.copyOf(accelerators);
        regions = Set.copyOf(regions);
    }

    public boolean covers(Request request) {
        return (workloads.isEmpty() || workloads.contains(request.workload()))
                && (accelerators.isEmpty() || accelerators.contains(request.accelerator()))
                && coversRegions(request);
    }

    private boolean coversRegions(Request request) {
        if (regions.isEmpty()) {
            return true;
        }
        return !request.regions().isEmpty() && regions.containsAll(request.regions());
    }

    /** True when some request could be covered by both scopes. */
    public boolean overlaps(Scope other) {
        return meet(workloads, other.workloads)
                && meet(accelerators, other.accelerators)
                && meet(regions, other.regions);
    }

    private static boolean meet(Set<String> a, Set<String> b) {
        return a.isEmpty() || b.isEmpty() || a.stream().anyMatch(b::contains);
    }

    @Override
    public String toString() {
        if (this.equals(EVERYTHING)) {
            return "all requests";
        }
        StringBuilder text = new StringBuilder();
        describe(text, "workloads", workloads);
        describe(text, "accelerators", accelerators);
        describe(text, "regions", regions);
        return text.toString();
    }

    private static void describe(StringBuilder text, String name, Set<String> values) {
        if (!values.isEmpty()) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(name).append(' ').append(String.join("/", new TreeSet<>(values)));
        }
    }
}
