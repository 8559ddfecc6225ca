package dev.tender.planning;

import dev.tender.agreement.Agreement;
import dev.tender.agreement.Commitment;
import dev.tender.agreement.Exclusive;
import dev.tender.agreement.RightOfFirstRefusal;
import dev.tender.agreement.Scope;
import dev.tender.capacity.CapacityStep;
import dev.tender.capacity.Pool;
import dev.tender.demand.Request;
import dev.tender.demand.RequestId;
import dev.tender.demand.TraceRequest;
import dev.tender.money.Money;
import dev.tender.plan.Plan;
import dev.tender.provider.Provider;
import dev.tender.provider.ProviderId;
import dev.tender.world.Scenario;
import dev.tender.world.World;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Checks a plan against its scenario from first principles, without the planner's model: every hard
 * rule of each assignment, capacity per pool and bucket recounted with the ledger's rounding, and
 * every figure of the objective recomputed. Returns the violations in words; none when the plan holds.
 * The scenario's whole demand must be its trace (no generators), as in the tests' worlds.
 *
 * <p>The rules as the planner states them: a request covered by an exclusive in force at submission
 * is served by that provider alone; under a right of first refusal (no exclusive, holder able to
 * serve) each market unit-hour costs the highest list price and a cent as priority, and in match mode the
 * holder serves at its list price or the cheapest market list price among providers that could serve
 * the request at all, whichever is lower; every other unit is at list price. Capacity arriving
 * inside a bucket counts from the next, leaving inside a bucket is gone for all of it, and a job
 * holds every bucket it touches.
 */
final class PlanChecker {

    private final Scenario scenario;
    private final World world;
    private final Plan plan;
    /** True when the plan's starts are every bucket boundary (a step of one bucket), so its candidates are known. */
    private final boolean exactStarts;

    private final long bucketSeconds;
    private final long gridBuckets;
    private final Money highestPrice;
    private final Map<RequestId, TraceRequest> requests = new HashMap<>();
    private final List<String> problems = new ArrayList<>();

    private PlanChecker(Scenario scenario, Plan plan) {
        this.scenario = scenario;
        this.world = scenario.world();
        this.plan = plan;
        this.exactStarts = Duration.parse(plan.solve().startStep()).equals(world.bucket());
        this.bucketSeconds = world.bucket().toSeconds();
        long seconds = Duration.between(scenario.start(), scenario.demandEnd()).toSeconds();
        this.gridBuckets = Math.max(1, Math.floorDiv(seconds + bucketSeconds - 1, bucketSeconds));
        Money highest = Money.ZERO;
        for (Provider provider : world.providers()) {
            for (Money price : provider.prices().byAccelerator().values()) {
                highest = price.compareTo(highest) > 0 ? price : highest;
            }
        }
        // The weight is a cent above the highest list price (ADR 0015).
        this.highestPrice = highest.plus(Money.ofDollars("0.01"));
        for (TraceRequest traced : scenario.trace()) {
            requests.put(traced.request().id(), traced);
        }
    }

    /** The plan's violations of the scenario's rules; empty when it holds. */
    static List<String> check(Scenario scenario, Plan plan) {
        PlanChecker checker = new PlanChecker(scenario, plan);
        checker.assignments();
        checker.capacity();
        checker.unitsPerRequest();
        checker.figures();
        return checker.problems;
    }

    // ---- each assignment

    private void assignments() {
        for (Plan.Assignment a : plan.assignments()) {
            TraceRequest traced = requests.get(a.request());
            if (traced == null) {
                problems.add(a + ": no such request");
                continue;
            }
            assignment(a, traced);
        }
    }

