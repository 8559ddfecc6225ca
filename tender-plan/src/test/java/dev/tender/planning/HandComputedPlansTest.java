package dev.tender.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.tender.agreement.AgreementId;
import dev.tender.demand.RequestId;
import dev.tender.money.Money;
import dev.tender.plan.Plan;
import dev.tender.provider.ProviderId;
import dev.tender.world.Scenario;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Worlds small enough to solve by hand, one rule each, with the optimum worked out in a comment.
 * Every world starts on 2025-01-01 with daily buckets ({@link TraceScenarios}) and, unless a test
 * says otherwise, is planned with a step of one bucket (the exact model) and the default unmet
 * penalty, ten times the highest list price. Requests are trace rows: {@code id, submitted, tenant,
 * workload, accelerator, units, start, hours, flex, regions, maxPrice}. Every plan is also put to
 * the property test's {@link PlanChecker}.
 */
class HandComputedPlansTest {

    @TempDir
    Path dir;

    @Nested
    class Exclusive {

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
                agreements:
                  - { id: az-excl, kind: exclusive, provider: azure, from: 2024-01-01, until: 2025-01-03 }
                """;

        @Test
        void onlyTheExclusiveProviderServesThoughAnotherIsCheaper() {
            Plan plan = plan(WORLD, """
                    r1,2025-01-02,t,training,H100,10,2025-01-05,24,,,
                    """);

            // Only azure may serve r1: 10 x 24 x $6 = $1,440; coreweave's $960 is not allowed.
            assertThat(assignments(plan)).containsExactly("r1 azure/az-1 10 from 2025-01-05T00:00:00Z at 6.00");
            assertThat(plan.unmet()).isEmpty();
            assertThat(plan.objective()).isEqualTo(dollars("1440"));
        }

        @Test
        void whatTheExclusiveProviderCannotServeStaysUnmet() {
            Plan plan = plan(WORLD, """
                    r1,2025-01-02,t,training,H100,120,2025-01-05,24,,,
                    """);

            // azure has 100 units: 100 x 24 x $6 = $14,400. The other 20 stay unmet, though coreweave
            // has room: 20 x 24 x $60 (ten times $6) = $28,800. Objective $43,200.
            assertThat(assignments(plan)).containsExactly("r1 azure/az-1 100 from 2025-01-05T00:00:00Z at 6.00");
            assertThat(plan.unmet()).containsExactly(new Plan.Unmet(id("r1"), 20));
            assertThat(plan.planned().unmetUnitHours()).isEqualTo(480);
            assertThat(plan.objective()).isEqualTo(dollars("43200"));
        }

        @Test
        void theExclusiveInForceAtSubmissionDecidesNotTheOneAtTheStart() {
            Plan plan = plan(WORLD, """
                    r1,2025-01-02,t,training,H100,10,2025-01-05,24,,,
                    r2,2025-01-04,t,training,H100,10,2025-01-05,24,,,
                    """);

            // The exclusive ends on 2025-01-03: r1 (submitted on the 2nd) is azure's, $1,440; r2
            // (submitted on the 4th) goes to the cheapest, coreweave: 10 x 24 x $4 = $960. Objective $2,400.
            assertThat(assignments(plan))
                    .containsExactlyInAnyOrder(
                            "r1 azure/az-1 10 from 2025-01-05T00:00:00Z at 6.00",
                            "r2 coreweave/cw-1 10 from 2025-01-05T00:00:00Z at 4.00");
            assertThat(plan.objective()).isEqualTo(dollars("2400"));
        }
    }

    @Nested
    class FirstLook {

        @Test
        void theHolderServesFirstThoughPricierAndTheMarketTakesOnlyTheRest() {
            Plan plan = plan("""
                    providers:
                      azure:
                        responder: { kind: auto, after: PT1H }
                        prices: { H100: 6.00 }
                        sites:
                          - { id: az-1, region: east, capacity: [ { accelerator: H100, units: 60, from: 2024-01-01 } ] }
                      coreweave:
                        responder: { kind: auto, after: PT1H }
                        prices: { H100: 4.00 }
                        sites:
                          - { id: cw-1, region: east, capacity: [ { accelerator: H100, units: 100, from: 2024-01-01 } ] }
                    agreements:
                      - { id: az-rofr, kind: rofr, holder: azure, mode: first-look, window: P1D, partial: true,
                          from: 2024-01-01 }
                    """, """
                    r1,2025-01-02,t,training,H100,100,2025-01-05,24,,,
                    """);

            // azure has 60: 60 x 24 x $6 = $8,640. The market takes the other 40 from coreweave:
            // 40 x 24 x $4 = $960 x 4 = $3,840, plus the priority 40 x 24 x $6.01 (the highest list
            // price and a cent) = $5,769.60. Objective $18,249.60; all 100 from coreweave would be
            // $9,600 + $14,424.
            assertThat(assignments(plan))
                    .containsExactlyInAnyOrder(
                            "r1 azure/az-1 60 from 2025-01-05T00:00:00Z at 6.00",
                            "r1 coreweave/cw-1 40 from 2025-01-05T00:00:00Z at 4.00");
            assertThat(plan.unmet()).isEmpty();
            assertThat(plan.planned()).isEqualTo(new Plan.Figures(dollars("12480"), Money.ZERO, 0, dollars("5769.60")));
            assertThat(plan.objective()).isEqualTo(dollars("18249.60"));
        }

        @Test
        void theHolderServesFirstEvenWhenAMarketProviderIsShortOfItsCommitment() {
            Plan plan = plan("""
                    providers:
                      azure:
                        responder: { kind: manual }
                        prices: { H100: 6.00 }
                        sites:
                          - { id: az-1, region: east, capacity: [ { accelerator: H100, units: 100, from: 2024-01-01 } ] }
                      coreweave:
                        responder: { kind: auto, after: PT1H }
                        prices: { H100: 4.00 }
                        sites:
                          - { id: cw-1, region: east, capacity: [ { accelerator: H100, units: 100, from: 2024-01-01 } ] }
                    agreements:
                      - { id: az-rofr, kind: rofr, holder: azure, mode: first-look, window: P1D, partial: true,
                          from: 2024-01-01 }
                      - { id: cw-commit, kind: commitment, provider: coreweave, amount: 10000, preference: 0.1,
                          from: 2024-01-01, until: 2026-01-01 }
                    """, """
                    r1,2025-01-02,t,training,H100,10,2025-01-05,24,,,
                    """);

            // azure has room for all ten: 10 x 24 x $6 = $1,440, and coreweave's $10,000 is all short.
            // Objective $11,440. From coreweave the same ten would cost $960 plus the priority $1,440,
            // and cut the shortfall to $9,040: also $11,440, so only the holder-first rule decides.
            // (azure answers nothing online, so the engine's decisions, the hint, are coreweave's.)
            assertThat(assignments(plan)).containsExactly("r1 azure/az-1 10 from 2025-01-05T00:00:00Z at 6.00");
            assertThat(plan.objective()).isEqualTo(dollars("11440"));
        }
    }

    @Nested
    class Match {

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
                      - { id: cw-1, region: east, capacity: [ { accelerator: H100, units: 100, from: %s } ] }
                  oracle:
                    responder: { kind: auto, after: PT1H }
                    prices: { H100: 5.00 }
                    sites:
                      - { id: or-1, region: east, capacity: [ { accelerator: H100, units: 100, from: 2024-01-01 } ] }
                agreements:
                  - { id: az-rofr, kind: rofr, holder: azure, mode: match, window: P1D, partial: true,
                      from: 2024-01-01 }
                """;

