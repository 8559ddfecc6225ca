package dev.tender.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tender.demand.Generator;
import dev.tender.demand.IntRange;
import dev.tender.demand.TraceRequest;
import dev.tender.time.Span;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

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
    void aFailureToDrawReachesTheEngineAfterTheRequestsDrawnBeforeIt() {
        // Far enough ahead that a start of submission + lead no longer fits in an Instant.
        Instant late = Instant.MAX.minus(Duration.ofDays(2));
        Generator leadTooLong = new Generator(
                "late",
                "t",
                "api",
                "H100",
                Span.of(Duration.ofHours(1)),
                new IntRange(1, 1),
                new IntRange(1, 1),
                Span.ofDays(3),
                Duration.ZERO,
                1.0,
                null,
                List.of(),
                late,
                null);
        try (DemandAhead demand =
                new DemandAhead(new DemandStream(List.of(leadTooLong), List.of(), late, Instant.MAX, 1))) {
            assertThatThrownBy(() -> {
                        while (demand.hasNext()) {
                            demand.next();
                        }
                    })
                    .isInstanceOf(DateTimeException.class);
        }
    }

    private static Generator generator(String id, String every) {
        return new Generator(
                id,
                "t",
                "api",
                "H100",
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
