package dev.tender.planning;

import dev.tender.agreement.Burndown;
import dev.tender.capacity.Pool;
import dev.tender.demand.Request;
import dev.tender.demand.RequestId;
import dev.tender.demand.TraceRequest;
import dev.tender.event.TenderEvent;
import dev.tender.money.Money;
import dev.tender.plan.Plan;
import dev.tender.provider.ProviderId;
import dev.tender.report.Summary;
import dev.tender.text.Figures;
import dev.tender.time.Durations;
import dev.tender.time.Instants;
import dev.tender.world.Scenario;
import dev.tender.world.World;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Plans a scenario's whole demand with hindsight: runs the online engine on the same requests,
 * builds the model, makes a greedy plan, bounds the model with its LP relaxation and rounds the
 * LP's plan, and lets CP-SAT improve on the best of these and the engine's own decisions until the
 * time limit. With a step of one bucket the model holds the engine's decisions, so the plan is
 * never worse than them, valued the same way (ADR 0015).
 */
public final class Planner {

    /**
     * The automatic step aims to keep the model under these sizes, which GLOP solves in 10 to 20
     * seconds on two cores (the benchmark world at one bucket: 172,304 candidates in 11 s; the seed
     * story at four weeks: 114,193 candidates and 310,982 terms in 21 s, but at two weeks, 847,388
     * terms, not in 60 s).
     */
    static final int AUTOMATIC_CANDIDATES = 250_000;

    static final long AUTOMATIC_NON_ZEROS = 600_000;

    /** A plan this close to the bound is kept: the search stops there rather than polish the last cent. */
    static final double CLOSE_ENOUGH = 1e-4;
    /**
     * Beyond these a model is refused: it would not fit the heap, nor solve in any useful time.
     * Tests make them small.
     */
    record Limits(int mostCandidates, long mostNonZeros, long mostPoolBuckets) {
        static final Limits STANDARD = new Limits(3_000_000, 40_000_000L, 50_000_000L);
    }

    private static final int[] STEP_LADDER = {1, 2, 4, 7, 14, 28, 56, 112, 224};

    /**
     * How to plan. {@code step} spaces the candidate starts (null: the bucket, or coarser until the
     * model is small enough); {@code unmetPenalty} prices an unmet unit-hour (null: ten times the
     * highest list price).
     */
    public record Options(@Nullable Duration step, @Nullable Money unmetPenalty, Duration timeLimit, int workers) {}

    /** What planning ends in: a plan, or why there is none, in words for the person who asked. */
    public sealed interface Outcome {
        record Planned(Plan plan, Summary online) implements Outcome {}

        record Refused(String problem) implements Outcome {}
    }

    /** Told what the planner is doing and, while it searches, the best plan and bound so far. */
    public interface Progress {
        void at(String phase, @Nullable Money best, @Nullable Money bound);

        Progress NONE = (phase, best, bound) -> {};
    }

    private Planner() {}

    public static Outcome plan(Scenario scenario, Options options, Progress progress) {
        return plan(scenario, options, progress, Limits.STANDARD);
    }

