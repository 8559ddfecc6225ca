package dev.tender.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.money.Money;
import dev.tender.world.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the planner refuses, as values with reasons in words, never as exceptions. */
class PlannerRefusalsTest {

    private static final String WORLD = """
            providers:
              azure:
                responder: { kind: auto, after: PT1H }
                prices: { H100: 6.00 }
                sites:
                  - { id: az-1, region: east, capacity: [ { accelerator: H100, units: 100, from: 2024-01-01 } ] }
              coreweave:
                responder: { kind: auto, after: PT1H }
                prices: { H100: 4.00 }
                sites:
                  - { id: cw-1, region: east, capacity: [ { accelerator: H100, units: 100, from: 2024-01-01 } ] }
            """;

    private static final String ONE_REQUEST = "r1,2025-01-02,t,training,H100,10,2025-01-05,24,,,\n";

    @TempDir
    Path dir;

    @Test
    void aScenarioWithoutDemandHasNothingToPlan() {
        Planner.Outcome outcome = plan(TraceScenarios.load(dir, WORLD, ""), Duration.ofDays(1), null);

        assertThat(outcome)
                .isEqualTo(new Planner.Outcome.Refused(
                        "nothing to plan: the scenario draws no requests between 2025-01-01T00:00:00Z and"
                                + " 2025-01-31T00:00:00Z"));
    }

    @Test
    void anUnmetPenaltyOfTwiceTheHighestPriceAndACentIsTooLow() {
        Planner.Outcome outcome =
                plan(TraceScenarios.load(dir, WORLD, ONE_REQUEST), Duration.ofDays(1), Money.ofDollars("12.01"));

        assertThat(outcome)
                .isEqualTo(new Planner.Outcome.Refused("the unmet penalty 12.01 per unit-hour must be above 12.01"
                        + " (twice the highest list price, 6.00, and a cent), or leaving demand unmet could look"
                        + " cheaper than serving it"));
    }

    @Test
    void anUnmetPenaltyBelowTheHighestPriceIsTooLow() {
        Planner.Outcome outcome =
                plan(TraceScenarios.load(dir, WORLD, ONE_REQUEST), Duration.ofDays(1), Money.ofDollars(1));

        assertThat(outcome)
                .isInstanceOfSatisfying(Planner.Outcome.Refused.class, refused -> assertThat(refused.problem())
                        .startsWith("the unmet penalty 1.00 per unit-hour must be above 12.01"));
    }

    @Test
    void anUnmetPenaltyJustAboveTheLeastIsPlanned() {
        Planner.Outcome outcome =
                plan(TraceScenarios.load(dir, WORLD, ONE_REQUEST), Duration.ofDays(1), Money.ofDollars("12.010001"));

        assertThat(outcome).isInstanceOfSatisfying(Planner.Outcome.Planned.class, planned -> assertThat(
                        planned.plan().unmetPenalty())
                .isEqualTo(Money.ofDollars("12.010001")));
    }

    @Test
    void aStepThatIsNotAWholeNumberOfBucketsIsRefused() {
        Planner.Outcome outcome = plan(TraceScenarios.load(dir, WORLD, ONE_REQUEST), Duration.ofHours(36), null);

        assertThat(outcome)
                .isInstanceOfSatisfying(Planner.Outcome.Refused.class, refused -> assertThat(refused.problem())
                        .contains("PT36H", "not a whole number of buckets", "PT24H"));
    }

    @Test
    void aWorldOfTooManyPoolBucketsIsRefusedBeforeAnythingIsBuilt() {
        Planner.Outcome outcome = Planner.plan(
                TraceScenarios.load(dir, WORLD, ONE_REQUEST),
                new Planner.Options(Duration.ofDays(1), null, Duration.ofSeconds(10), 1),
                Planner.Progress.NONE,
                new Planner.Limits(1_000, 1_000, 10));

        // Two pools, and a grid from 2025-01-01 to the horizon's end and a bucket, 31 days: 62.
        assertThat(outcome)
                .isEqualTo(new Planner.Outcome.Refused("too large to plan: 62 pool-buckets (pools x buckets), more"
                        + " than 10; use a larger bucket or a shorter horizon"));
    }

    @Test
    void aModelOfTooManyCandidatesIsRefusedWithItsSizeAndWhatToChange() {
        Planner.Outcome outcome = Planner.plan(
                TraceScenarios.load(dir, WORLD, ONE_REQUEST),
                new Planner.Options(Duration.ofDays(1), null, Duration.ofSeconds(10), 1),
                Planner.Progress.NONE,
                new Planner.Limits(1, 1_000, 1_000));

        // One request, two pools, one start (no flex): two combinations, a day each.
        assertThat(outcome)
                .isEqualTo(new Planner.Outcome.Refused("too large to plan: 2 (request, pool, start) combinations and"
                        + " 2 capacity terms, more than 1 and 1,000; space the starts further apart (--step) or plan"
                        + " a shorter horizon"));
    }

    private static Planner.Outcome plan(Scenario scenario, Duration step, @Nullable Money penalty) {
        return Planner.plan(
                scenario, new Planner.Options(step, penalty, Duration.ofSeconds(10), 1), Planner.Progress.NONE);
    }
}
