package dev.tender.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.tender.demand.DemandScale;
import dev.tender.demand.GeneratorId;
import dev.tender.time.Span;
import dev.tender.world.Scenario;
import dev.tender.world.Variant;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Reads a scenario's {@code variants}: each a name and changes to the base (clauses removed, added
 * or ended; capacity scaled or late; prices; demand scaled). A variant is made by changing the
 * base's YAML tree and reading the result as a whole file, so it is checked exactly as the base
 * is; what is wrong with the world it makes is told at the change that caused it.
 */
final class VariantsMapper {

    private static final List<String> KEYS =
            List.of("name", "description", "remove", "add", "end", "scaleCapacity", "delay", "prices", "scaleDemand");

    /** The name of the scenario as written, beside its variants. */
    static final String BASE = "base";

    private final @Nullable Path baseDir;
    private final Problems problems;
    private final Claims names = new Claims("variant name");

    VariantsMapper(@Nullable Path baseDir, Problems problems) {
        this.baseDir = baseDir;
        this.problems = problems;
    }

    /**
     * The variants under {@code node}. They are made only when the base is valid ({@code base}
     * present); their own entries are checked either way.
     */
    List<Variant> map(Node node, JsonNode tree, Optional<Scenario> base) {
        List<Variant> variants = new ArrayList<>();
        for (Node item : node.items()) {
            if (!item.fields(KEYS)) {
                continue;
            }
            int mark = problems.count();
            Edit edit = new Edit(item, tree);
            Node nameNode = item.get("name");
            Optional<String> name = nameNode.required().id("variant name");
            name.ifPresent(n -> {
                if (n.equals(BASE)) {
                    nameNode.problem(
                            Values.quoted(BASE) + " names the scenario as written; a variant needs another name");
                } else {
                    names.claim(n, item.path(), nameNode);
                }
            });
            String description = item.get("description").text().orElse("");
            edit.apply();
            if (problems.count() == mark && base.isPresent() && name.isPresent()) {
                edit.made(base.get())
                        .ifPresent(scenario -> variants.add(new Variant(name.get(), description, scenario)));
            }
        }
        return variants;
    }

    /** Where an agreement of a variant's world came from: the base ({@code added} -1), or {@code add[added]}. */
    private record Origin(@Nullable String id, int added) {}

    private static boolean refuse(Node node, String problem) {
        node.problem(problem);
        return false;
    }

    /** One variant's changes, applied to a copy of the base's tree. */
    private final class Edit {
        private final Node variant;
        private final ObjectNode world;
        private final ArrayNode agreements;
        /** Where each agreement of the changed world came from, in its order: the base, or {@code add}. */
        private final List<Origin> origins = new ArrayList<>();
        /** The changes to capacity, where a problem of a pool the change made is told. */
        private final List<Node> capacityChanges = new ArrayList<>();

        private final Set<String> ended = new LinkedHashSet<>();
        private final Set<String> priced = new LinkedHashSet<>();
        private double everyRequest = 1.0;
        private final Map<GeneratorId, Double> byGenerator = new HashMap<>();

        Edit(Node variant, JsonNode base) {
            this.variant = variant;
            this.world = (ObjectNode) base.deepCopy();
            world.remove("variants");
            JsonNode list = world.get("agreements");
            this.agreements = list instanceof ArrayNode array ? array : world.putArray("agreements");
            for (JsonNode agreement : agreements) {
                origins.add(new Origin(idOf(agreement), -1));
            }
        }

        private static @Nullable String idOf(JsonNode agreement) {
            JsonNode id = agreement.path("id");
            return id.isTextual() ? id.textValue() : null;
        }

        void apply() {
            remove(variant.get("remove"));
            add(variant.get("add"));
            end(variant.get("end"));
            scaleCapacity(variant.get("scaleCapacity"));
            delay(variant.get("delay"));
            prices(variant.get("prices"));
            scaleDemand(variant.get("scaleDemand"));
        }

        private List<String> agreementIds() {
            return origins.stream().map(Origin::id).filter(Objects::nonNull).toList();
        }

        private int indexOf(String agreement) {
            for (int i = 0; i < origins.size(); i++) {
                if (agreement.equals(origins.get(i).id())) {
                    return i;
                }
            }
            return -1;
        }