        @Test
        void theHolderServesAtTheCheapestMarketPrice() {
            Plan plan = plan(WORLD.formatted("2024-01-01"), """
                    r1,2025-01-02,t,training,H100,50,2025-01-05,24,,,
                    """);

            // azure matches coreweave's $4: 50 x 24 x $4 = $4,800, and no priority is due.
            assertThat(assignments(plan)).containsExactly("r1 azure/az-1 50 from 2025-01-05T00:00:00Z at 4.00");
            assertThat(plan.objective()).isEqualTo(dollars("4800"));
        }

        @Test
        void onlyAMarketProviderThatCouldServeSetsThePriceToMatch() {
            Plan plan = plan(WORLD.formatted("2025-02-01"), """
                    r1,2025-01-02,t,training,H100,50,2025-01-05,24,,,
                    """);

            // coreweave has nothing online before February, so oracle's $5 is the price to match:
            // 50 x 24 x $5 = $6,000.
            assertThat(assignments(plan)).containsExactly("r1 azure/az-1 50 from 2025-01-05T00:00:00Z at 5.00");
            assertThat(plan.objective()).isEqualTo(dollars("6000"));
        }

        @Test
        void aHolderListedAboveMaxPriceMayServeAtTheMatchedPrice() {
            Plan plan = plan(WORLD.formatted("2024-01-01"), """
                    r1,2025-01-02,t,training,H100,50,2025-01-05,24,,,5.00
                    """);

            // azure lists $6, above r1's $5, but matches coreweave's $4, within it: 50 x 24 x $4 =
            // $4,800, as the engine does. Serving from coreweave would add the priority
            // 50 x 24 x $6.01 = $7,212: $12,012.
            assertThat(assignments(plan)).containsExactly("r1 azure/az-1 50 from 2025-01-05T00:00:00Z at 4.00");
            assertThat(plan.objective()).isEqualTo(dollars("4800"));
            assertThat(plan.objective()).isLessThanOrEqualTo(plan.onlineObjective());
        }
    }

