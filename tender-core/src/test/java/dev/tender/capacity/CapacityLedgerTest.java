package dev.tender.capacity;

import static dev.tender.fixtures.TestWorld.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import dev.tender.provider.ProviderId;
import dev.tender.provider.Site;
import dev.tender.provider.SiteId;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** One-day buckets from 2025-01-01 (bucket 0) for thirty days. */
class CapacityLedgerTest {

    private static final TimeGrid GRID = new TimeGrid(at("2025-01-01"), Duration.ofDays(1), 30);
    private static final Site SITE =
            new Site(new SiteId("abilene"), new ProviderId("stargate"), new Region("us-central"));
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration DAY = Duration.ofDays(1);

    private static Pool pool(int index, CapacityStep... steps) {
        return new Pool(index, SITE, new AcceleratorId("GB200"), List.of(steps));
    }

    private static CapacityStep step(int units, String from, @Nullable String until) {
        return new CapacityStep(units, at(from), until == null ? null : at(until));
    }

    private final Pool hundred = pool(0, step(100, "2025-01-01", null));
    private final CapacityLedger ledger = new CapacityLedger(GRID, List.of(hundred));

    @Test
    void stepsAddUpPerBucket() {
        Pool stacked = pool(0, step(100, "2025-01-01", null), step(50, "2025-01-05", "2025-01-10"));
        CapacityLedger stackedLedger = new CapacityLedger(GRID, List.of(stacked));

        assertThat(stackedLedger.freeOver(stacked, at("2025-01-04"), DAY)).isEqualTo(100);
        assertThat(stackedLedger.freeOver(stacked, at("2025-01-05"), DAY)).isEqualTo(150);
        assertThat(stackedLedger.freeOver(stacked, at("2025-01-09T23:00:00Z"), HOUR))
                .isEqualTo(150);
        assertThat(stackedLedger.freeOver(stacked, at("2025-01-10"), DAY)).isEqualTo(100);
        assertThat(stackedLedger.freeOver(stacked, at("2025-01-04"), Duration.ofDays(3)))
                .isEqualTo(100);
    }

    @Test
    void capacityComingOnlineMidBucketCountsFromTheNextBucket() {
        Pool late = pool(0, step(100, "2025-01-10T12:00:00Z", null));
        CapacityLedger lateLedger = new CapacityLedger(GRID, List.of(late));

        assertThat(late.unitsAt(at("2025-01-10T12:00:00Z"))).isEqualTo(100);
        assertThat(lateLedger.freeOver(late, at("2025-01-10T12:00:00Z"), HOUR))
                .as("a finer clock would see the units, but the bucket does not have them all day")
                .isZero();
        assertThat(lateLedger.freeOver(late, at("2025-01-10T23:00:00Z"), HOUR)).isZero();
        assertThat(lateLedger.freeOver(late, at("2025-01-11"), HOUR)).isEqualTo(100);
    }

    @Test
    void capacityAnnouncedWhileRunningIsRoundedAsTheCapacityItStartedWith() {
        Pool pool = pool(0, step(100, "2025-01-01", null));
        CapacityLedger live = new CapacityLedger(GRID, List.of(pool));
        CapacityStep announced = step(40, "2025-01-10T12:00:00Z", null);

        live.addCapacity(pool, announced);

        assertThat(live.countsOnline(announced, at("2025-01-10T18:00:00Z"))).isFalse();
        assertThat(live.countsOnline(announced, at("2025-01-11"))).isTrue();
        assertThat(live.freeOver(pool, at("2025-01-10"), HOUR)).isEqualTo(100);
        assertThat(live.freeOver(pool, at("2025-01-11"), HOUR)).isEqualTo(140);
        assertThat(live.freeOver(pool, at("2025-01-30T23:00:00Z"), HOUR)).isEqualTo(140);
    }

