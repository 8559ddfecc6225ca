package dev.tender.planning;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.money.Money;
import dev.tender.plan.Plan;
import dev.tender.provider.ProviderId;
import dev.tender.provider.SiteId;
import dev.tender.world.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checker of the property test finds what it is there to find: each rule broken once, on purpose. */
class PlanCheckerTest {

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
                  - { id: cw-1, region: east,
                      capacity: [ { accelerator: H100, units: 10, from: 2024-01-01, until: "2025-01-20T12:00:00Z" } ] }
            agreements:
              - { id: az-excl, kind: exclusive, provider: azure, scope: { workloads: [api] }, from: 2024-01-01 }
            """;

    @TempDir
    Path dir;

    private Scenario scenario;
    private Plan plan;

    @BeforeEach
    void setUp() {
        scenario = TraceScenarios.load(dir, WORLD, """
                r1,2025-01-02,t,training,H100,10,2025-01-05,24,P1D,,
                r2,2025-01-02,t,api,H100,5,2025-01-05,24,,,
                """);
        Planner.Outcome outcome = Planner.plan(
                scenario,
                new Planner.Options(Duration.ofDays(1), null, Duration.ofSeconds(10), 1),
                Planner.Progress.NONE);
        plan = ((Planner.Outcome.Planned) outcome).plan();
    }

    @Test
    void findsNothingWrongWithThePlannersPlan() {
        assertThat(plan.assignments()).hasSize(2);
        assertThat(PlanChecker.check(scenario, plan)).isEmpty();
    }

    @Test
    void findsABucketOversold() {
        // r1's 10 units at coreweave, twice: 20 of its 10 units in the same bucket.
        assertThat(problemsWith("r1", a -> a, true)).anyMatch(p -> p.contains("20 units used, 10 online"));
    }

    @Test
    void findsACapacityThatHasLeft() {
        Instant late = Instant.parse("2025-01-20T00:00:00Z");
        assertThat(problemsWith("r1", a -> at(a, late, late.plus(Duration.ofHours(24))), false))
                .anyMatch(p -> p.contains("0 online"));
    }

    @Test
    void findsAStartOutsideTheFlex() {
        Instant early = Instant.parse("2025-01-04T00:00:00Z");
        assertThat(problemsWith("r1", a -> at(a, early, early.plus(Duration.ofHours(24))), false))
                .anyMatch(p -> p.contains("starts outside"));
    }

    @Test
    void findsAJobOfTheWrongLength() {
        assertThat(problemsWith("r1", a -> at(a, a.start(), a.end().plus(Duration.ofHours(1))), false))
                .anyMatch(p -> p.contains("does not last 24h"));
    }

    @Test
    void findsAnExclusiveIgnored() {
        assertThat(problemsWith(
                        "r2",
                        a -> new Plan.Assignment(
                                a.request(),
                                new ProviderId("coreweave"),
                                new SiteId("cw-1"),
                                a.accelerator(),
                                a.units(),
                                a.start(),
                                a.end(),
                                Money.ofDollars(4),
                                Money.ofDollars(4).times(a.unitHours())),
                        false))
                .anyMatch(p -> p.contains("az-excl makes azure the only provider"));
    }

    @Test
    void findsAPriceOtherThanTheList() {
        Money cheaper = Money.ofDollars(5);
        assertThat(problemsWith(
                        "r2",
                        a -> new Plan.Assignment(
                                a.request(),
                                a.provider(),
                                a.site(),
                                a.accelerator(),
                                a.units(),
                                a.start(),
                                a.end(),
                                cheaper,
                                cheaper.times(a.unitHours())),
                        false))
                .anyMatch(p -> p.contains("unit price should be the list price 6.00"));
    }

    @Test
    void findsMoreUnitsThanAsked() {
        assertThat(problemsWith("r2", a -> a, true))
                .anyMatch(p -> p.contains("10 units served, more than the 5 asked"));
    }

    @Test
    void findsFiguresThatDoNotAddUp() {
        Plan wrong = new Plan(
                plan.solve(),
                plan.unmetPenalty(),
                new Plan.Figures(plan.planned().cost().plus(Money.ofDollars(1)), Money.ZERO, 0, Money.ZERO),
                plan.online(),
                plan.assignments(),
                plan.unmet(),
                plan.commitments());

        assertThat(PlanChecker.check(scenario, wrong)).anyMatch(p -> p.startsWith("figures"));
    }

    /** The checker's findings once request's assignment is changed, or, with {@code twice}, also repeated. */
    private List<String> problemsWith(String request, UnaryOperator<Plan.Assignment> change, boolean twice) {
        List<Plan.Assignment> assignments = new ArrayList<>();
        for (Plan.Assignment a : plan.assignments()) {
            if (a.request().value().equals(request)) {
                assignments.add(change.apply(a));
                if (twice) {
                    assignments.add(change.apply(a));
                }
            } else {
                assignments.add(a);
            }
        }
        Plan changed = new Plan(
                plan.solve(),
                plan.unmetPenalty(),
                plan.planned(),
                plan.online(),
                assignments,
                plan.unmet(),
                plan.commitments());
        return PlanChecker.check(scenario, changed);
    }

    private static Plan.Assignment at(Plan.Assignment a, Instant start, Instant end) {
        return new Plan.Assignment(
                a.request(), a.provider(), a.site(), a.accelerator(), a.units(), start, end, a.unitPrice(), a.cost());
    }
}