    @Nested
    class CommitmentShortfall {

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
                agreements:
                  - { id: az-commit, kind: commitment, provider: azure, amount: %s, preference: 0.1,
                      from: 2024-01-01, until: 2026-01-01 }
                """;

        @Test
        void theCommittedProviderServesJustEnoughToMeetTheCommitment() {
            Plan plan = plan(WORLD.formatted("1000"), """
                    r1,2025-01-02,t,training,H100,10,2025-01-05,24,,,
                    """);

            // k units at azure ($144 each), 10 - k at coreweave ($96 each), shortfall
            // max(0, $1,000 - 144k): k = 6 is $1,248 + $136 = $1,384; k = 7 is $1,008 + $288 = $1,296
            // and meets the commitment; k = 8 is $1,344; k = 0 is $960 + $1,000. Best: k = 7.
            assertThat(assignments(plan))
                    .containsExactlyInAnyOrder(
                            "r1 azure/az-1 7 from 2025-01-05T00:00:00Z at 6.00",
                            "r1 coreweave/cw-1 3 from 2025-01-05T00:00:00Z at 4.00");
            assertThat(plan.planned().shortfall()).isEqualTo(Money.ZERO);
            assertThat(plan.commitments())
                    .containsExactly(new Plan.CommitmentOutcome(
                            new AgreementId("az-commit"),
                            new ProviderId("azure"),
                            dollars("1000"),
                            dollars("1008"),
                            Money.ZERO));
            assertThat(plan.objective()).isEqualTo(dollars("1296"));
        }

        @Test
        void aCommitmentThatCannotBeMetLeavesItsShortfallInTheObjective() {
            Plan plan = plan(WORLD.formatted("100000"), """
                    r1,2025-01-02,t,training,H100,10,2025-01-05,24,,,
                    """);

            // Each azure unit costs $144 and cuts the shortfall by $144, so all ten go to azure:
            // cost $1,440, shortfall $100,000 - $1,440 = $98,560. Objective $100,000.
            assertThat(assignments(plan)).containsExactly("r1 azure/az-1 10 from 2025-01-05T00:00:00Z at 6.00");
            assertThat(plan.planned().shortfall()).isEqualTo(dollars("98560"));
            assertThat(plan.commitments()).singleElement().satisfies(c -> assertThat(c.shortfall())
                    .isEqualTo(dollars("98560")));
            assertThat(plan.objective()).isEqualTo(dollars("100000"));
        }

        @Test
        void onlySpendInsideTheCommitmentsPeriodCounts() {
            Plan plan = plan("""
                    providers:
                      azure:
                        responder: { kind: auto, after: PT1H }
                        prices: { H100: 6.00 }
                        sites:
                          - { id: az-1, region: east, capacity: [ { accelerator: H100, units: 100, from: 2024-01-01 } ] }
                    agreements:
                      - { id: az-commit, kind: commitment, provider: azure, amount: 1000, preference: 0.1,
                          from: 2024-01-01, until: 2025-01-05T12:00:00Z }
                    """, """
                    r1,2025-01-02,t,training,H100,10,2025-01-05,24,,,
                    """);

            // Half the job lies inside the period: 10 x 12 x $6 = $720 counts, $280 is short.
            // Cost $1,440. Objective $1,720.
            assertThat(assignments(plan)).containsExactly("r1 azure/az-1 10 from 2025-01-05T00:00:00Z at 6.00");
            assertThat(plan.planned().shortfall()).isEqualTo(dollars("280"));
            assertThat(plan.objective()).isEqualTo(dollars("1720"));
        }
    }

    @Nested
    class CapacityComingOnline {

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
                          capacity: [ { accelerator: H100, units: 100, from: "2025-01-10T12:00:00Z" } ] }
                """;