    @Test
    void capacityGoingOfflineMidBucketIsGoneForTheWholeBucket() {
        Pool leaving = pool(0, step(100, "2025-01-01", "2025-01-20T06:00:00Z"));
        CapacityLedger leavingLedger = new CapacityLedger(GRID, List.of(leaving));

        assertThat(leaving.unitsAt(at("2025-01-20T00:00:00Z"))).isEqualTo(100);
        assertThat(leavingLedger.freeOver(leaving, at("2025-01-20T00:00:00Z"), HOUR))
                .isZero();
        assertThat(leavingLedger.freeOver(leaving, at("2025-01-19"), DAY)).isEqualTo(100);
        assertThat(leavingLedger.freeOver(leaving, at("2025-01-19T12:00:00Z"), DAY))
                .isZero();
    }

    @Test
    void capacityOnlineForLessThanABucketCountsNowhere() {
        Pool blip = pool(0, step(100, "2025-01-10T01:00:00Z", "2025-01-10T23:00:00Z"));
        CapacityLedger blipLedger = new CapacityLedger(GRID, List.of(blip));

        assertThat(blipLedger.freeOver(blip, at("2025-01-10T02:00:00Z"), HOUR)).isZero();
    }

    @Test
    void capacityBeforeTheGridCountsFromItsStart() {
        Pool old = pool(0, step(100, "2024-01-01", null));
        CapacityLedger oldLedger = new CapacityLedger(GRID, List.of(old));

        assertThat(oldLedger.freeOver(old, at("2025-01-01"), DAY)).isEqualTo(100);
        assertThat(oldLedger.freeOver(old, at("2024-12-31T12:00:00Z"), DAY))
                .as("outside the grid nothing is free")
                .isZero();
        assertThat(oldLedger.freeOver(old, at("2025-01-30T12:00:00Z"), DAY)).isZero();
    }

    @Test
    void aHoldCoversEveryBucketItTouches() {
        assertThat(ledger.hold(hundred, 10, at("2025-01-05T12:00:00Z"), at("2025-01-06T12:00:00Z")))
                .isTrue();

        assertThat(ledger.freeOver(hundred, at("2025-01-04"), DAY)).isEqualTo(100);
        assertThat(ledger.freeOver(hundred, at("2025-01-05T00:00:00Z"), HOUR)).isEqualTo(90);
        assertThat(ledger.freeOver(hundred, at("2025-01-06T18:00:00Z"), HOUR)).isEqualTo(90);
        assertThat(ledger.freeOver(hundred, at("2025-01-07"), DAY)).isEqualTo(100);
    }

    @Test
    void holdsAddUp() {
        assertThat(ledger.hold(hundred, 30, at("2025-01-05"), at("2025-01-08"))).isTrue();
        assertThat(ledger.hold(hundred, 50, at("2025-01-07"), at("2025-01-09"))).isTrue();

        assertThat(ledger.freeOver(hundred, at("2025-01-05"), DAY)).isEqualTo(70);
        assertThat(ledger.freeOver(hundred, at("2025-01-07"), DAY)).isEqualTo(20);
        assertThat(ledger.freeOver(hundred, at("2025-01-08"), DAY)).isEqualTo(50);
        assertThat(ledger.freeOver(hundred, at("2025-01-05"), Duration.ofDays(4)))
                .isEqualTo(20);
    }

    @Test
    void aHoldThatDoesNotFitIsRefusedAndChangesNothing() {
        assertThat(ledger.hold(hundred, 80, at("2025-01-10"), at("2025-01-12"))).isTrue();

        assertThat(ledger.hold(hundred, 30, at("2025-01-08"), at("2025-01-11"))).isFalse();

        assertThat(ledger.freeOver(hundred, at("2025-01-08"), Duration.ofDays(2)))
                .as("the buckets that had room are untouched")
                .isEqualTo(100);
        assertThat(ledger.freeOver(hundred, at("2025-01-10"), DAY)).isEqualTo(20);
        assertThat(ledger.hold(hundred, 20, at("2025-01-08"), at("2025-01-11"))).isTrue();
        assertThat(ledger.freeOver(hundred, at("2025-01-10"), DAY)).isZero();
    }

