package dev.tender.scenario;

import dev.tender.capacity.Accelerator;
import dev.tender.capacity.CapacityStep;
import dev.tender.capacity.Pool;
import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import dev.tender.money.Money;
import dev.tender.provider.PriceList;
import dev.tender.provider.Provider;
import dev.tender.provider.ProviderId;
import dev.tender.provider.ResponderSpec;
import dev.tender.provider.Site;
import dev.tender.provider.SiteId;
import dev.tender.time.Span;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The {@code providers} section: responders, price lists, sites (templates expanded) and their
 * capacity, grouped into pools.
 */
final class ProvidersMapper {

    /** The most sites one template may stand for. */
    static final int MAX_COUNT = 10_000;

    private static final String N = "{n}";
    private static final List<String> PROVIDER_KEYS = List.of("name", "responder", "prices", "sites");
    private static final List<String> RESPONDER_KEYS = List.of("kind", "after", "share");
    private static final List<String> MANUAL_KEYS = List.of("kind");
    private static final List<String> SITE_KEYS = List.of("id", "region", "count", "capacity");
    private static final List<String> CAPACITY_KEYS =
            List.of("accelerator", "units", "megawatts", "from", "until", "every");

    private final Catalog catalog;
    private final Problems problems;
    private final Claims siteIds = new Claims("site id");

    ProvidersMapper(Catalog catalog, Problems problems) {
        this.catalog = catalog;
        this.problems = problems;
    }

    /**
     * The providers as read. {@code ids} holds every provider named, valid or not, so that
     * agreements can refer to them; {@code known} is false when the section could not be read.
     */
    record Section(List<Draft> drafts, List<String> ids, boolean known) {

        List<Provider> providers() {
            return drafts.stream().map(Draft::provider).toList();
        }

        /** One pool per site and accelerator: providers in file order, then sites, then accelerators. */
        List<Pool> pools() {
            List<Pool> pools = new ArrayList<>();
            for (Draft draft : drafts) {
                for (SiteCapacity site : draft.sites()) {
                    site.steps()
                            .forEach((accelerator, steps) -> pools.add(
                                    new Pool(pools.size(), site.site(), new AcceleratorId(accelerator), steps)));
                }
            }
            return pools;
        }
    }

    /** A provider whose every part was valid, not yet built. */
    record Draft(
            ProviderId id, String name, Map<String, Money> prices, ResponderSpec responder, List<SiteCapacity> sites) {

        Provider provider() {
            return new Provider(
                    id,
                    name,
                    new PriceList(typed(prices)),
                    sites.stream().map(SiteCapacity::site).toList(),
                    responder);
        }
    }

    private static Map<AcceleratorId, Money> typed(Map<String, Money> prices) {
        Map<AcceleratorId, Money> typed = new LinkedHashMap<>();
        prices.forEach((accelerator, price) -> typed.put(new AcceleratorId(accelerator), price));
        return typed;
    }

    /** One site after template expansion; its steps by accelerator in order of first appearance. */
    record SiteCapacity(Site site, Map<String, List<CapacityStep>> steps) {}

    /** A capacity entry as written, before a template shifts it for site n. */
    private record Entry(
            Node node,
            String accelerator,
            int units,
            Instant from,
            @Nullable Instant until,
            @Nullable Span every) {}

    Section map(Node section) {
        List<Draft> drafts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        section.entries().forEach((key, node) -> {
            ids.add(key);
            provider(key, node).ifPresent(drafts::add);
        });
        return new Section(drafts, ids, section.isMap());
    }

    private Optional<Draft> provider(String key, Node node) {
        int mark = problems.count();
        String idProblem = Values.idProblem("provider id", key);
        if (idProblem != null) {
            node.problem(idProblem);
        }
        Optional<ProviderId> id = idProblem == null ? Optional.of(new ProviderId(key)) : Optional.empty();
        if (!node.required().fields(PROVIDER_KEYS)) {
            return Optional.empty();
        }
        Optional<String> name = node.get("name").text();
        Optional<ResponderSpec> responder = responder(node.get("responder").required());
        Node pricesNode = node.get("prices");
        Optional<Map<String, Money>> prices = prices(pricesNode);
        Set<String> withCapacity = new LinkedHashSet<>();
        List<SiteCapacity> sites = new ArrayList<>();
        for (Node site : node.get("sites").items()) {
            sites.addAll(site(id, site, withCapacity));
        }
        if (prices.isPresent()) { // a price that is named but wrong has been reported at its own path
            withCapacity.stream()
                    .filter(accelerator -> !pricesNode.has(accelerator))
                    .forEach(accelerator -> pricesNode.problem(
                            "no price for " + Values.quoted(accelerator) + ", which the provider has capacity of"));
        }
        if (problems.count() != mark || !Values.allPresent(id, prices, responder)) {
            return Optional.empty();
        }
        // A provider without a name is called by its id, as it is with a blank one.
        return Optional.of(new Draft(id.get(), name.orElse(""), prices.get(), responder.get(), sites));
    }

