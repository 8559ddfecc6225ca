package dev.tender.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tender.agreement.Agreement;
import dev.tender.agreement.AgreementBook;
import dev.tender.capacity.Accelerator;
import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.WorkloadClass;
import dev.tender.demand.Generator;
import dev.tender.demand.TraceRequest;
import dev.tender.time.Span;
import dev.tender.world.Defaults;
import dev.tender.world.Scenario;
import dev.tender.world.Variant;
import dev.tender.world.World;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Walks a scenario's YAML tree section by section, reporting every problem with its path, and
 * builds the {@link Scenario}, with its warnings, only when there is none.
 */
final class ScenarioMapper {

    /** Buckets times pools the ledger keeps: about 5 bytes each, well under a 2 GB heap. */
    static final long LEDGER_SLOTS = 120_000_000L;

    private static final List<String> TOP_KEYS = List.of(
            "name",
            "description",
            "start",
            "horizon",
            "bucket",
            "seed",
            "defaults",
            "workloads",
            "accelerators",
            "providers",
            "agreements",
            "demand",
            "variants");
    private static final List<String> DEFAULTS_KEYS = List.of("offerWindow", "rfqWindow");
    private static final List<String> ACCELERATOR_KEYS = List.of("h100e", "kw");
    private static final List<String> DEMAND_KEYS = List.of("generators", "trace");
    private static final Duration DEFAULT_BUCKET = Duration.ofDays(1);
    private static final Duration MIN_BUCKET = Duration.ofMinutes(1);

    private final @Nullable Path baseDir;
    private final Problems problems;

    ScenarioMapper(@Nullable Path baseDir, Problems problems) {
        this.baseDir = baseDir;
        this.problems = problems;
    }

