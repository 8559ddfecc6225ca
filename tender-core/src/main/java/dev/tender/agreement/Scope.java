package dev.tender.agreement;

import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import dev.tender.catalog.WorkloadClass;
import dev.tender.demand.Request;
import java.util.List;
import java.util.Set;

/**
 * Which requests a clause covers. An empty list means all. Regions are strict: a request is
 * covered only if every region it allows lies in the clause's regions, so a request that allows
 * any region is covered only by a clause without regions.
 */
public record Scope(Set<WorkloadClass> workloads, Set<AcceleratorId> accelerators, Set<Region> regions) {

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

    private static <T> boolean meet(Set<T> a, Set<T> b) {
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

    /**
     * The requests the clause covers, as a reason names them: {@code training H100 requests in eu},
     * {@code api requests}, {@code all requests}.
     */
    public String requests() {
        StringBuilder text = new StringBuilder();
        join(text, workloads, "/");
        join(text, accelerators, "/");
        text.append(text.isEmpty() && regions.isEmpty() ? "all requests" : "requests");
        if (!regions.isEmpty()) {
            text.append(" in ");
            join(text, regions, " or ");
        }
        return text.toString().strip();
    }

    private static void join(StringBuilder text, Set<?> values, String separator) {
        if (!values.isEmpty()) {
            text.append(String.join(separator, sorted(values))).append(' ');
        }
    }

    private static List<String> sorted(Set<?> values) {
        return values.stream().map(Object::toString).sorted().toList();
    }

    private static void describe(StringBuilder text, String name, Set<?> values) {
        if (!values.isEmpty()) {
            if (!text.isEmpty()) {
                text.append(", ");
            }
            text.append(name).append(' ').append(String.join("/", sorted(values)));
        }
    }
}