        private boolean knownAgreement(Node at, String id) {
            if (indexOf(id) >= 0) {
                return true;
            }
            at.problem("no agreement " + Values.quoted(id) + Suggestions.didYouMean(id, agreementIds()));
            return false;
        }

        private void remove(Node node) {
            for (Node item : node.items()) {
                item.id("agreement id").filter(id -> knownAgreement(item, id)).ifPresent(id -> {
                    int index = indexOf(id);
                    agreements.remove(index);
                    origins.remove(index);
                });
            }
        }

        private void add(Node node) {
            List<Node> items = node.items();
            for (int j = 0; j < items.size(); j++) {
                if (items.get(j).expectMap()) {
                    agreements.add(items.get(j).value().deepCopy());
                    origins.add(new Origin(idOf(items.get(j).value()), j));
                }
            }
        }

        private void end(Node node) {
            node.entries().forEach((id, at) -> {
                if (knownAgreement(at, id)
                        && at.required().instant().isPresent()
                        && agreements.get(indexOf(id)) instanceof ObjectNode agreement) {
                    agreement.set("until", at.value().deepCopy());
                    ended.add(id);
                }
            });
        }

        private void scaleCapacity(Node node) {
            node.entries().forEach((key, factor) -> factor.positive()
                    .ifPresent(f -> capacityOf(factor, key, entry -> {
                        if (entry.path("units").isNumber()) {
                            BigDecimal units = entry.get("units").decimalValue().multiply(f);
                            entry.set(
                                    "units",
                                    BigIntegerNode.valueOf(units.setScale(0, RoundingMode.FLOOR)
                                            .toBigInteger()));
                        }
                        if (entry.path("megawatts").isNumber()) {
                            entry.set(
                                    "megawatts",
                                    DecimalNode.valueOf(entry.get("megawatts")
                                            .decimalValue()
                                            .multiply(f)));
                        }
                    })));
        }

        private void delay(Node node) {
            node.entries().forEach((key, by) -> by.positiveSpan().ifPresent(span -> {
                List<String> beyond = new ArrayList<>();
                capacityOf(by, key, entry -> {
                    later(entry, "from", span, beyond);
                    later(entry, "until", span, beyond);
                });
                if (!beyond.isEmpty()) {
                    by.problem("moves " + beyond.get(0) + " beyond the supported range of time");
                }
            }));
        }

        /** Moves a date of the base later by {@code span}; one that would leave time itself is added to {@code beyond}. */
        private void later(ObjectNode entry, String field, Span span, List<String> beyond) {
            JsonNode date = entry.get(field);
            if (date == null || !date.isTextual()) {
                return;
            }
            Values.instant(date.textValue()).orReport(problem -> {}).ifPresent(at -> {
                try {
                    entry.set(field, TextNode.valueOf(span.addTo(at).toString()));
                } catch (DateTimeException | ArithmeticException tooLate) {
                    beyond.add(field + " " + date.textValue());
                }
            });
        }

        /**
         * Hands {@code change} every capacity entry of the provider or site named {@code key}, or
         * reports at {@code at} that there is none of that name.
         */
        private void capacityOf(Node at, String key, Consumer<ObjectNode> change) {
            Map<String, List<ObjectNode>> bySite = new LinkedHashMap<>();
            Map<String, List<ObjectNode>> byProvider = new LinkedHashMap<>();
            world.path("providers").properties().forEach(provider -> {
                for (JsonNode site : provider.getValue().path("sites")) {
                    for (JsonNode entry : site.path("capacity")) {
                        if (entry instanceof ObjectNode object) {
                            bySite.computeIfAbsent(site.path("id").asText(), s -> new ArrayList<>())
                                    .add(object);
                            byProvider
                                    .computeIfAbsent(provider.getKey(), p -> new ArrayList<>())
                                    .add(object);
                        }
                    }
                }
            });
            List<ObjectNode> entries = byProvider.containsKey(key) ? byProvider.get(key) : bySite.get(key);
            capacityChanges.add(at);
            if (entries == null) {
                Set<String> known = new LinkedHashSet<>(byProvider.keySet());
                known.addAll(bySite.keySet());
                at.problem("no provider or site " + Values.quoted(key) + " with capacity"
                        + Suggestions.didYouMean(key, known));
                return;
            }
            entries.forEach(change);
        }