    static Outcome plan(Scenario scenario, Options options, Progress progress, Limits limits) {
        List<TraceRequest> demand = DrawnDemand.of(scenario);
        if (demand.isEmpty()) {
            return new Outcome.Refused("nothing to plan: the scenario draws no requests between "
                    + Instants.iso(scenario.start()) + " and " + Instants.iso(scenario.end()));
        }
        Money highest = Formulation.highestPrice(scenario.world());
        if (!highest.isPositive()) {
            return new Outcome.Refused("nothing can be planned: no provider lists a price");
        }
        Money penalty = options.unmetPenalty() == null ? highest.times(10) : options.unmetPenalty();
        Money least = leastUnmetPenalty(scenario.world());
        if (!penalty.exceeds(least)) {
            return new Outcome.Refused("the unmet penalty " + Figures.dollars(penalty)
                    + " per unit-hour must be above " + Figures.dollars(least)
                    + " (twice the highest list price, " + Figures.dollars(highest)
                    + ", and a cent), or leaving demand unmet could look cheaper than serving it");
        }
        if (!fitsMoney(demand, penalty, scenario)) {
            return new Outcome.Refused(
                    "the unmet penalty " + Figures.dollars(penalty)
                            + " per unit-hour times the demand's " + Figures.whole(unitHours(demand))
                            + " unit-hours is more money than Tender counts (about 9 trillion USD); choose a lower --unmet-penalty");
        }
        long poolBuckets = poolBuckets(scenario);
        if (poolBuckets > limits.mostPoolBuckets()) {
            return new Outcome.Refused("too large to plan: " + Figures.whole(poolBuckets)
                    + " pool-buckets (pools x buckets), more than " + Figures.whole(limits.mostPoolBuckets())
                    + "; use a larger bucket or a shorter horizon");
        }
        Optional<Integer> step = step(scenario, demand, options.step());
        if (step.isEmpty()) {
            return new Outcome.Refused("--step " + options.step() + " is not a whole number of buckets ("
                    + scenario.world().bucket() + " each)");
        }
        long started = System.nanoTime();
        progress.at("running the online engine", null, null);
        OnlineRun online = OnlineRun.of(scenario);
        Map<RequestId, Integer> place = places(demand);
        Formulation model = Formulation.of(scenario, demand, step.get(), onlineStarts(place, online), penalty);
        if (model.candidates.size() > limits.mostCandidates() || model.nonZeros() > limits.mostNonZeros()) {
            return new Outcome.Refused("too large to plan: " + Figures.whole(model.candidates.size())
                    + " (request, pool, start) combinations and " + Figures.whole(model.nonZeros())
                    + " capacity terms, more than " + Figures.whole(limits.mostCandidates()) + " and "
                    + Figures.whole(limits.mostNonZeros())
                    + "; space the starts further apart (--step) or plan a shorter horizon");
        }
        return new Outcome.Planned(
                new Search(model, online, place, options, progress, started).run(), online.summary());
    }

    /**
     * What an unmet unit-hour must cost more than: a market unit-hour's highest price and its
     * priority, so that serving always beats leaving demand unmet.
     */
    public static Money leastUnmetPenalty(World world) {
        return Formulation.priorityWeight(world).plus(Formulation.highestPrice(world));
    }

    /**
     * True when every figure of any plan fits in micro-dollars: no plan costs more than all demand
     * unmet (a served unit-hour, its price and priority included, costs less than the penalty) and
     * every commitment short by all of its amount.
     */
    private static boolean fitsMoney(List<TraceRequest> demand, Money penalty, Scenario scenario) {
        double most = (double) penalty.micros() * unitHours(demand);
        for (var commitment : scenario.world().agreements().commitments()) {
            most += commitment.amount().micros();
        }
        return most < 0.99 * Long.MAX_VALUE;
    }

    private static long unitHours(List<TraceRequest> demand) {
        long total = 0;
        for (TraceRequest traced : demand) {
            total += (long) traced.request().units() * traced.request().hours();
        }
        return total;
    }

    private static long poolBuckets(Scenario scenario) {
        long buckets = Math.max(
                1,
                Duration.between(scenario.start(), scenario.demandEnd()).toSeconds()
                        / scenario.world().bucket().toSeconds());
        return buckets * scenario.world().pools().size();
    }

    /** The step in buckets: the one asked for, or the finest that keeps the model near the target. */
    private static Optional<Integer> step(Scenario scenario, List<TraceRequest> demand, @Nullable Duration asked) {
        long bucket = scenario.world().bucket().toSeconds();
        if (asked != null) {
            long seconds = asked.toSeconds();
            return seconds > 0 && seconds % bucket == 0 && seconds / bucket <= Integer.MAX_VALUE
                    ? Optional.of((int) (seconds / bucket))
                    : Optional.empty();
        }
        for (int k : STEP_LADDER) {
            Formulation model = Formulation.of(scenario, demand, k, Map.of(), Money.ofDollars(1));
            if (model.candidates.size() <= AUTOMATIC_CANDIDATES && model.nonZeros() <= AUTOMATIC_NON_ZEROS) {
                return Optional.of(k);
            }
        }
        return Optional.of(STEP_LADDER[STEP_LADDER.length - 1]);
    }

    /** Per request (by its place in the demand), the starts the engine gave its awards. */
    private static Map<Integer, Set<Instant>> onlineStarts(Map<RequestId, Integer> place, OnlineRun online) {
        Map<Integer, Set<Instant>> starts = new HashMap<>();
        for (TenderEvent.Awarded award : online.awards()) {
            starts.computeIfAbsent(placeOf(place, award), r -> new HashSet<>()).add(award.start());
        }
        return starts;
    }

    private static Map<RequestId, Integer> places(List<TraceRequest> demand) {
        Map<RequestId, Integer> place = new HashMap<>();
        for (int r = 0; r < demand.size(); r++) {
            place.put(demand.get(r).request().id(), r);
        }
        return place;
    }