    private Optional<ResponderSpec> responder(Node node) {
        if (!node.expectMap()) {
            return Optional.empty();
        }
        int mark = problems.count();
        Optional<String> kind = node.get("kind").required().oneOf(List.of("auto", "manual"));
        boolean manual = kind.filter("manual"::equals).isPresent();
        node.checkKeys(manual ? MANUAL_KEYS : RESPONDER_KEYS, RESPONDER_KEYS, "kind manual");
        if (manual) {
            return problems.count() == mark ? Optional.of(new ResponderSpec.Manual()) : Optional.empty();
        }
        Optional<Span> after = node.get("after").span();
        Node shareNode = node.get("share");
        Optional<BigDecimal> share = shareNode.check(
                shareNode.number(),
                s -> s.signum() > 0 && s.compareTo(BigDecimal.ONE) <= 0,
                "must be greater than 0 and at most 1");
        if (problems.count() != mark) {
            return Optional.empty();
        }
        return Optional.of(new ResponderSpec.Auto(
                after.orElse(Span.ofDays(0)), share.map(BigDecimal::doubleValue).orElse(1.0)));
    }

    /** Empty when the prices could not be read as a map (absent is an empty price list). */
    private Optional<Map<String, Money>> prices(Node node) {
        if (node.isPresent() && !node.expectMap()) {
            return Optional.empty();
        }
        Map<String, Money> prices = new LinkedHashMap<>();
        node.entries().forEach((accelerator, price) -> {
            boolean declared = catalog.checkAccelerator(price, accelerator);
            Optional<Money> amount = price.required().money();
            if (declared) {
                amount.ifPresent(value -> prices.put(accelerator, value));
            }
        });
        return Optional.of(prices);
    }

