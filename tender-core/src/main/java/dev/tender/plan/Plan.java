package dev.tender.plan;

import dev.tender.agreement.AgreementId;
import dev.tender.catalog.AcceleratorId;
import dev.tender.demand.RequestId;
import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import dev.tender.provider.SiteId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * A plan for a scenario's whole demand, made with hindsight, beside the online engine's decisions on
 * the same requests, both valued the same way: the objective is cost, commitment shortfall, unmet
 * unit-hours at {@code unmetPenalty} each, and the first-look priority.
 */
public record Plan(
        Solve solve,
        Money unmetPenalty,
        Figures planned,
        Figures online,
        List<Assignment> assignments,
        List<Unmet> unmet,
        List<CommitmentOutcome> commitments) {

    public Plan {
        Objects.requireNonNull(solve, "solve");
        Objects.requireNonNull(unmetPenalty, "unmetPenalty");
        Objects.requireNonNull(planned, "planned");
        Objects.requireNonNull(online, "online");
        assignments = List.copyOf(assignments);
        unmet = List.copyOf(unmet);
        commitments = List.copyOf(commitments);
    }

    /**
     * One set of decisions in the planner's terms: what it spends, what the commitments still lack at
     * their ends, the unit-hours left unmet, and the first-look priority (ADR 0015): the market's
     * unit-hours on requests under a right, weighed so that the holder is used first.
     */
    public record Figures(Money cost, Money shortfall, long unmetUnitHours, Money firstLookPriority) {

        /** What the buyer pays, with each unmet unit-hour at {@code penalty}. */
        public Money total(Money penalty) {
            return cost.plus(shortfall).plus(penalty.times(unmetUnitHours));
        }

        /** What the planner minimises. */
        public Money objective(Money penalty) {
            return total(penalty).plus(firstLookPriority);
        }
    }

    public Money objective() {
        return planned.objective(unmetPenalty);
    }

    public Money onlineObjective() {
        return online.objective(unmetPenalty);
    }

    /**
     * How the plan was found. {@code lowerBound} is null when no bound was proved in time (the LP
     * relaxation did not finish); {@code gap} is then null too.
     */
    public record Solve(
            @Nullable Money lowerBound,
            @Nullable Double gap,
            double solveSeconds,
            String foundBy,
            String status,
            long variables,
            long constraints,
            String startStep) {}

    /** Units of one request served by one pool from {@code start} to {@code end}. */
    public record Assignment(
            RequestId request,
            ProviderId provider,
            SiteId site,
            AcceleratorId accelerator,
            int units,
            Instant start,
            Instant end,
            Money unitPrice,
            Money cost) {

        public long unitHours() {
            return (long) units * (end.getEpochSecond() - start.getEpochSecond()) / 3600;
        }
    }

    /** Units of a request the plan leaves unserved. */
    public record Unmet(RequestId request, int units) {}

    /** What the plan spends toward a commitment, and what is still short at its end. */
    public record CommitmentOutcome(
            AgreementId agreement, ProviderId provider, Money amount, Money spent, Money shortfall) {}

    /** Per provider: units, unit-hours and cost of what the plan awards it. */
    public record ProviderTotal(ProviderId provider, long units, long unitHours, Money cost) {}

    public Map<ProviderId, ProviderTotal> byProvider() {
        Map<ProviderId, ProviderTotal> totals = new TreeMap<>();
        for (Assignment a : assignments) {
            totals.merge(
                    a.provider(),
                    new ProviderTotal(a.provider(), a.units(), a.unitHours(), a.cost()),
                    (x, y) -> new ProviderTotal(
                            x.provider(),
                            x.units() + y.units(),
                            x.unitHours() + y.unitHours(),
                            x.cost().plus(y.cost())));
        }
        return totals;
    }

    public long unmetUnits() {
        return unmet.stream().mapToLong(Unmet::units).sum();
    }
}