    private static int placeOf(Map<RequestId, Integer> place, TenderEvent.Awarded award) {
        Integer r = place.get(award.request());
        if (r == null) {
            throw new IllegalStateException(
                    "the engine awarded " + award.request() + ", which the demand does not hold");
        }
        return r;
    }

    /** One solve: LP bound, rounding, the engine's decisions, CP-SAT; the best plan of them. */
    private static final class Search {
        private final Formulation model;
        private final OnlineRun online;
        /** Each request's place in the demand, by id: where the engine's awards go. */
        private final Map<RequestId, Integer> place;

        private final Options options;
        private final Progress progress;
        /** When planning began: the time limit counts from here, the engine's run and the model's building included. */
        private final long started;

        private volatile @Nullable Money bestSoFar;
        private volatile @Nullable Money boundSoFar;

        Search(
                Formulation model,
                OnlineRun online,
                Map<RequestId, Integer> place,
                Options options,
                Progress progress,
                long started) {
            this.model = model;
            this.online = online;
            this.place = place;
            this.options = options;
            this.progress = progress;
            this.started = started;
        }

        Plan run() {
            // Each request in turn takes its cheapest room: a plan, however the LP fares.
            Decisions best = Rounding.greedy(model);
            String foundBy = "greedy";
            Optional<Decisions> engine = engineDecisions();
            if (engine.isPresent() && engine.get().objective() < best.objective()) {
                best = engine.get();
                foundBy = "online engine";
            }
            bestSoFar = money(best.objective());
            progress.at("solving the LP relaxation (GLOP)", bestSoFar, null);
            Optional<LpRelaxation.Optimum> optimum =
                    LpRelaxation.solve(model, remaining().multipliedBy(4).dividedBy(5));
            double bound = Double.NEGATIVE_INFINITY;
            if (optimum.isPresent()) {
                bound = optimum.get().bound();
                boundSoFar = money(bound);
                Decisions rounded = Rounding.of(model, optimum.get().units());
                if (rounded.objective() < best.objective()) {
                    best = rounded;
                    foundBy = "LP rounding";
                    bestSoFar = money(best.objective());
                }
            }
            long target = closeEnough(bound);
            if (best.objective() <= target) {
                return plan(
                        best,
                        bound,
                        foundBy,
                        "not needed: the plan is within " + CLOSE_ENOUGH * 100 + "% of the bound");
            }
            progress.at("searching (CP-SAT)", bestSoFar, boundSoFar);
            long hinted = best.objective();
            CpSatSearch.Result search =
                    CpSatSearch.solve(model, best, remaining(), options.workers(), target, objective -> {
                        bestSoFar = money(Math.min(objective, hinted));
                        progress.at("searching (CP-SAT)", bestSoFar, boundSoFar);
                    });
            if (search.best().isPresent() && search.best().get().objective() < best.objective()) {
                best = search.best().get();
                foundBy = "CP-SAT";
            }
            return plan(best, Math.max(bound, search.bound()), foundBy, search.status());
        }

        /** The objective at which a plan is close enough to the bound (none without a bound). */
        private long closeEnough(double bound) {
            if (bound == Double.NEGATIVE_INFINITY) {
                return Long.MIN_VALUE;
            }
            return (long) Math.floor(bound + Math.abs(bound) * CLOSE_ENOUGH);
        }

        private Duration remaining() {
            Duration spent = Duration.ofNanos(System.nanoTime() - started);
            Duration left = options.timeLimit().minus(spent);
            return left.isNegative() ? Duration.ZERO : left;
        }

        private Money money(long solverMoney) {
            return new Money(Math.multiplyExact(solverMoney, model.microsPerMoney));
        }

        private Money money(double solverMoney) {
            return new Money(Math.multiplyExact(Math.round(solverMoney), model.microsPerMoney));
        }

        /**
         * The engine's awards as units per candidate, when the model holds them: always with a step of
         * one bucket (their starts are among the candidates), not always with a coarser one, whose
         * periods count capacity more cautiously than the engine's buckets.
         */
        private Optional<Decisions> engineDecisions() {
            Decisions decisions = Decisions.none(model);
            for (TenderEvent.Awarded award : online.awards()) {
                int r = placeOf(place, award);
                int v = candidateOf(r, award);
                if (v < 0) {
                    return Optional.empty();
                }
                decisions.units[v] += award.units();
            }
            return decisions.feasible() ? Optional.of(decisions) : Optional.empty();
        }

