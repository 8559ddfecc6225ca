package dev.tender.scenario;

import dev.tender.agreement.Agreement;
import dev.tender.agreement.AgreementBook;
import dev.tender.agreement.AgreementId;
import dev.tender.agreement.Commitment;
import dev.tender.agreement.Exclusive;
import dev.tender.agreement.RightOfFirstRefusal;
import dev.tender.agreement.Route;
import dev.tender.agreement.Routing;
import dev.tender.agreement.Scope;
import dev.tender.capacity.Pool;
import dev.tender.capacity.Reach;
import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import dev.tender.demand.Generator;
import dev.tender.demand.Request;
import dev.tender.demand.TraceRequest;
import dev.tender.event.OfferKind;
import dev.tender.money.Money;
import dev.tender.provider.Provider;
import dev.tender.provider.ProviderId;
import dev.tender.provider.ResponderSpec;
import dev.tender.time.Durations;
import dev.tender.time.Instants;
import dev.tender.time.Span;
import dev.tender.world.Scenario;
import dev.tender.world.World;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * What a scenario that loads can still get wrong: settings that can never work as intended. Each
 * is a {@link Warning} at the path of the value to blame, in the order the reader walks the file
 * (providers, agreements, generators, the trace), and says in one sentence what follows from it.
 *
 * <ul>
 *   <li>An {@code auto} responder whose {@code after} is longer than a window it must answer in
 *       (see {@link AnswerWindows} for which windows those are): every such offer lapses. A
 *       calendar {@code after} is compared by its least length, a month counting 28 days and a
 *       year 365; an answer due exactly at the deadline is in time.
 *   <li>A provider with no capacity: no request can reach it.
 *   <li>A clause in force only when no request is submitted: it applies to none.
 *   <li>A clause whose provider has no pool in its scope: an exclusive leaves every request it
 *       covers unfulfilled, a right never applies, no spend counts toward a commitment.
 *   <li>A generator that submits nothing; a generator or trace request that no provider can serve,
 *       because none has a pool of its accelerator in its regions or an exclusive leaves it to one
 *       that has none; a {@code maxPrice} below the list price of every provider the request can
 *       go to. Trace requests alike are told in one warning, with the lines of up to {@value
 *       #LINES_NAMED} others.
 * </ul>
 */
final class ScenarioWarnings {

    /** How many lines of trace requests like the first a warning names. */
    private static final int LINES_NAMED = 5;

    private final Scenario scenario;
    private final World world;
    private final AgreementBook book;
    private final List<Integer> traceLines;
    private final ClauseChanges changes;
    private final Routing routing;
    private final Set<ProviderId> withPools = new HashSet<>();
    private final List<Warning> found = new ArrayList<>();

    private ScenarioWarnings(Scenario scenario, List<Integer> traceLines) {
        if (traceLines.size() != scenario.trace().size()) {
            throw new IllegalArgumentException(
                    traceLines.size() + " trace lines for " + scenario.trace().size() + " trace requests");
        }
        this.scenario = scenario;
        this.world = scenario.world();
        this.book = world.agreements();
        this.traceLines = List.copyOf(traceLines);
        this.changes = new ClauseChanges(book);
        this.routing = new Routing(book, world.footprint(), world.defaults().offerWindow());
        world.pools().forEach(pool -> withPools.add(pool.provider()));
    }

    /** {@code traceLines}: the line of the trace file each trace request was read from. */
    static List<Warning> of(Scenario scenario, List<Integer> traceLines) {
        return new ScenarioWarnings(scenario, traceLines).find();
    }

    private List<Warning> find() {
        Set<Instant> submitting = submitting();
        providers(new AnswerWindows(world, submitting));
        agreements(submitting);
        generators();
        trace();
        return List.copyOf(found);
    }

    private void warn(String path, String message) {
        found.add(new Warning(path, message));
    }

    /**
     * One instant for each stretch of time in which the same clauses are in force and requests
     * are submitted: generators submit from the start until the end, the trace when it says.
     */
    private Set<Instant> submitting() {
        Set<Instant> instants = new TreeSet<>(changes.within(scenario.start(), scenario.end()));
        for (TraceRequest request : scenario.trace()) {
            instants.add(changes.standingFor(request.submitted(), scenario.start()));
        }
        return instants;
    }

    // ---- providers

    private void providers(AnswerWindows windows) {
        for (Provider provider : world.providers()) {
            String path = "providers." + provider.id();
            if (!withPools.contains(provider.id())) {
                warn(path + ".sites", provider.id() + " has no capacity at any site, so no request can reach it");
            } else if (provider.responder() instanceof ResponderSpec.Auto auto) {
                responder(path + ".responder.after", provider.id(), auto.after(), windows);
            }
        }
    }

    private void responder(String path, ProviderId provider, Span after, AnswerWindows windows) {
        Duration least = leastLength(after);
        String shown = after.isExact() ? after.toString() : after + " (" + leastLengthSaid(after) + ")";
        Duration rfqWindow = world.defaults().rfqWindow();
        if (windows.quotes(provider) && longer(least, rfqWindow)) {
            warn(
                    path,
                    shown + " is longer than defaults.rfqWindow (" + Durations.iso(rfqWindow)
                            + "): every market RFQ to " + provider + " lapses before it answers");
        }
        for (Agreement agreement : book.all()) {
            if (agreement instanceof RightOfFirstRefusal right
                    && right.holder().equals(provider)
                    && longer(least, right.window())) {
                rightWindow(path, shown, right, windows);
            }
        }
        Duration offerWindow = world.defaults().offerWindow();
        List<AgreementId> exclusives = windows.exclusivesTakingTheOfferWindow(provider);
        if (!exclusives.isEmpty() && longer(least, offerWindow)) {
            warn(
                    path,
                    shown + " is longer than defaults.offerWindow (" + Durations.iso(offerWindow)
                            + "), which exclusive offers under " + and(exclusives) + " take when " + provider
                            + " holds no right covering the request: each lapses before " + provider
                            + " answers, and its request closes UNFULFILLED");
        }
    }

    /** The warning for a right whose window is shorter than its holder's {@code after}, if it is ever used. */
    private void rightWindow(String path, String shown, RightOfFirstRefusal right, AnswerWindows windows) {
        Set<OfferKind> kinds = windows.offersUnder(right);
        if (kinds.isEmpty()) {
            return;
        }
        String window = "the window of " + right.id() + " (" + Durations.iso(right.window()) + ")";
        List<AgreementId> exclusives = windows.exclusivesTakingTheWindowOf(right);
        String own = kinds.contains(OfferKind.ROFR) ? "first-look" : kinds.contains(OfferKind.MATCH) ? "match" : null;
        if (own == null) {
            warn(
                    path,
                    shown + " is longer than " + window + ", which exclusive offers under " + and(exclusives)
                            + " take: each lapses before " + right.holder() + " answers, and its request closes"
                            + " UNFULFILLED");
        } else if (exclusives.isEmpty()) {
            warn(
                    path,
                    shown + " is longer than " + window + ": every " + own + " offer to " + right.holder()
                            + " lapses before it answers");
        } else {
            warn(
                    path,
                    shown + " is longer than " + window + ": every " + own + " offer to " + right.holder()
                            + " lapses before it answers, and so does every exclusive offer under " + and(exclusives)
                            + " that takes this window, whose request then closes UNFULFILLED");
        }
    }

    /** The least time a span can take: a month is at least 28 days, a year at least 365. */
    private static Duration leastLength(Span span) {
        long days = 365L * span.period().getYears() + 28L * span.period().getMonths();
        return span.duration().plusDays(days);
    }

    /** {@code at least P28D, counting a month as 28 days}. */
    private static String leastLengthSaid(Span span) {
        List<String> counting = new ArrayList<>();
        if (span.period().getYears() != 0) {
            counting.add("a year as 365 days");
        }
        if (span.period().getMonths() != 0) {
            counting.add("a month as 28 days");
        }
        return "at least " + Durations.iso(leastLength(span)) + ", counting " + and(counting);
    }

    /** An answer due exactly at the deadline is in time. */
    private static boolean longer(Duration after, Duration window) {
        return after.compareTo(window) > 0;
    }

    // ---- agreements

    private void agreements(Set<Instant> submitting) {
        List<Agreement> all = book.all();
        for (int i = 0; i < all.size(); i++) {
            Agreement agreement = all.get(i);
            String path = "agreements[" + i + "]";
            if (submitting.stream().noneMatch(agreement::inForceAt)) {
                outOfTime(path, agreement);
            } else if (!hasPoolIn(agreement.provider(), agreement.scope())) {
                noPoolInScope(path, agreement);
            }
        }
    }

    private void outOfTime(String path, Agreement agreement) {
        Instant until = agreement.until();
        // When the clause ends by the start, the warning is about its until; else about its from.
        Instant endedBy = until != null && !until.isAfter(scenario.start()) ? until : null;
        boolean endsBefore = endedBy != null;
        String consequence;
        if (!(agreement instanceof Commitment)) {
            consequence = "so it applies to no request";
        } else if (endsBefore) {
            consequence = "so no award can count toward it";
        } else {
            consequence = "so it gives " + agreement.provider()
                    + " no preference, and only awards still running then count toward it";
        }
        if (endedBy != null) {
            warn(
                    path + ".until",
                    shown(endedBy) + " is not after the scenario's start (" + shown(scenario.start()) + "): "
                            + agreement.id() + " is in force only before any request is submitted, " + consequence);
        } else {
            warn(
                    path + ".from",
                    shown(agreement.from()) + " is not before the scenario's end (" + shown(scenario.end()) + "): "
                            + agreement.id() + " is in force only when no request is submitted, " + consequence);
        }
    }

    private void noPoolInScope(String path, Agreement agreement) {
        ProviderId provider = agreement.provider();
        Scope scope = agreement.scope();
        String lacks = provider + " has no " + pool(scope.accelerators(), scope.regions());
        if (agreement instanceof Exclusive) {
            warn(
                    path + ".provider",
                    lacks + ", yet " + agreement.id() + " makes it the only provider for " + scope.requests()
                            + ": every such request closes UNFULFILLED at once");
        } else if (agreement instanceof RightOfFirstRefusal) {
            warn(
                    path + ".holder",
                    lacks + ", so " + agreement.id() + " never gives it the first refusal: " + scope.requests()
                            + " go to the market");
        } else {
            warn(path + ".provider", lacks + ", so no spend can ever count toward " + agreement.id());
        }
    }

    private boolean hasPoolIn(ProviderId provider, Scope scope) {
        for (Pool pool : world.pools()) {
            if (pool.provider().equals(provider)
                    && (scope.accelerators().isEmpty() || scope.accelerators().contains(pool.accelerator()))
                    && (scope.regions().isEmpty() || scope.regions().contains(pool.region()))) {
                return true;
            }
        }
        return false;
    }

    /** {@code pool of GB200 or H100 in us-east or us-west}; {@code pool at all} when neither is listed. */
    private static String pool(Set<AcceleratorId> accelerators, Set<Region> regions) {
        if (accelerators.isEmpty() && regions.isEmpty()) {
            return "pool at all";
        }
        return "pool" + (accelerators.isEmpty() ? "" : " of " + or(accelerators)) + in(regions);
    }

    // ---- generators

    private void generators() {
        List<Generator> generators = scenario.generators();
        for (int i = 0; i < generators.size(); i++) {
            generator("demand.generators[" + i + "]", generators.get(i));
        }
    }

    private void generator(String path, Generator generator) {
        Instant from = generator.from();
        Instant to = generator.until();
        Instant begin = latest(scenario.start(), from);
        // The horizon is positive, so the generator submits nothing only when it starts at the end or
        // later, or ends at its begin or earlier.
        if (from != null && !from.isBefore(scenario.end())) {
            warn(
                    path + ".from",
                    shown(from) + " is not before the scenario's end (" + shown(scenario.end())
                            + "): the generator submits no request");
            return;
        }
        if (to != null && !to.isAfter(begin)) {
            warn(
                    path + ".until",
                    shown(to) + " is not after the scenario's start (" + shown(scenario.start())
                            + "): the generator submits no request");
            return;
        }
        Instant until = earliest(scenario.end(), to);
        Request probe = AnswerWindows.probe(generator.workload(), generator.accelerator(), generator.regions(), begin);
        List<Route> routes = new ArrayList<>();
        for (Instant at : changes.within(begin, until)) {
            routes.add(routing.route(probe, at));
        }
        Unserved unserved = cannotServe(probe.reach(), routes);
        if (unserved != null) {
            warn(at(path, unserved.key()), unserved.reason() + ": every request closes UNFULFILLED at once");
        } else if (generator.maxPrice() != null) {
            Set<ProviderId> askable = new TreeSet<>();
            routes.forEach(route -> askable.addAll(route.eligible()));
            Cheapest cheapest = cheapest(generator.accelerator(), askable);
            if (cheapest != null && cheapest.price().exceeds(generator.maxPrice())) {
                warn(path + ".maxPrice", refused(generator.maxPrice(), generator.accelerator(), cheapest));
            }
        }
    }

    /**
     * Why no provider can serve requests of a reach on any of these routes, with the key of the
     * value to blame (empty: the entry as a whole).
     */
    private record Unserved(String key, String reason) {}

    /**
     * Why no provider can serve requests of this reach on any of these routes ({@code no provider
     * has a pool of GB200 in eu}, {@code azure-api leaves these requests to azure alone, which has
     * no pool of GB200}), or null when some provider can.
     */
    private @Nullable Unserved cannotServe(Reach reach, List<Route> routes) {
        if (world.footprint().providersFor(reach).isEmpty()) {
            boolean elsewhere = !reach.regions().isEmpty()
                    && !world.footprint()
                            .providersFor(new Reach(reach.accelerator(), List.of()))
                            .isEmpty();
            return new Unserved(
                    elsewhere ? "regions" : "accelerator",
                    "no provider has a pool of " + reach.accelerator() + (elsewhere ? in(reach.regions()) : ""));
        }
        Set<AgreementId> exclusives = new LinkedHashSet<>();
        Set<ProviderId> alone = new TreeSet<>();
        for (Route route : routes) {
            if (!(route instanceof Route.ToExclusive exclusive)
                    || !exclusive.eligible().isEmpty()) {
                return null;
            }
            exclusives.addAll(exclusive.agreements());
            alone.add(exclusive.provider());
        }
        if (routes.isEmpty()) {
            return null;
        }
        List<AgreementId> named = book.all().stream()
                .map(Agreement::id)
                .filter(exclusives::contains)
                .toList();
        return new Unserved(
                "",
                and(named) + " leave" + (named.size() == 1 ? "s" : "") + " these requests to " + or(alone)
                        + " alone, which " + (alone.size() == 1 ? "has" : "have") + " no pool of " + reach.accelerator()
                        + in(reach.regions()));
    }

    private static String at(String path, String key) {
        return key.isEmpty() ? path : path + "." + key;
    }

    /** The lowest list price among some providers, and whose it is. */
    private record Cheapest(ProviderId provider, Money price) {}

    /** The lowest list price of the accelerator among {@code providers}, the first by id on a tie; null: none. */
    private @Nullable Cheapest cheapest(AcceleratorId accelerator, Set<ProviderId> providers) {
        Cheapest cheapest = null;
        for (ProviderId id : providers) {
            Optional<Money> price =
                    world.provider(id).flatMap(provider -> provider.prices().priceOf(accelerator));
            if (price.isPresent() && (cheapest == null || cheapest.price().exceeds(price.get()))) {
                cheapest = new Cheapest(id, price.get());
            }
        }
        return cheapest;
    }

    private static String refused(Money maxPrice, AcceleratorId accelerator, Cheapest cheapest) {
        return maxPrice + " is below the list price for " + accelerator + " of every provider it can go to (the"
                + " lowest is " + cheapest.provider() + "'s " + cheapest.price() + "): every quote at list price is"
                + " refused";
    }

    // ---- trace

    /**
     * Trace requests told in one warning: the same value to blame, the same accelerator and regions,
     * and the same reason no provider can serve them ({@code cannot}), or, when their {@code
     * maxPrice} is below every list price, the same providers they can go to ({@code askable}).
     */
    private record Alike(
            String key,
            Reach reach,
            @Nullable String cannot,
            Set<ProviderId> askable,
            @Nullable Cheapest cheapest) {}

    private void trace() {
        Map<Alike, List<Integer>> groups = new LinkedHashMap<>();
        List<TraceRequest> trace = scenario.trace();
        for (int i = 0; i < trace.size(); i++) {
            Request request = trace.get(i).request();
            Reach reach = new Reach(request.accelerator(), List.copyOf(new TreeSet<>(request.regions())));
            Route route = routing.route(request, trace.get(i).submitted());
            Unserved unserved = cannotServe(reach, List.of(route));
            Alike alike = null;
            Money maxPrice = request.maxPrice();
            if (unserved != null) {
                alike = new Alike(unserved.key(), reach, unserved.reason(), Set.of(), null);
            } else if (maxPrice != null) {
                Set<ProviderId> askable = new TreeSet<>(route.eligible());
                // The cheapest is the same for the same accelerator and askable, so it groups nothing apart.
                Cheapest cheapest = cheapest(request.accelerator(), askable);
                if (cheapest != null && cheapest.price().exceeds(maxPrice)) {
                    alike = new Alike("maxPrice", reach, null, askable, cheapest);
                }
            }
            if (alike != null) {
                groups.computeIfAbsent(alike, key -> new ArrayList<>()).add(i);
            }
        }
        groups.forEach((alike, rows) -> {
            Request first = trace.get(rows.get(0)).request();
            String path = at("demand.trace[" + traceLines.get(rows.get(0)) + "]", alike.key());
            String cannot = alike.cannot();
            Cheapest cheapest = alike.cheapest();
            Money maxPrice = first.maxPrice();
            if (cannot != null) {
                warn(path, cannot + ": the request closes UNFULFILLED at once" + others(rows, alike, ""));
            } else if (cheapest != null && maxPrice != null) { // as every group but the unservable has
                warn(
                        path,
                        refused(maxPrice, first.accelerator(), cheapest)
                                + others(rows, alike, " with a maxPrice below " + cheapest.price()));
            }
        });
    }

    /** {@code , and so for 2 more requests for GB200 in eu (lines 7, 9)}; nothing for one request. */
    private String others(List<Integer> rows, Alike alike, String with) {
        int more = rows.size() - 1;
        if (more == 0) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        for (int row : rows.subList(1, Math.min(rows.size(), LINES_NAMED + 1))) {
            lines.add(Integer.toString(traceLines.get(row)));
        }
        if (more > LINES_NAMED) {
            lines.add("...");
        }
        return ", and so for " + more + " more " + (more == 1 ? "request" : "requests") + " for "
                + alike.reach().accelerator() + in(alike.reach().regions()) + with + " ("
                + (more == 1 ? "line " : "lines ") + String.join(", ", lines) + ")";
    }

    // ---- words

    /** A date as written in a scenario when it is midnight UTC, else the instant. */
    private static String shown(Instant instant) {
        var utc = instant.atOffset(ZoneOffset.UTC);
        return utc.toLocalTime().equals(LocalTime.MIDNIGHT) ? utc.toLocalDate().toString() : Instants.iso(instant);
    }

    private static String in(Iterable<Region> regions) {
        return regions.iterator().hasNext() ? " in " + or(regions) : "";
    }

    private static String or(Iterable<?> names) {
        return joined(names, " or ");
    }

    private static String and(Iterable<?> names) {
        return joined(names, " and ");
    }

    private static String joined(Iterable<?> names, String last) {
        List<String> all = new ArrayList<>();
        names.forEach(name -> all.add(name.toString()));
        if (!(names instanceof List<?>)) {
            all.sort(null);
        }
        if (all.size() <= 1) {
            return String.join("", all);
        }
        return String.join(", ", all.subList(0, all.size() - 1)) + last + all.get(all.size() - 1);
    }

    private static Instant latest(Instant a, @Nullable Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    private static Instant earliest(Instant a, @Nullable Instant b) {
        return b != null && b.isBefore(a) ? b : a;
    }
}