    private void assignment(Plan.Assignment a, TraceRequest traced) {
        Request request = traced.request();
        if (a.units() <= 0) {
            problems.add(a + ": units must be whole and positive");
        }
        Optional<Pool> pool = pool(a);
        if (pool.isEmpty()) {
            problems.add(a + ": no pool of " + a.accelerator() + " at " + a.site());
            return;
        }
        if (!pool.get().provider().equals(a.provider())) {
            problems.add(a + ": site " + a.site() + " is not " + a.provider() + "'s");
        }
        if (!a.accelerator().equals(request.accelerator())) {
            problems.add(a + ": the request is for " + request.accelerator());
        }
        if (!request.regions().isEmpty()
                && !request.regions().contains(pool.get().region())) {
            problems.add(a + ": region " + pool.get().region() + " is not among " + request.regions());
        }
        if (a.start().isBefore(request.start())
                || a.start().isAfter(request.start().plus(request.flex()))) {
            problems.add(a + ": starts outside [" + request.start() + ", "
                    + request.start().plus(request.flex()) + "]");
        }
        if (!a.end().equals(a.start().plus(Duration.ofHours(request.hours())))) {
            problems.add(a + ": does not last " + request.hours() + "h");
        }
        Optional<Exclusive> exclusive = exclusive(world, traced);
        if (exclusive.isPresent() && !exclusive.get().provider().equals(a.provider())) {
            problems.add(a + ": " + exclusive.get().id() + " makes "
                    + exclusive.get().provider() + " the only provider");
        }
        if (!withinMaxPrice(request, a.unitPrice())) {
            problems.add(a + ": above maxPrice " + request.maxPrice());
        }
        price(a, traced);
        if (!a.cost().equals(a.unitPrice().times((long) a.units() * request.hours()))) {
            problems.add(a + ": cost is not units x hours x unit price");
        }
    }

    /**
     * List price, or in match mode for the holder the lower of it and the cheapest list price of a
     * market provider that could serve the request.
     */
    private void price(Plan.Assignment a, TraceRequest traced) {
        Optional<Money> list = listPrice(world, a.provider(), traced.request());
        if (list.isEmpty()) {
            problems.add(a + ": " + a.provider() + " has no price for " + a.accelerator());
            return;
        }
        Optional<RightOfFirstRefusal> right = right(world, traced);
        boolean matching = right.isPresent()
                && right.get().mode() == RightOfFirstRefusal.Mode.MATCH
                && right.get().holder().equals(a.provider());
        if (!matching) {
            if (!a.unitPrice().equals(list.get())) {
                problems.add(a + ": unit price should be the list price " + list.get());
            }
            return;
        }
        Money able = list.get();
        Money any = list.get();
        List<Money> prices = new ArrayList<>(List.of(list.get()));
        for (ProviderId market : eligible(world, traced.request())) {
            Optional<Money> price = listPrice(world, market, traced.request());
            if (!market.equals(a.provider()) && price.isPresent() && withinMaxPrice(traced.request(), price.get())) {
                prices.add(price.get());
                any = Money.min(any, price.get());
                if (couldServe(market, traced.request())) {
                    able = Money.min(able, price.get());
                }
            }
        }
        if (exactStarts && !a.unitPrice().equals(able)) {
            problems.add(a + ": matched unit price should be " + able);
        }
        // A coarser step has fewer candidates, so fewer market providers that could serve.
        if (!exactStarts && (!prices.contains(a.unitPrice()) || a.unitPrice().compareTo(any) < 0)) {
            problems.add(a + ": matched unit price should be among " + prices + " and at least " + any);
        }
    }

