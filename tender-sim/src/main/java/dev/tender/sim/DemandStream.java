package dev.tender.sim;

import dev.tender.demand.DemandScale;
import dev.tender.demand.Generator;
import dev.tender.demand.IntRange;
import dev.tender.demand.Request;
import dev.tender.demand.RequestId;
import dev.tender.demand.TraceRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Every request of a scenario in submission order: the trace's, and those the generators draw
 * with the scenario's seed. Generated lazily, so a million requests never sit in memory at once.
 */
public final class DemandStream {

    private static final double SECONDS_PER_YEAR = 365.2425 * 86_400;

    /** The next submission of one source. */
    private interface Source {
        Instant nextAt();

        TraceRequest take();

        boolean exhausted();
    }

    /** Sources by their next submission; at the same instant, the one that waited longest goes first. */
    private final TimedHeap<Source> sources = new TimedHeap<>();

    public DemandStream(List<Generator> generators, List<TraceRequest> trace, Instant start, Instant end, long seed) {
        this(generators, trace, start, end, seed, DemandScale.NONE);
    }

    /** The demand drawn with {@code seed}, each request's units scaled by {@code scale} after the draw. */
    public DemandStream(
            List<Generator> generators,
            List<TraceRequest> trace,
            Instant start,
            Instant end,
            long seed,
            DemandScale scale) {
        List<TraceRequest> ordered = new ArrayList<>(scale.isNone() ? trace : scaled(trace, scale));
        ordered.sort(Comparator.comparing(TraceRequest::submitted)
                .thenComparing(t -> t.request().id()));
        offer(new TraceSource(ordered));
        for (int i = 0; i < generators.size(); i++) {
            offer(new GeneratedSource(generators.get(i), i + 1, start, end, seed, scale));
        }
    }

    private static List<TraceRequest> scaled(List<TraceRequest> trace, DemandScale scale) {
        return trace.stream()
                .map(t -> new TraceRequest(
                        t.submitted(),
                        t.request().withUnits(scale.traceUnits(t.request().units()))))
                .toList();
    }

    private void offer(Source source) {
        if (!source.exhausted()) {
            sources.add(source.nextAt(), source);
        }
    }

    public boolean hasNext() {
        return !sources.isEmpty();
    }

    /** When the next request is submitted; only when {@link #hasNext()}. */
    public Instant nextAt() {
        return sources.firstInstant();
    }

    public TraceRequest next() {
        Source source = sources.removeFirst();
        TraceRequest request = source.take();
        offer(source);
        return request;
    }

    private static final class TraceSource implements Source {
        private final List<TraceRequest> requests;
        private int position;

        TraceSource(List<TraceRequest> requests) {
            this.requests = requests;
        }

        @Override
        public Instant nextAt() {
            return requests.get(position).submitted();
        }

        @Override
        public TraceRequest take() {
            return requests.get(position++);
        }

        @Override
        public boolean exhausted() {
            return position >= requests.size();
        }
    }

    /**
     * One request per {@code every}, the rate growing by {@code growth} a year: the gap after a
     * submission at time t is {@code every / growth^(years since the generator began)}.
     */
    private static final class GeneratedSource implements Source {
        private final Generator generator;
        private final Instant begin;
        private final Instant until;
        private final SplittableRandom random;
        private final DemandScale scale;
        private Instant next;
        private long count;

        GeneratedSource(Generator generator, int order, Instant start, Instant end, long seed, DemandScale scale) {
            this.generator = generator;
            this.scale = scale;
            this.begin = generator.from() != null && generator.from().isAfter(start) ? generator.from() : start;
            this.until = generator.until() != null && generator.until().isBefore(end) ? generator.until() : end;
            // Each generator draws from its own stream, so adding one does not change the others.
            this.random = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * order));
            this.next = begin;
        }

        @Override
        public Instant nextAt() {
            return next;
        }

        @Override
        public boolean exhausted() {
            return !next.isBefore(until);
        }

        @Override
        public TraceRequest take() {
            Instant submitted = next;
            count++;
            Request request = new Request(
                    new RequestId(generator.id() + "-" + count),
                    generator.tenant(),
                    generator.workload(),
                    generator.accelerator(),
                    scale.units(draw(generator.units()), generator.id()),
                    generator.lead().addTo(submitted),
                    draw(generator.hours()),
                    generator.flex(),
                    generator.regions(),
                    generator.maxPrice());
            long gap = gapAfter(submitted);
            // A shrinking rate can push the next request past the end, or past what an Instant holds.
            next = gap >= Duration.between(submitted, until).toSeconds() ? until : submitted.plusSeconds(gap);
            return new TraceRequest(submitted, request);
        }

        private long gapAfter(Instant submitted) {
            long every = Duration.between(submitted, generator.every().addTo(submitted))
                    .toSeconds();
            double years = Duration.between(begin, submitted).toSeconds() / SECONDS_PER_YEAR;
            double gap = every / Math.pow(generator.growth(), years);
            return Math.max(1, Math.round(gap));
        }

        private int draw(IntRange range) {
            return range.min() == range.max() ? range.min() : random.nextInt(range.min(), range.max() + 1);
        }
    }
}