    @Test
    void holdsOutsideTheGridOrOfNothingAreRefused() {
        assertThat(ledger.hold(hundred, 1, at("2025-01-30"), at("2025-01-31T00:00:01Z")))
                .isFalse();
        assertThat(ledger.hold(hundred, 1, at("2024-12-31T23:00:00Z"), at("2025-01-01T01:00:00Z")))
                .isFalse();
        assertThat(ledger.hold(hundred, 0, at("2025-01-10"), at("2025-01-11"))).isFalse();
        assertThat(ledger.hold(hundred, -5, at("2025-01-10"), at("2025-01-11"))).isFalse();
        assertThat(ledger.freeOver(hundred, at("2025-01-10"), DAY)).isEqualTo(100);
        assertThat(ledger.hold(hundred, 100, at("2025-01-30"), at("2025-01-31")))
                .isTrue();
    }

    @Test
    void releaseRestores() {
        Instant start = at("2025-01-05T12:00:00Z");
        Instant end = at("2025-01-07T12:00:00Z");
        ledger.hold(hundred, 60, start, end);
        ledger.hold(hundred, 40, start, end);
        assertThat(ledger.freeOver(hundred, start, Duration.ofDays(2))).isZero();

        ledger.release(hundred, 40, start, end);
        assertThat(ledger.freeOver(hundred, start, Duration.ofDays(2))).isEqualTo(40);
        ledger.release(hundred, 60, start, end);
        assertThat(ledger.freeOver(hundred, at("2025-01-01"), Duration.ofDays(30)))
                .isEqualTo(100);
    }

    @Test
    void earliestStartIsTheRequestedStartWhenFree() {
        Instant midBucket = at("2025-01-09T06:00:00Z");

        assertThat(earliestStart(ledger, hundred, 50, midBucket, at("2025-01-20"), DAY))
                .contains(midBucket);
    }

    @Test
    void earliestStartIsOtherwiseTheFirstBucketBoundaryThatWorks() {
        ledger.hold(hundred, 80, at("2025-01-10"), at("2025-01-12"));

        // From 06:00 on the 10th a day touches the 10th and the 11th: short. The 11th is short too.
        assertThat(earliestStart(ledger, hundred, 50, at("2025-01-10T06:00:00Z"), at("2025-01-20"), DAY))
                .contains(at("2025-01-12"));
        assertThat(earliestStart(ledger, hundred, 20, at("2025-01-10T06:00:00Z"), at("2025-01-20"), DAY))
                .contains(at("2025-01-10T06:00:00Z"));
        // Three days from the 8th reach into the hold; the earliest clear three days start on the 12th.
        assertThat(earliestStart(ledger, hundred, 50, at("2025-01-08"), at("2025-01-20"), Duration.ofDays(3)))
                .contains(at("2025-01-12"));
        assertThat(earliestStart(ledger, hundred, 50, at("2025-01-06"), at("2025-01-20"), Duration.ofDays(3)))
                .contains(at("2025-01-06"));
    }

    @Test
    void earliestStartSkipsPastEveryShortBucket() {
        ledger.hold(hundred, 80, at("2025-01-05"), at("2025-01-06"));
        ledger.hold(hundred, 80, at("2025-01-08"), at("2025-01-09"));
        ledger.hold(hundred, 80, at("2025-01-11"), at("2025-01-12"));

        assertThat(earliestStart(ledger, hundred, 50, at("2025-01-04"), at("2025-01-25"), Duration.ofDays(2)))
                .contains(at("2025-01-06"));
        assertThat(earliestStart(ledger, hundred, 50, at("2025-01-04"), at("2025-01-25"), Duration.ofDays(3)))
                .contains(at("2025-01-12"));
    }

    @Test
    void earliestStartWaitsForCapacityComingOnline() {
        Pool late = pool(0, step(100, "2025-01-15T12:00:00Z", null));
        CapacityLedger lateLedger = new CapacityLedger(GRID, List.of(late));

        assertThat(earliestStart(lateLedger, late, 50, at("2025-01-10"), at("2025-01-20"), DAY))
                .contains(at("2025-01-16"));
        assertThat(earliestStart(lateLedger, late, 101, at("2025-01-10"), at("2025-01-20"), DAY))
                .isEmpty();
    }

