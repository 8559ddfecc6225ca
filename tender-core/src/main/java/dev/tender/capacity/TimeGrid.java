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
        if (bucket.isZero() || bucket.isNegative() || bucket.getSeconds() == 0) {
            throw new IllegalArgumentException("a bucket must be at least one second, not " + bucket);
        }
        if (buckets <= 0) {
            throw new IllegalArgumentException("a grid needs at least one bucket");
        }
    }

    /** A grid from {@code origin} long enough to reach {@code end}. */
    public static TimeGrid covering(Instant origin, Instant end, Duration bucket) {
        long seconds = Math.max(1, Duration.between(origin, end).getSeconds());
        long count = Math.floorDiv(seconds + bucket.getSeconds() - 1, bucket.getSeconds());
        if (count > 50_000_000) {
            throw new IllegalArgumentException("bucket " + bucket + " cuts the horizon into too many buckets");
        }
        return new TimeGrid(origin, bucket, (int) count);
    }

    /** The bucket that holds {@code instant} (may lie outside the grid). */
    public long floor(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond() - origin.getEpochSecond(), bucket.getSeconds());
    }

    /** The first bucket that starts at or after {@code instant}. */
    public long ceil(Instant instant) {
        long offset = instant.getEpochSecond() - origin.getEpochSecond();
        long size = bucket.getSeconds();
        long whole = Math.floorDiv(offset, size);
        boolean aligned = Math.floorMod(offset, size) == 0 && instant.getNano() == 0;
        return aligned ? whole : whole + 1;
    }

    public Instant startOf(long index) {
        return origin.plusSeconds(index * bucket.getSeconds());
    }

    public Instant end() {
        return startOf(buckets);
    }
}
