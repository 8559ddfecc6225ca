package dev.tender.planning;

import dev.tender.agreement.Commitment;
import dev.tender.agreement.Route;
import dev.tender.agreement.Routing;
import dev.tender.capacity.CapacityLedger;
import dev.tender.capacity.Pool;
import dev.tender.capacity.TimeGrid;
import dev.tender.capacity.Window;
import dev.tender.demand.Request;
import dev.tender.demand.TraceRequest;
import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import dev.tender.world.Scenario;
import dev.tender.world.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The planning model of a scenario's drawn demand, in plain arrays so that the LP relaxation, the
 * integer search and the rounding read the same model. Only combinations that could serve a request
 * become variables: a pool the route allows, within {@code maxPrice}, with a unit online all through
 * the job at one of the candidate starts. Time is cut into periods of {@code stepBuckets} buckets:
 * starts lie on period boundaries (or at the request's own start), and capacity is counted per pool
 * and period, on the safe side as the ledger counts buckets: a job holds every period it touches, and
 * a period has the least capacity of its buckets. With a step of one bucket this is the ledger's own
 * rounding (ADR 0015).
 */
final class Formulation {

    /** Up to this many units of request {@code request} from {@code pool} starting at {@code start}. */
    record Candidate(
            int request, Pool pool, Instant start, Window window, Money unitPrice, int maxUnits, boolean market) {}

    /** Spend toward a commitment: per unit of each candidate it counts, in solver money. */
    static final class CommitmentRow {
        private final Commitment commitment;
        private final int[] candidates;
        private final long[] perUnit;
        private final long amount;

        CommitmentRow(Commitment commitment, int[] candidates, long[] perUnit, long amount) {
            this.commitment = commitment;
            this.candidates = candidates;
            this.perUnit = perUnit;
            this.amount = amount;
        }

        Commitment commitment() {
            return commitment;
        }

        int[] candidates() {
            return candidates;
        }

        long[] perUnit() {
            return perUnit;
        }

        long amount() {
            return amount;
        }
    }

    final List<TraceRequest> demand;
    final List<Candidate> candidates;
    /** Request r's candidates are {@code firstCandidate[r]} to {@code firstCandidate[r + 1]}, exclusive. */
    final int[] firstCandidate;
    /**
     * A row is one pool in one period (the step). A candidate is in a run of consecutive rows,
     * {@code firstRow} to {@code lastRow}: a pool's rows are in time order.
     */
    final int[] firstRow;

    final int[] lastRow;
    final long[] rowCapacity;

    final List<CommitmentRow> commitments;
    /** Per candidate and unit, in solver money: price, less the unmet penalty it saves, plus priority. */
    final long[] objective;
    /** The objective when nothing is served: every unit-hour at the unmet penalty. */
    final long constant;

    /** Per request, the holder of the right of first refusal it falls under, if any. */
    final List<Optional<ProviderId>> holders;

    final Money unmetPenalty;
    final Money priorityWeight;
    final long microsPerMoney;
    final int stepBuckets;
    final TimeGrid grid;

    private Formulation(Builder b) {
        this.demand = b.demand;
        this.candidates = b.candidates;
        this.firstCandidate = b.firstCandidate;
        this.firstRow = b.firstRow;
        this.lastRow = b.lastRow;
        this.rowCapacity = b.rowCapacity;
        this.commitments = b.commitmentRows;
        this.objective = b.objective;
        this.constant = b.constant;
        this.holders = b.holders;
        this.unmetPenalty = b.unmetPenalty;
        this.priorityWeight = b.priorityWeight;
        this.microsPerMoney = b.microsPerMoney;
        this.stepBuckets = b.stepBuckets;
        this.grid = b.grid;
    }

    int requests() {
        return demand.size();
    }

    int rows() {
        return rowCapacity.length;
    }

    /** Terms of the capacity rows: each candidate once in each period its job touches. */
    long nonZeros() {
        long count = 0;
        for (int v = 0; v < candidates.size(); v++) {
            count += lastRow[v] - firstRow[v] + 1L;
        }
        return count;
    }

    Request request(int r) {
        return demand.get(r).request();
    }

    /**
     * The model with candidate starts every {@code stepBuckets} buckets, plus {@code extraStarts} per
     * request (the online engine's, so that its decisions are a solution of the model).
     */
    static Formulation of(
            Scenario scenario,
            List<TraceRequest> demand,
            int stepBuckets,
            Map<Integer, Set<Instant>> extraStarts,
            Money unmetPenalty) {
        Builder builder = new Builder(scenario, demand, stepBuckets, extraStarts, unmetPenalty);
        builder.addCandidates();
        builder.addRows();
        builder.addCommitments();
        builder.addObjective();
        return new Formulation(builder);
    }

    /**
     * What a market unit-hour on a request under a right costs beyond its price: a cent more than the
     * highest list price, so that no price, nor a commitment's shortfall (which at most refunds a
     * market unit's price), can put the market before the holder.
     */
    static Money priorityWeight(World world) {
        return highestPrice(world).plus(CENT);
    }

    static final Money CENT = Money.ofDollars("0.01");

    /** The highest list price in the world. */
    static Money highestPrice(World world) {
        Money highest = Money.ZERO;
        for (var provider : world.providers()) {
            for (Money price : provider.prices().byAccelerator().values()) {
                highest = price.exceeds(highest) ? price : highest;
            }
        }
        return highest;
    }

    private static final class Builder {
        final World world;
        final List<TraceRequest> demand;
        final int stepBuckets;
        final Map<Integer, Set<Instant>> extraStarts;
        final Money unmetPenalty;
        final Money priorityWeight;
        final TimeGrid grid;
        final long[][] online;
        final Routing routing;
        final List<Candidate> candidates = new ArrayList<>();
        final List<Optional<ProviderId>> holders = new ArrayList<>();
        final int[] firstCandidate;
        int[] firstRow = new int[0];
        int[] lastRow = new int[0];
        long[] rowCapacity = new long[0];
        final List<CommitmentRow> commitmentRows = new ArrayList<>();
        long[] objective = new long[0];
        long constant;
        long microsPerMoney = 10_000;

        Builder(
                Scenario scenario,
                List<TraceRequest> demand,
                int stepBuckets,
                Map<Integer, Set<Instant>> extraStarts,
                Money unmetPenalty) {
            this.world = scenario.world();
            this.demand = demand;
            this.stepBuckets = stepBuckets;
            this.extraStarts = extraStarts;
            this.unmetPenalty = unmetPenalty;
            this.priorityWeight = priorityWeight(world);
            this.grid = TimeGrid.covering(scenario.start(), scenario.demandEnd(), world.bucket());
            this.online = onlinePerBucket(world.pools(), grid);
            this.routing = new Routing(
                    world.agreements(), world.footprint(), world.defaults().offerWindow());
            this.firstCandidate = new int[demand.size() + 1];
        }

        /** Units online per pool and bucket, rounded as the engine's ledger rounds them. */
        private static long[][] onlinePerBucket(List<Pool> pools, TimeGrid grid) {
            CapacityLedger ledger = new CapacityLedger(grid, pools);
            long[][] units = new long[pools.size()][grid.buckets()];
            for (Pool pool : pools) {
                for (int b = 0; b < grid.buckets(); b++) {
                    units[pool.index()][b] = ledger.freeOver(pool, new Window(b, b + 1));
                }
            }
            return units;
        }

        void addCandidates() {
            for (int r = 0; r < demand.size(); r++) {
                firstCandidate[r] = candidates.size();
                TraceRequest traced = demand.get(r);
                Request request = traced.request();
                List<Instant> starts = starts(request, extraStarts.getOrDefault(r, Set.of()));
                Route route = routing.route(request, traced.submitted());
                Optional<ProviderId> holder = holder(route);
                holders.add(holder);
                List<ProviderId> market = new ArrayList<>(route.eligible());
                holder.ifPresent(market::remove);
                Money cheapestMarket = null;
                for (ProviderId provider : market) {
                    Optional<Money> price = listPrice(provider, request);
                    if (price.isPresent() && add(r, provider, price.get(), starts, holder.isPresent())) {
                        cheapestMarket = cheapestMarket == null ? price.get() : Money.min(cheapestMarket, price.get());
                    }
                }
                if (holder.isPresent()) {
                    Optional<Money> price =
                            world.provider(holder.get()).flatMap(p -> p.prices().priceOf(request.accelerator()));
                    if (price.isPresent()) {
                        // A matching holder serves at no more than the cheapest alternative with capacity.
                        Money served = route instanceof Route.Match && cheapestMarket != null
                                ? Money.min(price.get(), cheapestMarket)
                                : price.get();
                        if (request.allowsPrice(served)) {
                            add(r, holder.get(), served, starts, false);
                        }
                    }
                }
            }
            firstCandidate[demand.size()] = candidates.size();
        }

        private static Optional<ProviderId> holder(Route route) {
            if (route instanceof Route.FirstLook firstLook) {
                return Optional.of(firstLook.right().holder());
            }
            if (route instanceof Route.Match match) {
                return Optional.of(match.right().holder());
            }
            return Optional.empty();
        }

        private Optional<Money> listPrice(ProviderId provider, Request request) {
            return world.provider(provider)
                    .flatMap(p -> p.prices().priceOf(request.accelerator()))
                    .filter(request::allowsPrice);
        }

        /** Adds the provider's candidates for request r; true when there was at least one. */
        private boolean add(int r, ProviderId provider, Money price, List<Instant> starts, boolean market) {
            Request request = demand.get(r).request();
            int before = candidates.size();
            for (Pool pool : world.footprint().poolsOf(provider, request.reach())) {
                for (Instant start : starts) {
                    Window window = grid.cover(start, request.seconds());
                    if (window.from() < 0 || window.to() > grid.buckets()) {
                        continue;
                    }
                    long room = Math.min(request.units(), lowest(online[pool.index()], touched(window)));
                    if (room >= 1) {
                        candidates.add(new Candidate(r, pool, start, window, price, (int) room, market));
                    }
                }
            }
            return candidates.size() > before;
        }

        /** The buckets of every period the window touches. */
        private Window touched(Window window) {
            Window first = periodWindow(periodOf(window.from()));
            Window last = periodWindow(periodOf(window.to() - 1));
            return new Window(first.from(), last.to());
        }

        private static long lowest(long[] units, Window window) {
            long lowest = Long.MAX_VALUE;
            for (int b = (int) window.from(); b < window.to(); b++) {
                lowest = Math.min(lowest, units[b]);
            }
            return lowest;
        }

        /**
         * The request's own start, then every bucket boundary after it and within its flex that is a
         * multiple of the step from the grid's origin, then the extra starts.
         */
        private List<Instant> starts(Request request, Set<Instant> extra) {
            TreeSet<Instant> starts = new TreeSet<>();
            starts.add(request.start());
            long first = grid.floor(request.start()) + 1;
            long aligned = Math.floorDiv(first + stepBuckets - 1, stepBuckets) * stepBuckets;
            long last = grid.floor(request.latestStart());
            for (long b = aligned; b <= last; b += stepBuckets) {
                starts.add(grid.startOf(b));
            }
            for (Instant start : extra) {
                if (request.allowsStart(start)) {
                    starts.add(start);
                }
            }
            return List.copyOf(starts);
        }

        /**
         * One row per pool and period the pool's candidates touch: a candidate is in the rows of every
         * period its job touches, and a period's capacity is the least online in any of its buckets.
         */
        void addRows() {
            int pools = world.pools().size();
            long[] firstPeriod = new long[pools];
            long[] lastPeriod = new long[pools];
            Arrays.fill(firstPeriod, Long.MAX_VALUE);
            Arrays.fill(lastPeriod, -1);
            for (Candidate candidate : candidates) {
                int p = candidate.pool().index();
                firstPeriod[p] =
                        Math.min(firstPeriod[p], periodOf(candidate.window().from()));
                lastPeriod[p] =
                        Math.max(lastPeriod[p], periodOf(candidate.window().to() - 1));
            }
            int[] offset = new int[pools + 1];
            for (int p = 0; p < pools; p++) {
                long count = lastPeriod[p] < 0 ? 0 : lastPeriod[p] - firstPeriod[p] + 1;
                offset[p + 1] = Math.toIntExact(offset[p] + count);
            }
            rowCapacity = new long[offset[pools]];
            for (int p = 0; p < pools; p++) {
                for (int row = offset[p]; row < offset[p + 1]; row++) {
                    long period = firstPeriod[p] + row - offset[p];
                    rowCapacity[row] = lowest(online[p], periodWindow(period));
                }
            }
            firstRow = new int[candidates.size()];
            lastRow = new int[candidates.size()];
            for (int v = 0; v < candidates.size(); v++) {
                Candidate candidate = candidates.get(v);
                int p = candidate.pool().index();
                firstRow[v] = (int) (offset[p] + periodOf(candidate.window().from()) - firstPeriod[p]);
                lastRow[v] = (int) (offset[p] + periodOf(candidate.window().to() - 1) - firstPeriod[p]);
            }
        }

        private long periodOf(long bucket) {
            return bucket / stepBuckets;
        }

        /** The buckets of a period, cut at the grid's end. */
        private Window periodWindow(long period) {
            return new Window(period * stepBuckets, Math.min(grid.buckets(), (period + 1) * stepBuckets));
        }

        void addCommitments() {
            List<Commitment> all = world.agreements().commitments();
            microsPerMoney = moneyUnit(all);
            for (Commitment commitment : all) {
                List<Integer> covered = new ArrayList<>();
                List<Long> perUnit = new ArrayList<>();
                for (int v = 0; v < candidates.size(); v++) {
                    Candidate candidate = candidates.get(v);
                    Request request = demand.get(candidate.request()).request();
                    if (candidate.pool().provider().equals(commitment.provider())
                            && commitment.scope().covers(request)) {
                        Money counted = commitment.countedSpend(
                                candidate.unitPrice(),
                                1,
                                candidate.start(),
                                candidate.start().plus(request.length()));
                        if (counted.isPositive()) {
                            covered.add(v);
                            perUnit.add(counted.micros() / microsPerMoney);
                        }
                    }
                }
                commitmentRows.add(new CommitmentRow(
                        commitment,
                        covered.stream().mapToInt(Integer::intValue).toArray(),
                        perUnit.stream().mapToLong(Long::longValue).toArray(),
                        commitment.amount().micros() / microsPerMoney));
            }
        }

        /**
         * Cents, or coarser when the objective could otherwise overflow the integer search's 64 bits:
         * its every term at its bound, and the constant, must fit with room to spare.
         */
        private long moneyUnit(List<Commitment> all) {
            double largest = 0;
            for (TraceRequest traced : demand) {
                Request request = traced.request();
                largest += (double) unmetPenalty.micros() * request.hours() * request.units();
            }
            for (Candidate candidate : candidates) {
                Request request = demand.get(candidate.request()).request();
                largest += (double) (candidate.unitPrice().micros() + priorityWeight.micros())
                        * request.hours()
                        * candidate.maxUnits();
            }
            for (Commitment commitment : all) {
                largest += commitment.amount().micros();
            }
            long unit = 10_000;
            while (largest / unit > 1e17) {
                unit *= 10;
            }
            return unit;
        }

        void addObjective() {
            objective = new long[candidates.size()];
            long penalty = unmetPenalty.micros();
            long weight = priorityWeight.micros();
            for (int v = 0; v < candidates.size(); v++) {
                Candidate candidate = candidates.get(v);
                long hours = demand.get(candidate.request()).request().hours();
                long perHour = candidate.unitPrice().micros() - penalty + (candidate.market() ? weight : 0);
                objective[v] = Math.round((double) perHour * hours / microsPerMoney);
            }
            long nothingServed = 0;
            for (TraceRequest traced : demand) {
                Request request = traced.request();
                nothingServed += Math.round((double) penalty * request.hours() * request.units() / microsPerMoney);
            }
            constant = nothingServed;
        }
    }
}
