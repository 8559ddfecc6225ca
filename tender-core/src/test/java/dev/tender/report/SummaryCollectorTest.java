package dev.tender.report;

import static dev.tender.fixtures.TestWorld.at;
import static dev.tender.fixtures.TestWorld.commitment;
import static dev.tender.fixtures.TestWorld.exclusive;
import static dev.tender.fixtures.TestWorld.firstLook;
import static dev.tender.fixtures.TestWorld.match;
import static dev.tender.fixtures.TestWorld.scope;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import dev.tender.agreement.AgreementId;
import dev.tender.agreement.RouteKind;
import dev.tender.agreement.Scope;
import dev.tender.catalog.AcceleratorId;
import dev.tender.demand.Request;
import dev.tender.demand.RequestId;
import dev.tender.event.OfferId;
import dev.tender.event.OfferKind;
import dev.tender.event.ResponseOutcome;
import dev.tender.event.TenderEvent;
import dev.tender.event.TerminalState;
import dev.tender.event.UnmetCause;
import dev.tender.fixtures.Requests;
import dev.tender.fixtures.TestBroker;
import dev.tender.fixtures.TestWorld;
import dev.tender.money.Money;
import dev.tender.provider.ProviderId;
import dev.tender.provider.SiteId;
import dev.tender.world.World;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SummaryCollectorTest {

    private static final Instant NOW = at("2025-02-01");
    private static final Instant MARCH_1 = at("2025-03-01");

    private static TestWorld spec() {
        return new TestWorld()
                .provider("azure", "H100", "6.00")
                .provider("oracle", "H100", "5.00")
                .pool("azure", "azure-east", "us-east", "H100", 1000)
                .pool("oracle", "oracle-west", "us-west", "H100", 1000)
                .agreement(exclusive(
                        "azure-api", "azure", scope(List.of("api"), List.of(), List.of()), "2019-07-22", null))
                .agreement(firstLook(
                        "azure-rofr",
                        "azure",
                        Duration.ofDays(5),
                        true,
                        scope(List.of("training", "product"), List.of(), List.of()),
                        "2025-01-21",
                        null))
                .agreement(match(
                        "oracle-match",
                        "oracle",
                        Duration.ofDays(1),
                        scope(List.of("research"), List.of(), List.of()),
                        "2025-01-21",
                        null))
                .agreement(commitment(
                        "azure-commitment", "azure", "5000", 0.10, Scope.EVERYTHING, "2025-01-01", "2026-01-01"));
    }

    private World world = spec().build();
    private SummaryCollector collector = new SummaryCollector(world, NOW, at("2026-01-01"));

    /** Collects over another world, for the cases the common one cannot show. */
    private void useWorld(TestWorld spec) {
        world = spec.build();
        collector = new SummaryCollector(world, NOW, at("2026-01-01"));
    }

    private long seq;
    private Instant now = NOW;

    // A hand-written log: every event goes straight to the collector.

    private void submitted(Request request) {
        collector.accept(new TenderEvent.Submitted(++seq, now, request));
    }

    private void routed(String request, String route, String... agreements) {
        collector.accept(new TenderEvent.Routed(
                ++seq,
                now,
                new RequestId(request),
                RouteKind.valueOf(route),
                List.of(agreements).stream().map(AgreementId::new).toList(),
                List.of(new ProviderId("azure"), new ProviderId("oracle")),
                "by hand"));
    }

    private void offered(String offer, String provider, OfferKind kind, int units, @Nullable String agreement) {
        collector.accept(new TenderEvent.Offered(
                ++seq,
                now,
                new RequestId(offer.substring(0, offer.indexOf('.'))),
                OfferId.parse(offer).orElseThrow(),
                new ProviderId(provider),
                kind,
                units,
                now.plus(Duration.ofDays(1)),
                agreement == null ? null : new AgreementId(agreement),
                null));
    }

    private void responded(
            String offer, String provider, ResponseOutcome outcome, int units, @Nullable String dollars) {
        boolean took = units > 0;
        collector.accept(new TenderEvent.Responded(
                ++seq,
                now,
                new RequestId(offer.substring(0, offer.indexOf('.'))),
                OfferId.parse(offer).orElseThrow(),
                new ProviderId(provider),
                outcome,
                units,
                took && dollars != null ? Money.ofDollars(dollars) : null,
                took ? new SiteId(provider.equals("azure") ? "azure-east" : "oracle-west") : null,
                took ? MARCH_1 : null,
                null));
    }

    /** Ten-hour awards of H100 from March 1st. */
    private void awarded(String offer, String provider, int units, String dollars) {
        awarded(offer, provider, "H100", units, dollars);
    }

    private void awarded(String offer, String provider, String accelerator, int units, String dollars) {
        awarded(offer, provider, accelerator, units, dollars, MARCH_1);
    }

    /** A ten-hour award from {@code start}. */
    private void awarded(String offer, String provider, String accelerator, int units, String dollars, Instant start) {
        Money price = Money.ofDollars(dollars);
        collector.accept(new TenderEvent.Awarded(
                ++seq,
                now,
                new RequestId(offer.substring(0, offer.indexOf('.'))),
                new ProviderId(provider),
                new SiteId(provider.equals("azure") ? "azure-east" : "oracle-west"),
                new AcceleratorId(accelerator),
                units,
                price,
                start,
                start.plus(Duration.ofHours(10)),
                price.times(units).times(10),
                OfferId.parse(offer).orElseThrow()));
    }

    private void closed(String request, TerminalState outcome, int units, @Nullable UnmetCause cause) {
        collector.accept(new TenderEvent.Closed(++seq, now, new RequestId(request), outcome, units, "by hand", cause));
    }

    private static Request request(String id, String workload, int units) {
        return Requests.request(id)
                .workload(workload)
                .units(units)
                .start(MARCH_1)
                .hours(10)
                .build();
    }

    /**
     * r1: first look, azure takes 40, oracle the other 60. r2: api exclusive, azure takes 20 of 50.
     * r3: first look lapses, oracle declines. r4: rejected.
     */
    private void playTheLog() {
        submitted(request("r1", "training", 100));
        routed("r1", "ROFR_FIRST_LOOK", "azure-rofr");
        offered("r1.o1", "azure", OfferKind.ROFR, 100, "azure-rofr");
        responded("r1.o1", "azure", ResponseOutcome.PARTIAL, 40, "5.00");
        awarded("r1.o1", "azure", 40, "5.00");
        offered("r1.o2", "oracle", OfferKind.RFQ, 60, null);
        responded("r1.o2", "oracle", ResponseOutcome.ACCEPTED, 60, "4.00");
        awarded("r1.o2", "oracle", 60, "4.00");
        closed("r1", TerminalState.FULFILLED, 100, null);

        now = now.plus(Duration.ofHours(1));
        submitted(request("r2", "api", 50));
        routed("r2", "EXCLUSIVE", "azure-api");
        offered("r2.o1", "azure", OfferKind.EXCLUSIVE, 50, "azure-api");
        responded("r2.o1", "azure", ResponseOutcome.PARTIAL, 20, "6.00");
        awarded("r2.o1", "azure", 20, "6.00");
        closed("r2", TerminalState.PARTIAL, 20, UnmetCause.EXCLUSIVE);

        now = now.plus(Duration.ofHours(1));
        submitted(request("r3", "training", 30));
        routed("r3", "ROFR_FIRST_LOOK", "azure-rofr");
        offered("r3.o1", "azure", OfferKind.ROFR, 30, "azure-rofr");
        responded("r3.o1", "azure", ResponseOutcome.LAPSED, 0, null);
        offered("r3.o2", "oracle", OfferKind.RFQ, 30, null);
        responded("r3.o2", "oracle", ResponseOutcome.DECLINED, 0, null);
        closed("r3", TerminalState.UNFULFILLED, 0, UnmetCause.NO_CAPACITY);

        submitted(Requests.request("r4").accelerator("B300").units(5).build());
        closed("r4", TerminalState.REJECTED, 0, UnmetCause.WITHDRAWN);
    }

    private Summary summary() {
        return collector.summary("by-hand", 7);
    }

    @Test
    void requestAndUnitTotals() {
        playTheLog();
        Summary summary = summary();

        assertThat(summary.scenario()).isEqualTo("by-hand");
        assertThat(summary.seed()).isEqualTo(7);
        assertThat(summary.requests()).isEqualTo(new Summary.Requests(4, 1, 1, 1, 1, 0));
        assertThat(summary.unitsRequested()).isEqualTo(185);
        assertThat(summary.unitsAwarded()).isEqualTo(120);
        assertThat(collector.unitsAwarded()).isEqualTo(120);
        assertThat(summary.unitHoursAwarded()).isEqualTo(1200);
        assertThat(summary.cost()).isEqualByComparingTo("5600");
        assertThat(summary.routes()).containsExactly(Map.entry("EXCLUSIVE", 1L), Map.entry("ROFR_FIRST_LOOK", 2L));
    }

    @Test
    void perProviderUnitsCostAndShare() {
        playTheLog();

        assertThat(summary().providers())
                .extracting(
                        Summary.ProviderShare::provider,
                        Summary.ProviderShare::awards,
                        Summary.ProviderShare::units,
                        Summary.ProviderShare::unitHours,
                        p -> p.cost().stripTrailingZeros().toPlainString(),
                        Summary.ProviderShare::share)
                .containsExactly(
                        tuple("azure", 2L, 60L, 600L, "3200", 0.5), tuple("oracle", 1L, 60L, 600L, "2400", 0.5));
    }

    @Test
    void perWorkload() {
        playTheLog();

        assertThat(summary().workloads())
                .extracting(
                        Summary.WorkloadOutcome::workload,
                        Summary.WorkloadOutcome::requests,
                        Summary.WorkloadOutcome::unitsRequested,
                        Summary.WorkloadOutcome::unitsAwarded,
                        Summary.WorkloadOutcome::unmetUnits,
                        w -> w.cost().stripTrailingZeros().toPlainString())
                .containsExactly(
                        tuple("api", 1L, 50L, 20L, 30L, "1200"), tuple("training", 3L, 135L, 100L, 35L, "4400"));
    }

    @Test
    void rightOfFirstRefusalOutcomesPerHolder() {
        playTheLog();

        assertThat(summary().rofr())
                .containsExactly(
                        new Summary.RightOutcome("azure-rofr", "azure", "first-look", 2, 2, 0, 1, 0, 1, 130, 40),
                        new Summary.RightOutcome("oracle-match", "oracle", "match", 0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void exclusiveOutcomes() {
        playTheLog();

        assertThat(summary().exclusivity())
                .containsExactly(new Summary.ExclusiveOutcome("azure-api", "azure", 1, 50, 20, 30));
    }

    @Test
    void unmetUnitsByCause() {
        playTheLog();

        assertThat(summary().unmetUnitsByCause())
                .containsExactly(
                        Map.entry("exclusive", 30L), Map.entry("no-capacity", 30L), Map.entry("withdrawn", 5L));
    }

    @Test
    void commitmentBurn() {
        playTheLog();

        Summary.CommitmentBurn burn = summary().commitments().get(0);
        assertThat(burn.agreement()).isEqualTo("azure-commitment");
        assertThat(burn.provider()).isEqualTo("azure");
        assertThat(burn.amount()).isEqualByComparingTo("5000");
        assertThat(burn.spent()).isEqualByComparingTo("3200");
        assertThat(burn.shortfall()).isEqualByComparingTo("1800");
        assertThat(burn.burned()).isCloseTo(0.64, within(1e-9));
        assertThat(burn.from()).isEqualTo(at("2025-01-01"));
        assertThat(burn.until()).isEqualTo(at("2026-01-01"));
        assertThat(burn.metAt()).isNull();
    }

    @Test
    void commitmentMetAtTheAwardThatReachesIt() {
        playTheLog();
        now = at("2025-02-10");
        submitted(request("r5", "product", 40));
        routed("r5", "ROFR_FIRST_LOOK", "azure-rofr");
        offered("r5.o1", "azure", OfferKind.ROFR, 40, "azure-rofr");
        responded("r5.o1", "azure", ResponseOutcome.ACCEPTED, 40, "5.00");
        awarded("r5.o1", "azure", 40, "5.00");
        closed("r5", TerminalState.FULFILLED, 40, null);

        Summary.CommitmentBurn burn = summary().commitments().get(0);
        assertThat(burn.spent()).isEqualByComparingTo("5200");
        assertThat(burn.shortfall()).isEqualByComparingTo("0");
        assertThat(burn.burned()).isCloseTo(1.04, within(1e-9));
        assertThat(burn.metAt()).isEqualTo(at("2025-02-10"));
        assertThat(summary().rofr().get(0).accepted()).isEqualTo(1);
        assertThat(summary().rofr().get(0).unitsAwarded()).isEqualTo(80);
    }

    @Test
    void anEmptyLogSumsToZero() {
        Summary summary = summary();

        assertThat(summary.requests()).isEqualTo(new Summary.Requests(0, 0, 0, 0, 0, 0));
        assertThat(summary.cost()).isEqualByComparingTo("0");
        assertThat(summary.providers()).extracting(Summary.ProviderShare::share).containsExactly(0.0, 0.0);
        assertThat(summary.unmetUnitsByCause()).isEmpty();
    }

    @Test
    void readsALogTheBrokerWrote() {
        TestBroker tender = new TestBroker(spec(), NOW);
        SummaryCollector live = new SummaryCollector(tender.world, NOW, at("2026-01-01"));
        tender.submit(Requests.request("r1").units(100).start(MARCH_1).hours(10).build());
        tender.responder("azure").take(40, "5.00", "azure-east", MARCH_1);
        tender.responder("oracle").take(60, "4.00", "oracle-west", MARCH_1);
        tender.events.all().forEach(live::accept);

        Summary summary = live.summary("live", 1);

        assertThat(summary.requests()).isEqualTo(new Summary.Requests(1, 1, 0, 0, 0, 0));
        assertThat(summary.cost()).isEqualByComparingTo("4400");
        assertThat(summary.rofr().get(0))
                .isEqualTo(new Summary.RightOutcome("azure-rofr", "azure", "first-look", 1, 1, 0, 1, 0, 0, 100, 40));
        assertThat(summary.offers())
                .containsExactly(
                        new Summary.OfferOutcome("azure", "ROFR", 1, new Summary.Answers(0, 1, 0, 0), 100, 40),
                        new Summary.OfferOutcome("oracle", "RFQ", 1, new Summary.Answers(1, 0, 0, 0), 60, 60));
        assertThat(summary.commitments().get(0).spent()).isEqualByComparingTo("2000");
        Money burned = tender.broker
                .burndown()
                .spent(tender.world.agreements().commitments().get(0));
        assertThat(summary.commitments().get(0).spent()).isEqualByComparingTo(burned.dollars());
    }

    @Test
    void theTimelineShowsCapacityOnlineUnitsInUseAndSpendMonthByMonth() {
        playTheLog();

        Timeline timeline = summary().timeline();

        assertThat(timeline.months())
                .hasSize(11)
                .startsWith("2025-02", "2025-03")
                .endsWith("2025-12");
        Timeline.ProviderSeries azure = timeline.providers().get(0);
        assertThat(azure.provider()).isEqualTo("azure");
        assertThat(azure.online()).containsOnly(1000L);
        // 60 units for ten hours in a 744-hour March is 0.8 of a unit on average: rounded to 1.
        assertThat(azure.inUse().subList(0, 3)).containsExactly(0L, 1L, 0L);
        Timeline.CommitmentSeries burn = timeline.commitments().get(0);
        assertThat(burn.agreement()).isEqualTo("azure-commitment");
        assertThat(burn.amount()).isEqualByComparingTo("5000");
        // Awards are made in February; the spend stays counted in every month after.
        assertThat(burn.spentByMonthEnd().get(0)).isEqualByComparingTo("3200");
        assertThat(burn.spentByMonthEnd().get(10)).isEqualByComparingTo("3200");
    }

    @Test
    void offersByProviderAndKindOnEveryRoute() {
        playTheLog();

        assertThat(summary().offers())
                .containsExactly(
                        new Summary.OfferOutcome("azure", "EXCLUSIVE", 1, new Summary.Answers(0, 1, 0, 0), 50, 20),
                        new Summary.OfferOutcome("azure", "ROFR", 2, new Summary.Answers(0, 1, 0, 1), 130, 40),
                        new Summary.OfferOutcome("oracle", "RFQ", 2, new Summary.Answers(1, 0, 1, 0), 90, 60));
    }

    @Test
    void theSummaryStatesThePrecedenceOfTheCausesOfUnmetUnits() {
        assertThat(summary().unmetCausePrecedence())
                .containsExactly("withdrawn", "exclusive", "no-provider", "no-answer", "over-max-price", "no-capacity");
    }

    @Test
    void theTimelineCountsRequestsByRouteOffersByAnswerAndUnmetUnitsByCause() {
        playTheLog();

        Timeline timeline = summary().timeline();

        assertThat(timeline.requestsByRoute())
                .extracting(Timeline.RouteSeries::route, r -> r.requests().get(0))
                .containsExactly(
                        tuple("EXCLUSIVE", 1L),
                        tuple("ROFR_FIRST_LOOK", 2L),
                        tuple("ROFR_MATCH", 0L),
                        tuple("MARKET", 0L));
        assertThat(timeline.offersByOutcome())
                .extracting(Timeline.OutcomeSeries::outcome, o -> o.offers().get(0))
                .containsExactly(
                        tuple("ACCEPTED", 1L), tuple("PARTIAL", 2L), tuple("DECLINED", 1L), tuple("LAPSED", 1L));
        assertThat(timeline.unmetUnitsByCause())
                .extracting(Timeline.CauseSeries::cause, c -> c.units().get(0))
                .containsExactly(
                        tuple("withdrawn", 5L),
                        tuple("exclusive", 30L),
                        tuple("no-provider", 0L),
                        tuple("no-answer", 0L),
                        tuple("over-max-price", 0L),
                        tuple("no-capacity", 30L));
        assertThat(timeline.requestsByRoute())
                .allSatisfy(r -> assertThat(r.requests()).hasSize(11));
    }

    @Test
    void aRequestIsCountedInTheMonthItWasRoutedAndItsAnswerAndUnmetUnitsInTheMonthTheyCame() {
        now = at("2025-03-30");
        submitted(request("r6", "training", 10));
        routed("r6", "ROFR_FIRST_LOOK", "azure-rofr");
        offered("r6.o1", "azure", OfferKind.ROFR, 10, "azure-rofr");
        now = at("2025-04-04");
        responded("r6.o1", "azure", ResponseOutcome.LAPSED, 0, null);
        closed("r6", TerminalState.UNFULFILLED, 0, UnmetCause.NO_ANSWER);

        Timeline timeline = summary().timeline();

        assertThat(timeline.months().subList(0, 3)).containsExactly("2025-02", "2025-03", "2025-04");
        assertThat(timeline.requestsByRoute().get(1).requests().subList(0, 3)).containsExactly(0L, 1L, 0L);
        assertThat(timeline.offersByOutcome().get(3).offers().subList(0, 3)).containsExactly(0L, 0L, 1L);
        assertThat(timeline.unmetUnitsByCause().get(3).units().subList(0, 3)).containsExactly(0L, 0L, 10L);
    }

    @Test
    void theTimelineListsEveryClauseWithItsPeriod() {
        assertThat(summary().timeline().agreements())
                .containsExactly(
                        new Timeline.AgreementPeriod("azure-api", "exclusive", "azure", at("2019-07-22"), null),
                        new Timeline.AgreementPeriod("azure-rofr", "rofr", "azure", at("2025-01-21"), null),
                        new Timeline.AgreementPeriod("oracle-match", "rofr", "oracle", at("2025-01-21"), null),
                        new Timeline.AgreementPeriod(
                                "azure-commitment", "commitment", "azure", at("2025-01-01"), at("2026-01-01")));
    }

    /** 744 GB200 for ten hours in March's 744 hours: ten units on average, 25 H100-equivalents. */
    @Test
    void capacityAndUseAreGivenPerAcceleratorAndInH100Equivalents() {
        useWorld(spec().pool("oracle", "oracle-west", "us-west", "GB200", 1000));
        submitted(Requests.request("r7")
                .workload("training")
                .accelerator("GB200")
                .units(744)
                .start(MARCH_1)
                .hours(10)
                .build());
        routed("r7", "MARKET");
        offered("r7.o1", "oracle", OfferKind.RFQ, 744, null);
        responded("r7.o1", "oracle", ResponseOutcome.ACCEPTED, 744, "9.00");
        awarded("r7.o1", "oracle", "GB200", 744, "9.00");
        closed("r7", TerminalState.FULFILLED, 744, null);

        Timeline.ProviderSeries oracle = summary().timeline().providers().get(1);

        assertThat(oracle.provider()).isEqualTo("oracle");
        assertThat(oracle.online()).containsOnly(2000L);
        assertThat(oracle.onlineH100e()).containsOnly(3500L);
        assertThat(oracle.inUse().subList(0, 3)).containsExactly(0L, 10L, 0L);
        assertThat(oracle.inUseH100e().subList(0, 3)).containsExactly(0L, 25L, 0L);
        assertThat(oracle.accelerators())
                .extracting(
                        Timeline.AcceleratorSeries::accelerator,
                        a -> a.h100e().toPlainString(),
                        a -> a.online().get(0),
                        a -> a.inUse().get(1))
                .containsExactly(tuple("GB200", "2.5", 1000L, 10L), tuple("H100", "1.0", 1000L, 0L));
    }

    @Nested
    class TimeToCapacity {

        /** A market request for {@code units} from March 1st, awarded in full by oracle {@code delay} after it. */
        private void awardedAfter(Duration delay, String request, int units) {
            submitted(request(request, "research", units));
            routed(request, "MARKET");
            offered(request + ".o1", "oracle", OfferKind.RFQ, units, null);
            responded(request + ".o1", "oracle", ResponseOutcome.ACCEPTED, units, "4.00");
            awarded(request + ".o1", "oracle", "H100", units, "4.00", MARCH_1.plus(delay));
            closed(request, TerminalState.FULFILLED, units, null);
        }

        /** Mean (0 * 100 + 24 * 100 + 48 * 800) / 1000 = 40.8 h; the first 90 % of units have started by 48 h. */
        @Test
        void isTheUnitWeightedMeanAndNinetiethPercentileOfTheDelays() {
            awardedAfter(Duration.ZERO, "r1", 100);
            awardedAfter(Duration.ofDays(1), "r2", 100);
            awardedAfter(Duration.ofDays(2), "r3", 800);

            Summary.TimeToCapacity time = summary().timeToCapacity();

            assertThat(time.meanHours()).isCloseTo(40.8, within(1e-9));
            assertThat(time.p90Hours()).isEqualTo(48.0);
            assertThat(time.unitsAwarded()).isEqualTo(1000);
        }

        @Test
        void theNinetiethPercentileIsTheFirstDelayByWhichAtLeastNinetyPercentOfUnitsStarted() {
            awardedAfter(Duration.ZERO, "r1", 900);
            awardedAfter(Duration.ofHours(10), "r2", 100);

            assertThat(summary().timeToCapacity().p90Hours()).isEqualTo(0.0);

            awardedAfter(Duration.ZERO, "r3", 1);
            awardedAfter(Duration.ofHours(10), "r4", 1);

            // 901 of 1002 units started at once: just short of 90 %.
            assertThat(summary().timeToCapacity().p90Hours()).isEqualTo(10.0);
        }

        /** 30 minutes 59 seconds counts as 30 minutes: half an hour. */
        @Test
        void aDelayUnderAnHourCountsInWholeMinutes() {
            awardedAfter(Duration.ofMinutes(30).plusSeconds(59), "r1", 10);

            Summary.TimeToCapacity time = summary().timeToCapacity();

            assertThat(time.meanHours()).isCloseTo(0.5, within(1e-9));
            assertThat(time.p90Hours()).isEqualTo(0.5);
        }

        @Test
        void capacityThatStartsBeforeTheRequestedStartCameWithoutDelay() {
            awardedAfter(Duration.ofHours(-2), "r1", 10);
            awardedAfter(Duration.ofHours(4), "r2", 10);

            Summary.TimeToCapacity time = summary().timeToCapacity();

            assertThat(time.meanHours()).isCloseTo(2.0, within(1e-9));
            assertThat(time.p90Hours()).isEqualTo(4.0);
        }

        @Test
        void awardsOnTheRequestedStartTakeNoTime() {
            playTheLog();

            assertThat(summary().timeToCapacity()).isEqualTo(new Summary.TimeToCapacity(0, 0, 120));
        }

        @Test
        void isZeroWhenNothingWasAwarded() {
            assertThat(summary().timeToCapacity()).isEqualTo(new Summary.TimeToCapacity(0, 0, 0));
        }
    }
}