        private void prices(Node node) {
            node.entries().forEach((provider, byAccelerator) -> {
                JsonNode entry = world.path("providers").path(provider);
                if (!(entry instanceof ObjectNode providerEntry)) {
                    List<String> known = new ArrayList<>();
                    world.path("providers").fieldNames().forEachRemaining(known::add);
                    byAccelerator.problem(
                            "no provider " + Values.quoted(provider) + Suggestions.didYouMean(provider, known));
                    return;
                }
                byAccelerator.required().entries().forEach((accelerator, price) -> price.money()
                        .ifPresent(money -> {
                            JsonNode prices = providerEntry.path("prices");
                            ObjectNode set =
                                    prices instanceof ObjectNode object ? object : providerEntry.putObject("prices");
                            set.set(accelerator, price.value().deepCopy());
                            priced.add(provider);
                        }));
            });
        }

        private void scaleDemand(Node node) {
            List<String> generators = new ArrayList<>();
            JsonNode list = world.path("demand").path("generators");
            for (int i = 0; i < list.size(); i++) {
                generators.add(list.get(i).path("id").asText("g" + (i + 1)));
            }
            node.entries().forEach((key, factor) -> factor.positive()
                    .filter(f -> f.compareTo(BigDecimal.valueOf(DemandScale.MAX_FACTOR)) <= 0
                            || refuse(factor, "must be at most " + (int) DemandScale.MAX_FACTOR + ", got " + f))
                    .ifPresent(f -> {
                        if (key.equals("*")) {
                            everyRequest = f.doubleValue();
                        } else if (generators.contains(key)) {
                            byGenerator.put(new GeneratorId(key), f.doubleValue());
                        } else {
                            factor.problem("no generator " + Values.quoted(key) + " (a generator's id, or '*' for"
                                    + " every request)" + Suggestions.didYouMean(key, generators));
                        }
                    }));
        }

        /** Reads the changed world as a file; its problems are told at the changes. */
        Optional<Scenario> made(Scenario base) {
            Problems found = new Problems();
            Optional<ScenarioReader.Result.Loaded> loaded = new ScenarioMapper(baseDir, found).map(world);
            found.all().forEach(problem -> tell(problem));
            if (loaded.isEmpty() || !found.isEmpty()) {
                return Optional.empty();
            }
            Scenario scenario = loaded.get().scenario();
            return Optional.of(new Scenario(
                    base.name(),
                    base.description(),
                    scenario.start(),
                    scenario.horizon(),
                    scenario.seed(),
                    scenario.world(),
                    scenario.generators(),
                    scenario.trace(),
                    new DemandScale(everyRequest, byGenerator)));
        }

        private void tell(Problem problem) {
            String path = problem.path();
            String here = variant.path();
            if (path.startsWith("agreements[")) {
                int close = path.indexOf(']');
                int index = Integer.parseInt(path.substring("agreements[".length(), close));
                Origin origin = index < origins.size() ? origins.get(index) : null;
                String rest = path.substring(close + 1);
                if (origin != null && origin.added() >= 0) {
                    problems.add(here + ".add[" + origin.added() + "]" + rest, problem.message());
                    return;
                }
                if (origin != null && origin.id() != null && ended.contains(origin.id())) {
                    String field = rest.replaceFirst("^\\.", "");
                    problems.add(
                            here + ".end." + origin.id(),
                            problem.message() + (field.isEmpty() ? "" : " (at " + field + ")"));
                    return;
                }
            }
            if (path.startsWith("providers.") && path.contains(".sites[") && !capacityChanges.isEmpty()) {
                problems.add(capacityChanges.get(0).path(), problem.message() + " (at " + path + ")");
                return;
            }
            for (String provider : priced) {
                String prices = "providers." + provider + ".prices";
                if (path.startsWith(prices)) {
                    problems.add(here + ".prices." + provider + path.substring(prices.length()), problem.message());
                    return;
                }
            }
            problems.add(here, "the world it makes has a problem at " + path + ": " + problem.message());
        }
    }
}