        /** The engine's decisions valued as the plan is: its own prices, the same penalty and priority. */
        private Plan.Figures engineFigures() {
            long[] served = new long[model.requests()];
            Money cost = Money.ZERO;
            Money priority = Money.ZERO;
            for (TenderEvent.Awarded award : online.awards()) {
                int r = placeOf(place, award);
                served[r] += award.units();
                cost = cost.plus(award.cost());
                Optional<ProviderId> holder = model.holders.get(r);
                if (holder.isPresent() && !holder.get().equals(award.provider())) {
                    priority = priority.plus(model.priorityWeight.times(
                            (long) award.units() * model.request(r).hours()));
                }
            }
            long unmet = 0;
            for (int r = 0; r < model.requests(); r++) {
                unmet += (model.request(r).units() - served[r])
                        * model.request(r).hours();
            }
            // The engine's own count of spend toward each commitment.
            Burndown burndown = new Burndown(model.commitments.stream()
                    .map(Formulation.CommitmentRow::commitment)
                    .toList());
            for (TenderEvent.Awarded award : online.awards()) {
                burndown.record(
                        award.provider(),
                        model.request(placeOf(place, award)),
                        award.unitPrice(),
                        award.units(),
                        award.start(),
                        award.end(),
                        award.at());
            }
            Money shortfall = Money.ZERO;
            for (Formulation.CommitmentRow row : model.commitments) {
                shortfall = shortfall.plus(burndown.shortfall(row.commitment()));
            }
            return new Plan.Figures(cost, shortfall, unmet, priority);
        }

        private int candidateOf(int r, TenderEvent.Awarded award) {
            for (int v = model.firstCandidate[r]; v < model.firstCandidate[r + 1]; v++) {
                Formulation.Candidate candidate = model.candidates.get(v);
                if (candidate.pool().site().id().equals(award.site())
                        && candidate.start().equals(award.start())) {
                    return v;
                }
            }
            return -1;
        }

        private Plan plan(Decisions best, double bound, String foundBy, String status) {
            double seconds = (System.nanoTime() - started) / 1e9;
            Plan.Figures planned = best.figures();
            Money objective = planned.objective(model.unmetPenalty);
            Money lowerBound = null;
            Double gap = null;
            if (bound > Double.NEGATIVE_INFINITY) {
                lowerBound = Money.min(money(bound), objective);
                gap = objective.isPositive()
                        ? ((double) objective.micros() - lowerBound.micros()) / objective.micros()
                        : 0.0;
            }
            Plan.Solve solve = new Plan.Solve(
                    lowerBound,
                    gap,
                    seconds,
                    foundBy,
                    status,
                    model.candidates.size(),
                    model.rows() + model.requests() + model.commitments.size(),
                    Durations.iso(model.grid.bucket().multipliedBy(model.stepBuckets)));
            return new Plan(
                    solve,
                    model.unmetPenalty,
                    planned,
                    engineFigures(),
                    assignments(best),
                    unmet(best),
                    commitments(best));
        }

        private List<Plan.Assignment> assignments(Decisions best) {
            List<Plan.Assignment> assignments = new ArrayList<>();
            for (int v = 0; v < best.units.length; v++) {
                if (best.units[v] > 0) {
                    Formulation.Candidate candidate = model.candidates.get(v);
                    Request request = model.request(candidate.request());
                    Pool pool = candidate.pool();
                    int units = (int) best.units[v];
                    assignments.add(new Plan.Assignment(
                            request.id(),
                            pool.provider(),
                            pool.site().id(),
                            pool.accelerator(),
                            units,
                            candidate.start(),
                            candidate.start().plus(request.length()),
                            candidate.unitPrice(),
                            candidate.unitPrice().times((long) units * request.hours())));
                }
            }
            return assignments;
        }

        private List<Plan.Unmet> unmet(Decisions best) {
            List<Plan.Unmet> unmet = new ArrayList<>();
            for (int r = 0; r < model.requests(); r++) {
                long missing = model.request(r).units() - best.served(r);
                if (missing > 0) {
                    unmet.add(new Plan.Unmet(model.request(r).id(), (int) missing));
                }
            }
            return unmet;
        }

        private List<Plan.CommitmentOutcome> commitments(Decisions best) {
            List<Plan.CommitmentOutcome> outcomes = new ArrayList<>();
            for (Formulation.CommitmentRow row : model.commitments) {
                outcomes.add(new Plan.CommitmentOutcome(
                        row.commitment().id(),
                        row.commitment().provider(),
                        row.commitment().amount(),
                        best.spent(row),
                        best.shortfall(row)));
            }
            return outcomes;
        }
    }
}
