package dev.tender.capacity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Time cut into equal buckets from {@code origin}. Capacity is counted per bucket; every
 * conversion rounds so that Tender never believes in more capacity than there is.
 */
public record TimeGrid(Instant origin, Duration bucket, int buckets) {

    public TimeGrid {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(bucket, "bucket");
        if (bucket.isZero() || bucket.isNegative() || bucket.toSeconds() == 0) {
            throw new IllegalArgumentException("a bucket must be at least one second, not " + bucket);
        }
        if (buckets <= 0) {
            throw new IllegalArgumentException("a grid needs at least one bucket");
        }
    }

    /** A grid from {@code origin} long enough to reach {@code end}. */
    public static TimeGrid covering(Instant origin, Instant end, Duration bucket) {
        long seconds = Math.max(1, Duration.between(origin, end).toSeconds());
        long count = Math.floorDiv(seconds + bucket.toSeconds() - 1, bucket.toSeconds());
        if (count > 50_000_000) {
            throw new IllegalArgumentException("bucket " + bucket + " cuts the horizon into too many buckets");
        }
        return new TimeGrid(origin, bucket, (int) count);
    }

    /** The bucket that holds {@code instant} (may lie outside the grid). */
    public long floor(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond() - origin.getEpochSecond(), bucket.toSeconds());
    }

    /** The first bucket that starts at or after {@code instant}. */
    public long ceil(Instant instant) {
        return ceil(instant.getEpochSecond(), instant.getNano());
    }

    private long ceil(long epochSecond, long nano) {
        long offset = epochSecond - origin.getEpochSecond();
        long size = bucket.toSeconds();
        long whole = Math.floorDiv(offset, size);
        boolean aligned = Math.floorMod(offset, size) == 0 && nano == 0;
        return aligned ? whole : whole + 1;
    }

    /** The buckets that {@code [start, start + length)} touches, worked out without new instants. */
    public Window cover(Instant start, Duration length) {
        long nano = (long) start.getNano() + length.getNano();
        long endSecond = start.getEpochSecond() + length.getSeconds() + nano / 1_000_000_000L;
        return new Window(floor(start), ceil(endSecond, nano % 1_000_000_000L));
    }

    /** The buckets that {@code [start, start + seconds)} touches. */
    public Window cover(Instant start, long seconds) {
        return new Window(floor(start), ceil(start.getEpochSecond() + seconds, start.getNano()));
    }

    /** How many buckets a stretch of {@code length} spans when it starts on a bucket boundary. */
    public long span(Duration length) {
        return span(length.getSeconds() + (length.getNano() > 0 ? 1 : 0));
    }

    /** How many buckets a stretch of {@code seconds} spans when it starts on a bucket boundary. */
    public long span(long seconds) {
        long size = bucket.toSeconds();
        return Math.floorDiv(seconds + size - 1, size);
    }

    public Instant startOf(long index) {
        return origin.plusSeconds(index * bucket.toSeconds());
    }

    public Instant end() {
        return startOf(buckets);
    }
}