        @Test
        void aFlexibleRequestStartsWhenTheCheapCapacityArrives() {
            Plan plan = plan(WORLD, """
                    r1,2025-01-02,t,training,H100,20,2025-01-08,24,P3D,,
                    """);

            // coreweave's units arrive inside the bucket of the 10th, so count from the 11th, the
            // last start r1's flex allows: 20 x 24 x $4 = $1,920 (azure now would be $2,880).
            assertThat(assignments(plan)).containsExactly("r1 coreweave/cw-1 20 from 2025-01-11T00:00:00Z at 4.00");
            assertThat(plan.objective()).isEqualTo(dollars("1920"));
        }

        @Test
        void capacityArrivingInsideABucketCountsOnlyFromTheNextBucket() {
            Plan plan = plan(WORLD, """
                    r1,2025-01-02,t,training,H100,20,2025-01-08,24,P2D,,
                    """);

            // The latest start is the 10th, whose bucket coreweave's units do not fill all through:
            // azure serves, 20 x 24 x $6 = $2,880. Any start at azure costs the same.
            assertThat(plan.byProvider().values())
                    .extracting(t -> t.provider().value(), Plan.ProviderTotal::units)
                    .containsExactly(tuple("azure", 20L));
            assertThat(plan.objective()).isEqualTo(dollars("2880"));
        }
    }

    @Nested
    class CapacityGoingOffline {

        @Test
        void aJobThatWouldOutlastTheCapacityIsPlacedElsewhere() {
            Plan plan = plan("""
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
                              capacity: [ { accelerator: H100, units: 100, from: 2024-01-01,
                                            until: "2025-01-10T12:00:00Z" } ] }
                    """, """
                    r1,2025-01-02,t,training,H100,10,2025-01-08,48,,,
                    r2,2025-01-02,t,training,H100,10,2025-01-09,36,,,
                    """);

            // coreweave's units leave inside the bucket of the 10th, so are gone for all of it.
            // r1 (the 8th and 9th) fits there: 10 x 48 x $4 = $1,920. r2 would end at 12:00 on the
            // 10th, exactly when they leave, but holds the 10th's bucket: azure, 10 x 36 x $6 = $2,160.
            assertThat(assignments(plan))
                    .containsExactlyInAnyOrder(
                            "r1 coreweave/cw-1 10 from 2025-01-08T00:00:00Z at 4.00",
                            "r2 azure/az-1 10 from 2025-01-09T00:00:00Z at 6.00");
            assertThat(plan.objective()).isEqualTo(dollars("4080"));
        }
    }

    @Nested
    class Buckets {

        @Test
        void jobsThatTouchTheSameBucketShareItsCapacityThoughTheyDoNotOverlapInTime() {
            Plan plan = plan("""
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
                          - { id: cw-1, region: east, capacity: [ { accelerator: H100, units: 10, from: 2024-01-01 } ] }
                    """, """
                    r1,2025-01-02,t,training,H100,10,2025-01-05T06:00:00Z,24,,,
                    r2,2025-01-02,t,training,H100,10,2025-01-06T12:00:00Z,48,,,
                    """);

            // r1 ends at 06:00 on the 6th and r2 starts at 12:00, but both hold the 6th's bucket, and
            // coreweave has 10 units: one of them goes to azure. The longer r2 at coreweave
            // (10 x 48 x $4 = $1,920) and r1 at azure (10 x 24 x $6 = $1,440) is $3,360; the other
            // way round is $960 + $2,880 = $3,840.
            assertThat(assignments(plan))
                    .containsExactlyInAnyOrder(
                            "r1 azure/az-1 10 from 2025-01-05T06:00:00Z at 6.00",
                            "r2 coreweave/cw-1 10 from 2025-01-06T12:00:00Z at 4.00");
            assertThat(plan.objective()).isEqualTo(dollars("3360"));
        }

