package dev.tender.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.WorkloadClass;
import dev.tender.demand.Generator;
import dev.tender.demand.GeneratorId;
import dev.tender.demand.IntRange;
import dev.tender.demand.TenantId;
import dev.tender.demand.TraceRequest;
import dev.tender.time.Span;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class DemandAheadTest {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void drawsWhatTheStreamDrawsInTheSameOrder() {
        List<Generator> generators = List.of(generator("a", "PT7M"), generator("b", "PT13M"));
        Instant end = START.plus(Duration.ofDays(20));
        List<TraceRequest> direct = new ArrayList<>();
        DemandStream stream = new DemandStream(generators, List.of(), START, end, 5);
        while (stream.hasNext()) {
            direct.add(stream.next());
        }
        List<TraceRequest> ahead = new ArrayList<>();
        try (DemandAhead demand = new DemandAhead(new DemandStream(generators, List.of(), START, end, 5))) {
            while (demand.hasNext()) {
                assertThat(demand.nextAt()).isEqualTo(direct.get(ahead.size()).submitted());
                ahead.add(demand.next());
            }
        }
        assertThat(direct).hasSizeGreaterThan(3 * 1024);
        assertThat(ahead).isEqualTo(direct);
    }

    @Test
    void aRequestThatCannotBeDrawnFailsInItsPlace_afterTheRequestsDrawnBeforeIt() {
        // One request an hour with a lead of three days, starting so close to the end of time that
        // the seventh request's start no longer fits in an Instant.
        Instant begin = Instant.MAX.minus(Duration.ofDays(3)).minus(Duration.ofHours(5));
        Generator nearTheEnd = new Generator(
                new GeneratorId("late"),
                new TenantId("t"),
                new WorkloadClass("api"),
                new AcceleratorId("H100"),
                Span.of(Duration.ofHours(1)),
                new IntRange(1, 1),
                new IntRange(1, 1),
                Span.ofDays(3),
                Duration.ZERO,
                1.0,
                null,
                List.of(),
                begin,
                null);
        try (DemandAhead demand =
                new DemandAhead(new DemandStream(List.of(nearTheEnd), List.of(), begin, Instant.MAX, 1))) {
            for (int i = 0; i < 6; i++) {
                assertThat(demand.hasNext()).isTrue();
                assertThat(demand.next().submitted()).isEqualTo(begin.plus(Duration.ofHours(i)));
            }
            assertThat(demand.hasNext()).isTrue();
            assertThat(demand.nextAt()).isEqualTo(begin.plus(Duration.ofHours(6)));
            assertThatThrownBy(demand::next).isInstanceOf(DateTimeException.class);
        }
    }

    @Test
    @Timeout(10)
    void closingBeforeTheDemandRunsOutStopsTheDrawer() {
        DemandAhead demand = new DemandAhead(new DemandStream(
                List.of(generator("a", "PT1M")), List.of(), START, START.plus(Duration.ofDays(3650)), 5));
        for (int i = 0; i < 10; i++) {
            demand.next();
        }
        demand.close();
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().equals("tender-demand") && thread.isAlive());
    }

    private static Generator generator(String id, String every) {
        return new Generator(
                new GeneratorId(id),
                new TenantId("t"),
                new WorkloadClass("api"),
                new AcceleratorId("H100"),
                Span.parse(every).orElseThrow(),
                new IntRange(1, 100),
                new IntRange(1, 48),
                Span.ofDays(1),
                Duration.ofDays(2),
                1.0,
                null,
                List.of(),
                null,
                null);
    }
}
