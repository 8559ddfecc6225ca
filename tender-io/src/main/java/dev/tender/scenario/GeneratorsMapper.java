package dev.tender.scenario;

import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import dev.tender.catalog.WorkloadClass;
import dev.tender.demand.Generator;
import dev.tender.demand.GeneratorId;
import dev.tender.demand.IntRange;
import dev.tender.demand.TenantId;
import dev.tender.money.Money;
import dev.tender.time.Span;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code demand.generators}: streams of similar requests. */
final class GeneratorsMapper {

    private static final BigDecimal MOST_GROWTH = BigDecimal.valueOf(100);

    private static final List<String> KEYS = List.of(
            "id",
            "tenant",
            "workload",
            "accelerator",
            "every",
            "units",
            "hours",
            "lead",
            "flex",
            "growth",
            "maxPrice",
            "regions",
            "from",
            "until");

    private final Catalog catalog;
    private final String defaultTenant;
    private final Problems problems;
    private final Claims ids = new Claims("generator id");

    /** {@code defaultTenant}: the scenario's name, the tenant of generators that name none. */
    GeneratorsMapper(Catalog catalog, String defaultTenant, Problems problems) {
        this.catalog = catalog;
        this.defaultTenant = defaultTenant;
        this.problems = problems;
    }

    List<Generator> map(Node section) {
        List<Generator> generators = new ArrayList<>();
        List<Node> items = section.items();
        for (int i = 0; i < items.size(); i++) {
            generator(items.get(i), "g" + (i + 1)).ifPresent(generators::add);
        }
        return generators;
    }

    private Optional<Generator> generator(Node node, String defaultId) {
        if (!node.fields(KEYS)) {
            return Optional.empty();
        }
        int mark = problems.count();
        Node idNode = node.get("id");
        String id = idNode.id("generator id").orElse(defaultId);
        ids.claim(id, node.path(), idNode);
        String tenant = node.get("tenant").id("tenant").orElse(defaultTenant);
        Node workloadNode = node.get("workload").required();
        Optional<String> workload = workloadNode.text().filter(text -> catalog.checkWorkload(workloadNode, text));
        Node acceleratorNode = node.get("accelerator").required();
        Optional<String> accelerator =
                acceleratorNode.text().filter(text -> catalog.checkAccelerator(acceleratorNode, text));
        Optional<Span> every = node.get("every").required().positiveSpan();
        Optional<IntRange> units = node.get("units").required().intRange();
        Optional<IntRange> hours = node.get("hours").required().intRange();
        Span lead = node.get("lead").span().orElse(Span.ofDays(0));
        Duration flex = node.get("flex").exact().orElse(Duration.ZERO);
        Node growthNode = node.get("growth");
        double growth = growthNode
                .check(
                        growthNode.number(),
                        g -> g.signum() > 0 && g.compareTo(MOST_GROWTH) <= 0,
                        "must be greater than 0 and at most 100 (the rate is multiplied by it each year)")
                .map(BigDecimal::doubleValue)
                .orElse(1.0);
        Money maxPrice = node.get("maxPrice").money().orElse(null);
        List<String> regions = node.get("regions").ids("region");
        Node fromNode = node.get("from");
        Optional<Instant> from = fromNode.instant();
        Optional<Instant> until = node.get("until").instantAfter(fromNode, from);
        if (problems.count() != mark || !Values.allPresent(workload, accelerator, every, units, hours)) {
            return Optional.empty();
        }
        return Optional.of(new Generator(
                new GeneratorId(id),
                new TenantId(tenant),
                new WorkloadClass(workload.get()),
                new AcceleratorId(accelerator.get()),
                every.get(),
                units.get(),
                hours.get(),
                lead,
                flex,
                growth,
                maxPrice,
                regions.stream().map(Region::new).toList(),
                from.orElse(null),
                until.orElse(null)));
    }
}
