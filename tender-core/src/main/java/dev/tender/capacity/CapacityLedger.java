package dev.tender.capacity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Free capacity of every pool, bucket by bucket: what is online minus what is held or awarded.
 * Capacity that comes online inside a bucket counts from the next one; capacity that goes offline
 * inside a bucket is gone for the whole bucket; a hold covers every bucket it touches. So the
 * ledger never counts a unit that a finer clock would not also see.
 */
public final class CapacityLedger {

    private final TimeGrid grid;
    private final BucketTree[] trees;

    public CapacityLedger(TimeGrid grid, List<Pool> pools) {
        this.grid = grid;
        this.trees = new BucketTree[pools.size()];
        for (Pool pool : pools) {
            if (pool.index() >= trees.length || trees[pool.index()] != null) {
                throw new IllegalArgumentException("pool indexes must run 0..n-1 without gaps: " + pool);
            }
            trees[pool.index()] = new BucketTree(onlinePerBucket(pool));
        }
    }

    public TimeGrid grid() {
        return grid;
    }

    private long[] onlinePerBucket(Pool pool) {
        long[] delta = new long[grid.buckets() + 1];
        for (CapacityStep step : pool.steps()) {
            long first = clamp(grid.ceil(step.from()));
            long last = step.until() == null ? grid.buckets() : clamp(grid.floor(step.until()));
            if (first < last) {
                delta[(int) first] += step.units();
                delta[(int) last] -= step.units();
            }
        }
        long[] units = new long[grid.buckets()];
        long running = 0;
        for (int i = 0; i < units.length; i++) {
            running += delta[i];
            units[i] = running;
        }
        return units;
    }

    private long clamp(long bucket) {
        return Math.max(0, Math.min(grid.buckets(), bucket));
    }

    /** Units free in {@code pool} throughout {@code [start, start + length)}. */
    public long freeOver(Pool pool, Instant start, Duration length) {
        return trees[pool.index()].min(grid.floor(start), grid.ceil(start.plus(length)));
    }

    /** True when {@code units} are free throughout {@code [start, start + length)}. */
    public boolean fits(Pool pool, long units, Instant start, Duration length) {
        return freeOver(pool, start, length) >= units;
    }

    /**
     * The earliest start in {@code [earliest, latest]} at which {@code units} are free for {@code
     * length}: {@code earliest} itself, or else the first bucket boundary that works.
     */
    public Optional<Instant> earliestStart(Pool pool, long units, Instant earliest, Instant latest, Duration length) {
        if (latest.isBefore(earliest)) {
            return Optional.empty();
        }
        return fits(pool, units, earliest, length)
                ? Optional.of(earliest)
                : earliestBoundaryAfter(pool, units, earliest, latest, length);
    }

    /** Like {@link #earliestStart} but only bucket boundaries after {@code earliest} are tried. */
    public Optional<Instant> earliestBoundaryAfter(
            Pool pool, long units, Instant earliest, Instant latest, Duration length) {
        BucketTree tree = trees[pool.index()];
        long span = Math.floorDiv(
                length.getSeconds() + grid.bucket().getSeconds() - 1,
                grid.bucket().getSeconds());
        long candidate = Math.max(0, grid.floor(earliest) + 1);
        long last = Math.min(grid.floor(latest), tree.size() - span);
        while (candidate <= last) {
            // Skip to the first bucket with room, then see whether the whole window has room.
            candidate = tree.firstAtLeast((int) candidate, (int) last + 1, units);
            if (candidate < 0) {
                return Optional.empty();
            }
            int shortBucket = tree.firstBelow((int) candidate, (int) (candidate + span), units);
            if (shortBucket < 0) {
                return Optional.of(grid.startOf(candidate));
            }
            candidate = shortBucket + 1L;
        }
        return Optional.empty();
    }

    /** Sets {@code units} aside for {@code [start, end)}; false, and nothing held, when they are not free. */
    public boolean hold(Pool pool, long units, Instant start, Instant end) {
        long from = grid.floor(start);
        long to = grid.ceil(end);
        BucketTree tree = trees[pool.index()];
        if (units <= 0 || tree.min(from, to) < units) {
            return false;
        }
        tree.add((int) from, (int) to, -units);
        return true;
    }

    /** Gives back units held for {@code [start, end)}. */
    public void release(Pool pool, long units, Instant start, Instant end) {
        trees[pool.index()].add((int) grid.floor(start), (int) grid.ceil(end), units);
    }
}