        @Test
        void aCoarserStepStartsOnlyOnItsMultiplesAndCountsAPeriodAtItsLeast() {
            Scenario scenario = TraceScenarios.load(dir, """
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
                          - { id: cw-1, region: east, capacity: [ { accelerator: H100, units: 100, from: 2025-01-04 } ] }
                    """, """
                    r1,2025-01-01,t,training,H100,20,2025-01-02,24,P3D,,
                    """);

            Plan plan = plan(scenario, Duration.ofDays(2));

            // Two-day periods from the 1st: starts are r1's own (the 2nd) and the 3rd and 5th. The
            // period of the 3rd and 4th has no coreweave units on the 3rd, so coreweave serves from
            // the 5th: 20 x 24 x $4 = $1,920. (With a step of a day it could start on the 4th.)
            assertThat(Duration.parse(plan.solve().startStep())).isEqualTo(Duration.ofDays(2));
            assertThat(assignments(plan)).containsExactly("r1 coreweave/cw-1 20 from 2025-01-05T00:00:00Z at 4.00");
            assertThat(plan.objective()).isEqualTo(dollars("1920"));
        }
    }

    @Nested
    class Flex {

        @Test
        void aLaterStartWithinFlexIsUsedWhenTheEarlyOneIsFull() {
            Plan plan = plan("""
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
                          - { id: cw-1, region: east, capacity: [ { accelerator: H100, units: 10, from: 2024-01-01 } ] }
                    """, """
                    r1,2025-01-02,t,training,H100,10,2025-01-05,24,,,
                    r2,2025-01-02,t,training,H100,10,2025-01-05,24,P1D,,
                    """);

            // coreweave holds 10 a day. r1 cannot move: coreweave on the 5th, $960. r2 waits a
            // day for coreweave, $960, rather than azure on the 5th, $1,440. Objective $1,920.
            assertThat(assignments(plan))
                    .containsExactlyInAnyOrder(
                            "r1 coreweave/cw-1 10 from 2025-01-05T00:00:00Z at 4.00",
                            "r2 coreweave/cw-1 10 from 2025-01-06T00:00:00Z at 4.00");
            assertThat(plan.objective()).isEqualTo(dollars("1920"));
        }
    }

    @Nested
    class MaxPrice {

        @Test
        void noUnitIsServedAboveTheRequestsMaxPrice() {
            Plan plan = plan("""
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
                          - { id: cw-1, region: east, capacity: [ { accelerator: H100, units: 4, from: 2024-01-01 } ] }
                    """, """
                    r1,2025-01-02,t,training,H100,10,2025-01-05,24,,,5.00
                    """);

            // Only coreweave is within $5, and it has 4: 4 x 24 x $4 = $384; 6 units unmet at
            // 6 x 24 x $60 = $8,640. Objective $9,024.
            assertThat(assignments(plan)).containsExactly("r1 coreweave/cw-1 4 from 2025-01-05T00:00:00Z at 4.00");
            assertThat(plan.unmet()).containsExactly(new Plan.Unmet(id("r1"), 6));
            assertThat(plan.objective()).isEqualTo(dollars("9024"));
        }
    }

    // ---- fixture

    /** The plan of the world (providers and agreements) with the trace rows as its whole demand. */
    private Plan plan(String world, String rows) {
        return plan(TraceScenarios.load(dir, world, rows), Duration.ofDays(1));
    }

    private static Plan plan(Scenario scenario, Duration step) {
        Planner.Outcome outcome = Planner.plan(
                scenario, new Planner.Options(step, null, Duration.ofSeconds(10), 1), Planner.Progress.NONE);
        assertThat(outcome).isInstanceOf(Planner.Outcome.Planned.class);
        Plan plan = ((Planner.Outcome.Planned) outcome).plan();
        assertThat(PlanChecker.check(scenario, plan)).isEmpty();
        return plan;
    }

    /** Each assignment as {@code request provider/site units from start at unitPrice}. */
    private static List<String> assignments(Plan plan) {
        return plan.assignments().stream()
                .map(a -> a.request() + " " + a.provider() + "/" + a.site() + " " + a.units() + " from " + a.start()
                        + " at " + a.unitPrice())
                .toList();
    }

    private static Money dollars(String amount) {
        return Money.ofDollars(amount);
    }

    private static RequestId id(String value) {
        return new RequestId(value);
    }
}