    /**
     * True when some pool of the provider within the request's reach has a unit online in every
     * bucket of the job at one of its candidate starts (the planner's step is one bucket).
     */
    private boolean couldServe(ProviderId provider, Request request) {
        for (Pool pool : world.pools()) {
            if (pool.provider().equals(provider)
                    && pool.accelerator().equals(request.accelerator())
                    && (request.regions().isEmpty() || request.regions().contains(pool.region()))) {
                for (Instant start : starts(request)) {
                    long from = floorBucket(start);
                    long to = ceilBucket(start.plus(Duration.ofHours(request.hours())));
                    if (from >= 0 && to <= gridBuckets && leastOnline(pool, from, to) >= 1) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The request's own start and every bucket boundary after it, within its flex. */
    private List<Instant> starts(Request request) {
        TreeSet<Instant> starts = new TreeSet<>();
        starts.add(request.start());
        Instant latest = request.start().plus(request.flex());
        for (long b = floorBucket(request.start()) + 1; b <= floorBucket(latest); b++) {
            starts.add(scenario.start().plusSeconds(b * bucketSeconds));
        }
        return List.copyOf(starts);
    }

    // ---- capacity, per pool and bucket

    private void capacity() {
        Map<Pool, Map<Long, Long>> use = new HashMap<>();
        for (Plan.Assignment a : plan.assignments()) {
            Optional<Pool> pool = pool(a);
            if (pool.isEmpty()) {
                continue;
            }
            for (long b = floorBucket(a.start()); b < ceilBucket(a.end()); b++) {
                use.computeIfAbsent(pool.get(), p -> new HashMap<>()).merge(b, (long) a.units(), Long::sum);
            }
        }
        use.forEach((pool, buckets) -> buckets.forEach((bucket, units) -> {
            long online = online(pool, bucket);
            if (units > online) {
                problems.add(pool + " in bucket " + bucket + " ("
                        + scenario.start().plusSeconds(bucket * bucketSeconds) + "): " + units + " units used, "
                        + online + " online");
            }
        }));
    }

    /** Units online all through bucket {@code b}: arrivals count from the next bucket, leavers go for the whole. */
    private long online(Pool pool, long b) {
        long units = 0;
        for (CapacityStep step : pool.steps()) {
            long first = ceilBucket(step.from());
            Instant until = step.until();
            long last = until == null ? Long.MAX_VALUE : floorBucket(until);
            if (first <= b && b < last) {
                units += step.units();
            }
        }
        return units;
    }

    private long leastOnline(Pool pool, long from, long to) {
        long least = Long.MAX_VALUE;
        for (long b = from; b < to; b++) {
            least = Math.min(least, online(pool, b));
        }
        return least;
    }

    private long floorBucket(Instant instant) {
        return Math.floorDiv(Duration.between(scenario.start(), instant).toSeconds(), bucketSeconds);
    }

    private long ceilBucket(Instant instant) {
        long seconds = Duration.between(scenario.start(), instant).toSeconds();
        return -Math.floorDiv(-seconds, bucketSeconds);
    }

    // ---- requests

    private void unitsPerRequest() {
        Map<RequestId, Long> served = served();
        Map<RequestId, Integer> unmet = new HashMap<>();
        for (Plan.Unmet u : plan.unmet()) {
            unmet.merge(u.request(), u.units(), Integer::sum);
        }
        for (TraceRequest traced : scenario.trace()) {
            Request request = traced.request();
            long units = served.getOrDefault(request.id(), 0L);
            if (units > request.units()) {
                problems.add(
                        request.id() + ": " + units + " units served, more than the " + request.units() + " asked");
            }
            long missing = Math.max(0, request.units() - units);
            if (unmet.getOrDefault(request.id(), 0) != missing) {
                problems.add(request.id() + ": " + missing + " units unmet, the plan says "
                        + unmet.getOrDefault(request.id(), 0));
            }
        }
    }

    private Map<RequestId, Long> served() {
        Map<RequestId, Long> served = new HashMap<>();
        for (Plan.Assignment a : plan.assignments()) {
            served.merge(a.request(), (long) a.units(), Long::sum);
        }
        return served;
    }

    // ---- the objective

    private void figures() {
        Money cost = Money.ZERO;
        Money priority = Money.ZERO;
        for (Plan.Assignment a : plan.assignments()) {
            cost = cost.plus(a.cost());
            TraceRequest traced = requests.get(a.request());
            Optional<RightOfFirstRefusal> right = traced == null ? Optional.empty() : right(world, traced);
            if (right.isPresent() && !right.get().holder().equals(a.provider())) {
                priority = priority.plus(highestPrice.times(a.unitHours()));
            }
        }
        Map<RequestId, Long> served = served();
        long unmetUnitHours = 0;
        for (TraceRequest traced : scenario.trace()) {
            Request request = traced.request();
            unmetUnitHours += Math.max(0, request.units() - served.getOrDefault(request.id(), 0L)) * request.hours();
        }
        Money shortfall = commitments();
        Plan.Figures expected = new Plan.Figures(cost, shortfall, unmetUnitHours, priority);
        if (!plan.planned().equals(expected)) {
            problems.add("figures " + plan.planned() + ", recomputed " + expected);
        }
        Money objective = cost.plus(shortfall)
                .plus(plan.unmetPenalty().times(unmetUnitHours))
                .plus(priority);
        if (!plan.objective().equals(objective)) {
            problems.add("objective " + plan.objective() + ", recomputed " + objective);
        }
        Money bound = plan.solve().lowerBound();
        if (bound != null && bound.compareTo(plan.objective()) > 0) {
            problems.add("lower bound " + bound + " above the objective " + plan.objective());
        }
    }

    /** The total shortfall; each commitment's outcome is checked on the way. */
    private Money commitments() {
        Map<String, Plan.CommitmentOutcome> outcomes = new HashMap<>();
        for (Plan.CommitmentOutcome outcome : plan.commitments()) {
            outcomes.put(outcome.agreement().value(), outcome);
        }
        Money total = Money.ZERO;
        for (Agreement agreement : world.agreements().all()) {
            if (agreement instanceof Commitment commitment) {
                Money spent = Money.ZERO;
                for (Plan.Assignment a : plan.assignments()) {
                    TraceRequest traced = requests.get(a.request());
                    if (traced != null
                            && a.provider().equals(commitment.provider())
                            && covers(commitment.scope(), traced.request())) {
                        spent = spent.plus(commitment.countedSpend(a.unitPrice(), a.units(), a.start(), a.end()));
                    }
                }
                Money rest = commitment.amount().minus(spent);
                Money shortfall = rest.isPositive() ? rest : Money.ZERO;
                total = total.plus(shortfall);
                Plan.CommitmentOutcome outcome = outcomes.get(commitment.id().value());
                if (outcome == null
                        || !outcome.spent().equals(spent)
                        || !outcome.shortfall().equals(shortfall)) {
                    problems.add(commitment.id() + ": spent " + spent + ", short " + shortfall + "; the plan says "
                            + outcome);
                }
            }
        }
        return total;
    }

    // ---- routing, from the clauses in force at submission

    private static Optional<Exclusive> exclusive(World world, TraceRequest traced) {
        for (Agreement agreement : world.agreements().all()) {
            if (agreement instanceof Exclusive exclusive
                    && inForce(exclusive, traced.submitted())
                    && covers(exclusive.scope(), traced.request())) {
                return Optional.of(exclusive);
            }
        }
        return Optional.empty();
    }

    /** The right the request is under: none under an exclusive, nor when its holder cannot serve it. */
    private static Optional<RightOfFirstRefusal> right(World world, TraceRequest traced) {
        if (exclusive(world, traced).isPresent()) {
            return Optional.empty();
        }
        for (Agreement agreement : world.agreements().all()) {
            if (agreement instanceof RightOfFirstRefusal right
                    && inForce(right, traced.submitted())
                    && covers(right.scope(), traced.request())) {
                return eligible(world, traced.request()).contains(right.holder())
                        ? Optional.of(right)
                        : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Providers with a pool of the request's accelerator in a region it allows. */
    private static List<ProviderId> eligible(World world, Request request) {
        List<ProviderId> eligible = new ArrayList<>();
        for (Pool pool : world.pools()) {
            if (pool.accelerator().equals(request.accelerator())
                    && (request.regions().isEmpty() || request.regions().contains(pool.region()))
                    && !eligible.contains(pool.provider())) {
                eligible.add(pool.provider());
            }
        }
        return eligible;
    }

    private static boolean inForce(Agreement agreement, Instant at) {
        @Nullable Instant until = agreement.until();
        return !at.isBefore(agreement.from()) && (until == null || at.isBefore(until));
    }

    private static boolean covers(Scope scope, Request request) {
        boolean regions = scope.regions().isEmpty()
                || (!request.regions().isEmpty() && scope.regions().containsAll(request.regions()));
        return (scope.workloads().isEmpty() || scope.workloads().contains(request.workload()))
                && (scope.accelerators().isEmpty() || scope.accelerators().contains(request.accelerator()))
                && regions;
    }

    private static Optional<Money> listPrice(World world, ProviderId provider, Request request) {
        for (Provider p : world.providers()) {
            if (p.id().equals(provider)) {
                return Optional.ofNullable(p.prices().byAccelerator().get(request.accelerator()));
            }
        }
        return Optional.empty();
    }

    private static boolean withinMaxPrice(Request request, Money price) {
        Money most = request.maxPrice();
        return most == null || price.compareTo(most) <= 0;
    }

    private Optional<Pool> pool(Plan.Assignment a) {
        for (Pool pool : world.pools()) {
            if (pool.site().id().equals(a.site()) && pool.accelerator().equals(a.accelerator())) {
                return Optional.of(pool);
            }
        }
        return Optional.empty();
    }
}
