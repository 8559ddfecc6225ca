package dev.tender.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tender.catalog.AcceleratorId;
import dev.tender.catalog.WorkloadClass;
import dev.tender.demand.DemandScale;
import dev.tender.demand.Generator;
import dev.tender.demand.GeneratorId;
import dev.tender.demand.IntRange;
import dev.tender.demand.Request;
import dev.tender.demand.RequestId;
import dev.tender.demand.TenantId;
import dev.tender.demand.TraceRequest;
import dev.tender.time.Span;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Scaled demand is the same draw with other units: what pairs a variant's runs with the base's. */
class DemandScaleTest {

    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant END = START.plus(Duration.ofDays(30));

    @Test
    void scaledDemandMeetsTheSameRequestsAtTheSameInstantsWithTheirUnitsScaled() {
        List<Generator> generators = List.of(generator("a", 1, 100), generator("b", 7, 7));
        List<TraceRequest> trace = List.of(new TraceRequest(START.plusSeconds(90), request("t-1", 40)));
        DemandScale scale = new DemandScale(1.25, Map.of(new GeneratorId("b"), 2.0));

        List<TraceRequest> drawn = drain(new DemandStream(generators, trace, START, END, 3));
        List<TraceRequest> scaled = drain(new DemandStream(generators, trace, START, END, 3, scale));

        assertThat(scaled).hasSameSizeAs(drawn).hasSizeGreaterThan(100);
        for (int i = 0; i < drawn.size(); i++) {
            Request before = drawn.get(i).request();
            Request after = scaled.get(i).request();
            assertThat(scaled.get(i).submitted()).isEqualTo(drawn.get(i).submitted());
            assertThat(after.withUnits(before.units())).isEqualTo(before);
            double factor = before.id().value().startsWith("b-") ? 2.5 : 1.25;
            assertThat(after.units()).isEqualTo((int) Math.max(1, Math.round(before.units() * factor)));
        }
        assertThat(scaled)
                .filteredOn(t -> t.request().id().value().equals("t-1"))
                .singleElement()
                .satisfies(t -> assertThat(t.request().units()).isEqualTo(50));
    }

    @Test
    void noScaleDrawsExactlyWhatTheStreamDrawsWithoutOne() {
        List<Generator> generators = List.of(generator("a", 1, 100));
        assertThat(drain(new DemandStream(generators, List.of(), START, END, 9, DemandScale.NONE)))
                .isEqualTo(drain(new DemandStream(generators, List.of(), START, END, 9)));
        assertThat(DemandScale.NONE.isNone()).isTrue();
        assertThat(new DemandScale(1.0, Map.of(new GeneratorId("a"), 1.0)).isNone())
                .isTrue();
        assertThat(new DemandScale(1.0, Map.of(new GeneratorId("a"), 0.5)).isNone())
                .isFalse();
    }

    @Test
    void aScaledRequestAsksForAtLeastOneUnit() {
        DemandScale tiny = new DemandScale(0.01, Map.of());
        assertThat(tiny.units(3, new GeneratorId("a"))).isEqualTo(1);
        assertThat(tiny.traceUnits(250)).isEqualTo(3);
    }

    @Test
    void factorsMustBePositiveAndAtMostAHundred() {
        assertThatThrownBy(() -> new DemandScale(0, Map.of())).hasMessageContaining("above 0");
        assertThatThrownBy(() -> new DemandScale(1, Map.of(new GeneratorId("a"), 101.0)))
                .hasMessageContaining("generator a");
        assertThatThrownBy(() -> new DemandScale(Double.NaN, Map.of())).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<TraceRequest> drain(DemandStream stream) {
        List<TraceRequest> all = new ArrayList<>();
        while (stream.hasNext()) {
            all.add(stream.next());
        }
        return all;
    }

    private static Request request(String id, int units) {
        return new Request(
                new RequestId(id),
                new TenantId("t"),
                new WorkloadClass("api"),
                new AcceleratorId("H100"),
                units,
                START.plus(Duration.ofDays(2)),
                4,
                Duration.ZERO,
                List.of(),
                null);
    }

    private static Generator generator(String id, int minUnits, int maxUnits) {
        return new Generator(
                new GeneratorId(id),
                new TenantId("t"),
                new WorkloadClass("api"),
                new AcceleratorId("H100"),
                Span.parse("PT2H").orElseThrow(),
                new IntRange(minUnits, maxUnits),
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