    /** The sites one entry stands for: one, or {@code count} for a template. */
    private List<SiteCapacity> site(Optional<ProviderId> provider, Node node, Set<String> withCapacity) {
        if (!node.fields(SITE_KEYS)) {
            return List.of();
        }
        int mark = problems.count();
        Node countNode = node.get("count");
        boolean templated = countNode.isPresent();
        Optional<Integer> count = countNode.intBetween(1, MAX_COUNT);
        Node idNode = node.get("id").required();
        Optional<String> id = idNode.text().filter(text -> templateOk(idNode, text, templated, "site id", true));
        Node regionNode = node.get("region").required();
        Optional<String> region =
                regionNode.text().filter(text -> templateOk(regionNode, text, templated, "region", false));
        List<Integer> numbers = new ArrayList<>();
        for (int n = 1; n <= (templated ? count.orElse(0) : 1); n++) {
            numbers.add(n);
        }
        for (int n : id.isPresent() ? numbers : List.<Integer>of()) {
            if (!siteIds.claim(id.get().replace(N, Integer.toString(n)), node.path(), idNode)) {
                break; // one clash per site entry is enough to say
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (Node entry : node.get("capacity").items()) {
            entry(entry, templated, withCapacity).ifPresent(entries::add);
        }
        if (problems.count() != mark || !Values.allPresent(provider, id, region)) {
            return List.of();
        }
        List<SiteCapacity> sites = new ArrayList<>();
        for (int n : numbers) {
            String number = Integer.toString(n);
            Site site = new Site(
                    new SiteId(id.get().replace(N, number)),
                    provider.get(),
                    new Region(region.get().replace(N, number)));
            Map<String, List<CapacityStep>> steps = new LinkedHashMap<>();
            for (Entry entry : entries) {
                Optional<CapacityStep> step = step(entry, n, site);
                if (step.isEmpty()) {
                    return List.of(); // reported once, for the first site it fails
                }
                steps.computeIfAbsent(entry.accelerator(), a -> new ArrayList<>())
                        .add(step.get());
            }
            sites.add(new SiteCapacity(site, steps));
        }
        return sites;
    }

    /** Checks the {n} rule and, with {n} filled in, the identifier rule. */
    private static boolean templateOk(Node node, String text, boolean templated, String what, boolean needsN) {
        boolean hasN = text.contains(N);
        if (templated && needsN && !hasN) {
            node.problem("a site with count is a template and needs {n} in its id, got " + Values.quoted(text));
            return false;
        }
        if (!templated && hasN) {
            node.problem("{n} is only allowed in a site with count (a template), got " + Values.quoted(text));
            return false;
        }
        if (Values.idProblem(what, text.replace(N, "1")) != null) {
            node.problem(Values.notAnId(what, text)); // quotes the text as written, {n} and all
            return false;
        }
        return true;
    }

    private Optional<Entry> entry(Node node, boolean templated, Set<String> withCapacity) {
        if (!node.fields(CAPACITY_KEYS)) {
            return Optional.empty();
        }
        int mark = problems.count();
        Node acceleratorNode = node.get("accelerator").required();
        Optional<String> accelerator =
                acceleratorNode.text().filter(name -> catalog.checkAccelerator(acceleratorNode, name));
        accelerator.ifPresent(withCapacity::add);
        Optional<Integer> units = units(node, accelerator);
        Node fromNode = node.get("from").required();
        Optional<Instant> from = fromNode.instant();
        Optional<Instant> until = node.get("until").instantAfter(fromNode, from);
        Node everyNode = node.get("every");
        Optional<Span> every = Optional.empty();
        if (everyNode.isPresent() && !templated) {
            everyNode.problem("only allowed in a site with count (a template), got " + everyNode.shown());
        } else {
            every = everyNode.span();
        }
        if (problems.count() != mark || !Values.allPresent(accelerator, units, from)) {
            return Optional.empty();
        }
        return Optional.of(
                new Entry(node, accelerator.get(), units.get(), from.get(), until.orElse(null), every.orElse(null)));
    }

    /** Exactly one of {@code units} or {@code megawatts}; megawatts become units by the chip's power. */
    private Optional<Integer> units(Node node, Optional<String> accelerator) {
        Node unitsNode = node.get("units");
        Node megawattsNode = node.get("megawatts");
        if (unitsNode.isPresent() && megawattsNode.isPresent()) {
            node.problem("give units or megawatts, not both; got units " + unitsNode.shown() + " and megawatts "
                    + megawattsNode.shown());
            return Optional.empty();
        }
        if (unitsNode.isPresent()) {
            return unitsNode.positiveInt();
        }
        if (megawattsNode.isAbsent()) {
            node.problem("needs units or megawatts, got neither");
            return Optional.empty();
        }
        Optional<BigDecimal> megawatts = megawattsNode.positive();
        Accelerator chip = accelerator.map(catalog.accelerators()::get).orElse(null);
        if (megawatts.isEmpty() || chip == null) {
            return Optional.empty(); // the chip's own declaration, if wrong, has been reported
        }
        long units = chip.unitsFor(megawatts.get());
        if (units > Integer.MAX_VALUE) {
            megawattsNode.problem(
                    "is more units of " + chip.id() + " than Tender counts, got " + megawattsNode.shown());
            return Optional.empty();
        }
        if (units <= 0) {
            megawattsNode.problem("is less than one unit of " + chip.id() + " ("
                    + chip.kw().toPlainString() + " kW each), got " + megawattsNode.shown());
            return Optional.empty();
        }
        return Optional.of((int) units);
    }

    /** The entry for site n of a template: {@code from} and {@code until} moved by {@code (n-1) x every}. */
    private Optional<CapacityStep> step(Entry entry, int n, Site site) {
        if (entry.every() == null || n == 1) {
            return Optional.of(new CapacityStep(entry.units(), entry.from(), entry.until()));
        }
        Node everyNode = entry.node().get("every");
        Instant from;
        Instant until;
        try {
            from = entry.every().times(entry.from(), n - 1L);
            until = entry.until() == null ? null : entry.every().times(entry.until(), n - 1L);
        } catch (DateTimeException | ArithmeticException outOfRange) {
            everyNode.problem(
                    "moves site " + site.id() + " out of the supported range of time, got " + everyNode.shown());
            return Optional.empty();
        }
        if (until != null && !until.isAfter(from)) {
            everyNode.problem("makes until " + until + " not after from " + from + " for site " + site.id() + ", got "
                    + everyNode.shown());
            return Optional.empty();
        }
        return Optional.of(new CapacityStep(entry.units(), from, until));
    }
}