    @Test
    void earliestStartIsEmptyWhenNothingWorksWithinTheFlex() {
        ledger.hold(hundred, 80, at("2025-01-10"), at("2025-01-12"));

        assertThat(earliestStart(ledger, hundred, 50, at("2025-01-10T06:00:00Z"), at("2025-01-11T23:59:59Z"), DAY))
                .isEmpty();
        assertThat(earliestStart(ledger, hundred, 50, at("2025-01-10T06:00:00Z"), at("2025-01-12"), DAY))
                .as("latest is inclusive")
                .contains(at("2025-01-12"));
        assertThat(earliestStart(ledger, hundred, 50, at("2025-01-10"), at("2025-01-10"), DAY))
                .isEmpty();
        assertThat(earliestStart(ledger, hundred, 50, at("2025-01-12"), at("2025-01-11"), DAY))
                .as("latest before earliest")
                .isEmpty();
    }

    @Test
    void earliestStartIsEmptyBeyondTheGrid() {
        assertThat(earliestStart(ledger, hundred, 50, at("2025-01-30"), at("2025-03-01"), DAY))
                .contains(at("2025-01-30"));
        assertThat(earliestStart(ledger, hundred, 50, at("2025-01-30T06:00:00Z"), at("2025-03-01"), DAY))
                .isEmpty();
        assertThat(earliestStart(ledger, hundred, 50, at("2025-01-29"), at("2025-03-01"), Duration.ofDays(3)))
                .isEmpty();
    }

    @Test
    void earliestStartBeforeTheGridBeginsAtItsFirstBucket() {
        assertThat(earliestStart(ledger, hundred, 50, at("2024-12-30"), at("2025-01-05"), DAY))
                .contains(at("2025-01-01"));
        assertThat(earliestStart(ledger, hundred, 50, at("2024-12-20"), at("2024-12-31"), DAY))
                .isEmpty();
    }

    @Test
    void poolsAreKeptApart() {
        Pool other = new Pool(1, SITE, new AcceleratorId("H100"), List.of(step(10, "2025-01-01", null)));
        CapacityLedger two = new CapacityLedger(GRID, List.of(hundred, other));

        assertThat(two.hold(other, 10, at("2025-01-05"), at("2025-01-06"))).isTrue();
        assertThat(two.freeOver(other, at("2025-01-05"), DAY)).isZero();
        assertThat(two.freeOver(hundred, at("2025-01-05"), DAY)).isEqualTo(100);
        assertThat(two.grid()).isEqualTo(GRID);
    }

    @Test
    void poolIndexesMustRunWithoutGaps() {
        assertThatThrownBy(() -> new CapacityLedger(GRID, List.of(pool(1, step(1, "2025-01-01", null)))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0..n-1");
        assertThatThrownBy(() -> new CapacityLedger(GRID, List.of(hundred, pool(0, step(1, "2025-01-01", null)))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unitsForMegawattsAreExactInDecimal() {
        Accelerator gb200 = chip("GB200", "2.5");
        Accelerator h100 = chip("H100", "1.4");
        Accelerator oneKw = chip("X", "1");

        assertThat(gb200.unitsFor(new BigDecimal("200"))).isEqualTo(80_000);
        assertThat(gb200.unitsFor(new BigDecimal("1000"))).isEqualTo(400_000);
        assertThat(h100.unitsFor(new BigDecimal("1"))).isEqualTo(714);
        assertThat(h100.unitsFor(new BigDecimal("0.7"))).isEqualTo(500);
        assertThat(oneKw.unitsFor(new BigDecimal("2.9999999999999")))
                .as("floor, not rounded to the nearest")
                .isEqualTo(2_999);
        assertThat(oneKw.unitsFor(new BigDecimal("3"))).isEqualTo(3_000);
        assertThat(chip("Y", "0.3").unitsFor(new BigDecimal("0.0009"))).isEqualTo(3);
        assertThatThrownBy(() -> chip("Z", "0")).isInstanceOf(IllegalArgumentException.class);
    }

    private static Accelerator chip(String name, String kw) {
        return new Accelerator(new AcceleratorId(name), BigDecimal.ONE, new BigDecimal(kw));
    }

    /** The ledger's search over one pool. */
    private static Optional<Instant> earliestStart(
            CapacityLedger ledger, Pool pool, long units, Instant earliest, Instant latest, Duration length) {
        return ledger.earliestOpening(List.of(pool), 0, units, earliest, length.toSeconds(), latest)
                .map(CapacityLedger.Opening::start);
    }
}