    Optional<ScenarioReader.Result.Loaded> map(JsonNode tree) {
        Node root = Node.root(tree, problems);
        if (!root.fields(TOP_KEYS)) {
            return Optional.empty();
        }
        Optional<String> name = root.get("name").required().id("scenario name");
        String description = root.get("description").text().orElse("");
        Optional<Instant> start = root.get("start").required().instant();
        Node horizonNode = root.get("horizon").required();
        Optional<Span> horizon = horizonNode.positiveSpan();
        checkEnd(horizonNode, start, horizon);
        Duration bucket = bucket(root.get("bucket"));
        long seed = root.get("seed").whole().orElse(0L);
        Defaults defaults = defaults(root.get("defaults"));
        Catalog catalog = catalog(
                root.get("workloads").required(), root.get("accelerators").required());
        ProvidersMapper.Section providers =
                new ProvidersMapper(catalog, problems).map(root.get("providers").required());
        List<Agreement> agreements =
                new AgreementsMapper(catalog, providers, defaults, problems).map(root.get("agreements"));
        Node demand = root.get("demand");
        demand.fields(DEMAND_KEYS);
        List<Generator> generators =
                new GeneratorsMapper(catalog, name.orElse("tenant"), problems).map(demand.get("generators"));
        List<TraceReader.Line> trace = new TraceReader(
                        baseDir,
                        catalog,
                        problems,
                        start,
                        generators.stream().map(g -> g.id().value()).toList())
                .read(demand.get("trace"));
        if (!problems.isEmpty() || !Values.allPresent(name, start, horizon)) {
            new VariantsMapper(baseDir, problems).map(root.get("variants"), tree, Optional.empty());
            return Optional.empty();
        }
        World world = new World(
                byId(catalog.accelerators()),
                catalog.workloads().stream().map(WorkloadClass::new).collect(Collectors.toSet()),
                providers.providers(),
                providers.pools(),
                new AgreementBook(agreements),
                defaults,
                bucket);
        List<TraceRequest> requests =
                trace.stream().map(TraceReader.Line::request).toList();
        Scenario scenario =
                new Scenario(name.get(), description, start.get(), horizon.get(), seed, world, generators, requests);
        if (!fitsTheLedger(root.get("bucket"), scenario)) {
            return Optional.empty();
        }
        List<Warning> warnings = ScenarioWarnings.of(
                scenario, trace.stream().map(TraceReader.Line::number).toList());
        List<Variant> variants =
                new VariantsMapper(baseDir, problems).map(root.get("variants"), tree, Optional.of(scenario));
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ScenarioReader.Result.Loaded(scenario, warnings, variants));
    }

    private static Map<AcceleratorId, Accelerator> byId(Map<String, Accelerator> accelerators) {
        Map<AcceleratorId, Accelerator> byId = new LinkedHashMap<>();
        accelerators.values().forEach(accelerator -> byId.put(accelerator.id(), accelerator));
        return byId;
    }

    /**
     * The ledger keeps every bucket from the start to the last instant a request could need, for
     * every pool; a world whose ledger would not fit in memory is refused here, not after a crash.
     */
    private boolean fitsTheLedger(Node bucketNode, Scenario scenario) {
        Instant last;
        try {
            last = scenario.demandEnd();
        } catch (DateTimeException | ArithmeticException tooLong) {
            bucketNode.problem("the demand reaches beyond the supported range of time");
            return false;
        }
        long bucketSeconds = scenario.world().bucket().toSeconds();
        long buckets = (Duration.between(scenario.start(), last).toSeconds() + bucketSeconds - 1) / bucketSeconds;
        long pools = Math.max(1, scenario.world().pools().size());
        if (buckets > LEDGER_SLOTS / pools) {
            bucketNode.problem(String.format(
                    "cuts the time from %s to %s (the last a request may run) into %,d buckets for each of %,d pools,"
                            + " more than the ledger keeps (%,d in all); use a coarser bucket, got %s",
                    scenario.start(), last, buckets, pools, LEDGER_SLOTS, bucketNode.shown()));
            return false;
        }
        return true;
    }

    /** The horizon must end within the range of time an instant can hold. */
    private static void checkEnd(Node horizonNode, Optional<Instant> start, Optional<Span> horizon) {
        if (start.isPresent() && horizon.isPresent()) {
            try {
                horizon.get().addTo(start.get());
            } catch (DateTimeException | ArithmeticException tooLong) {
                horizonNode.problem("reaches beyond the supported range of time, got " + horizonNode.shown());
            }
        }
    }

    /** Whole minutes, at least one; whether the ledger can keep that many is checked with the whole world. */
    private static Duration bucket(Node node) {
        return node.check(
                        node.exact(),
                        b -> b.compareTo(MIN_BUCKET) >= 0 && b.toSeconds() % 60 == 0 && b.toNanosPart() == 0,
                        "must be whole minutes, at least PT1M")
                .orElse(DEFAULT_BUCKET);
    }

    private static Defaults defaults(Node node) {
        node.fields(DEFAULTS_KEYS);
        Duration offerWindow = node.get("offerWindow").positiveExact().orElse(Defaults.STANDARD.offerWindow());
        Duration rfqWindow = node.get("rfqWindow").positiveExact().orElse(Defaults.STANDARD.rfqWindow());
        return new Defaults(offerWindow, rfqWindow);
    }

    private Catalog catalog(Node workloadsNode, Node acceleratorsNode) {
        List<String> workloads = workloadsNode.ids("workload");
        if (workloadsNode.isList() && workloadsNode.size() == 0) {
            workloadsNode.problem("must name at least one workload, got " + workloadsNode.shown());
        }
        List<String> names = new ArrayList<>();
        Map<String, Accelerator> accelerators = new LinkedHashMap<>();
        acceleratorsNode.entries().forEach((name, node) -> {
            names.add(name);
            accelerator(name, node).ifPresent(accelerator -> accelerators.put(name, accelerator));
        });
        return new Catalog(workloads, workloadsNode.isList(), names, accelerators, acceleratorsNode.isMap());
    }

    private Optional<Accelerator> accelerator(String name, Node node) {
        int mark = problems.count();
        String idProblem = Values.idProblem("accelerator name", name);
        if (idProblem != null) {
            node.problem(idProblem);
        }
        if (!node.required().fields(ACCELERATOR_KEYS)) {
            return Optional.empty();
        }
        Optional<BigDecimal> h100e = node.get("h100e").required().positive();
        Optional<BigDecimal> kw = node.get("kw").required().positive();
        if (problems.count() != mark || !Values.allPresent(h100e, kw)) {
            return Optional.empty();
        }
        return Optional.of(new Accelerator(new AcceleratorId(name), h100e.get(), kw.get()));
    }
}
