package dev.tender.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.Region;
import dev.tender.provider.ProviderId;
import dev.tender.provider.Site;
import dev.tender.provider.SiteId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jspecify.annotations.Nullable;

/**
 * The ledger against a model written from the rounding rules alone: a bucket has a step's units
 * only if the step is online for the whole bucket; a hold takes from every bucket it overlaps.
 */
class CapacityLedgerPropertyTest {

    private static final Instant ORIGIN = Instant.parse("2025-01-01T00:00:00Z");
    private static final long BUCKET_MINUTES = 6 * 60;

    /** Times are minutes from the origin; hours are whole. */
    record Step(int units, long from, @Nullable Long until) {}

    record Hold(int units, long start, long minutes) {}

    record Query(int units, long earliest, long flexMinutes, int hours) {}

    record Case(int buckets, List<Step> steps, List<Hold> holds, List<Query> queries) {}

    @Property(tries = 400)
    void holdsAndEarliestStartsFollowTheRoundingRules(@ForAll("cases") Case c) {
        TimeGrid grid = new TimeGrid(ORIGIN, Duration.ofMinutes(BUCKET_MINUTES), c.buckets());
        Pool pool = new Pool(
                0,
                new Site(new SiteId("s"), new ProviderId("p"), new Region("r")),
                new AcceleratorId("H100"),
                c.steps().stream()
                        .map(s -> new CapacityStep(s.units(), at(s.from()), s.until() == null ? null : at(s.until())))
                        .toList());
        CapacityLedger ledger = new CapacityLedger(grid, List.of(pool));
        long[] free = new long[c.buckets()];
        for (int b = 0; b < free.length; b++) {
            long bucketStart = b * BUCKET_MINUTES;
            long bucketEnd = bucketStart + BUCKET_MINUTES;
            for (Step step : c.steps()) {
                if (step.from() <= bucketStart && (step.until() == null || step.until() >= bucketEnd)) {
                    free[b] += step.units();
                }
            }
        }
        for (Hold hold : c.holds()) {
            long end = hold.start() + hold.minutes();
            boolean fits = hold.units() > 0 && freeOver(free, hold.start(), end) >= hold.units();
            assertThat(ledger.hold(pool, hold.units(), at(hold.start()), at(end)))
                    .as("%s", hold)
                    .isEqualTo(fits);
            if (fits) {
                for (int b = 0; b < free.length; b++) {
                    if (overlaps(b, hold.start(), end)) {
                        free[b] -= hold.units();
                    }
                }
            }
        }
        for (Query query : c.queries()) {
            long length = query.hours() * 60L;
            assertThat(ledger.freeOver(pool, at(query.earliest()), Duration.ofMinutes(length)))
                    .isEqualTo(freeOver(free, query.earliest(), query.earliest() + length));
            Optional<Long> expected = earliestStart(free, query, length);
            assertThat(ledger.earliestOpening(
                                    List.of(pool),
                                    0,
                                    query.units(),
                                    at(query.earliest()),
                                    length * 60,
                                    at(query.earliest() + query.flexMinutes()))
                            .map(CapacityLedger.Opening::start))
                    .as("%s", query)
                    .isEqualTo(expected.map(CapacityLedgerPropertyTest::at));
        }
    }

    private static Instant at(long minutes) {
        return ORIGIN.plus(Duration.ofMinutes(minutes));
    }

    private static boolean overlaps(int bucket, long start, long end) {
        long bucketStart = bucket * BUCKET_MINUTES;
        return bucketStart < end && bucketStart + BUCKET_MINUTES > start;
    }

    /** The least free over every bucket {@code [start, end)} overlaps; none at all outside the grid. */
    private static long freeOver(long[] free, long start, long end) {
        if (start < 0 || end > free.length * BUCKET_MINUTES) {
            return 0;
        }
        long least = Long.MAX_VALUE;
        for (int b = 0; b < free.length; b++) {
            if (overlaps(b, start, end)) {
                least = Math.min(least, free[b]);
            }
        }
        return least;
    }

    private static Optional<Long> earliestStart(long[] free, Query query, long length) {
        long latest = query.earliest() + query.flexMinutes();
        if (freeOver(free, query.earliest(), query.earliest() + length) >= query.units()) {
            return Optional.of(query.earliest());
        }
        for (int b = 0; b < free.length; b++) {
            long start = b * BUCKET_MINUTES;
            if (start > query.earliest() && start <= latest && freeOver(free, start, start + length) >= query.units()) {
                return Optional.of(start);
            }
        }
        return Optional.empty();
    }

    @Provide
    Arbitrary<Case> cases() {
        return Arbitraries.integers().between(1, 40).flatMap(buckets -> {
            long span = buckets * BUCKET_MINUTES;
            Arbitrary<Long> minute = Arbitraries.longs().between(-720, span + 720);
            Arbitrary<Step> step = Combinators.combine(
                            Arbitraries.integers().between(1, 100),
                            minute,
                            Arbitraries.longs().between(1, span).injectNull(0.4))
                    .as((units, from, length) -> new Step(units, from, length == null ? null : from + length));
            Arbitrary<Hold> hold = Combinators.combine(
                            Arbitraries.integers().between(-1, 120),
                            minute,
                            Arbitraries.longs().between(1, 3 * 1440))
                    .as(Hold::new);
            Arbitrary<Query> query = Combinators.combine(
                            Arbitraries.integers().between(1, 150),
                            minute,
                            Arbitraries.longs().between(0, span),
                            Arbitraries.integers().between(1, 72))
                    .as(Query::new);
            return Combinators.combine(
                            step.list().ofMinSize(1).ofMaxSize(5),
                            hold.list().ofMaxSize(8),
                            query.list().ofMinSize(1).ofMaxSize(8))
                    .as((steps, holds, queries) -> new Case(buckets, steps, holds, queries));
        });
    }
}
