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
        return freeOver(pool, grid.cover(start, length));
    }

    /** Units free in {@code pool} in every bucket of {@code window}. */
    public long freeOver(Pool pool, Window window) {
        return trees[pool.index()].min(window.from(), window.to());
    }

    /** True when {@code units} are free in every bucket of {@code window}. */
    public boolean fits(Pool pool, long units, Window window) {
        BucketTree tree = trees[pool.index()];
        if (window.from() < 0 || window.to() > tree.size()) {
            return units <= 0;
        }
        // Stops at the first bucket short of room, which for a full pool is the first one read.
        return tree.firstBelow((int) window.from(), (int) window.to(), units) < 0;
    }

    /**
     * The earliest start in {@code [earliest, latest]} at which {@code units} are free for {@code
     * length}: {@code earliest} itself, or else the first bucket boundary that works. This is the
     * auto responder's rule for one pool, which it applies across its pools in bucket numbers.
     */
    public Optional<Instant> earliestStart(Pool pool, long units, Instant earliest, Instant latest, Duration length) {
        if (latest.isBefore(earliest)) {
            return Optional.empty();
        }
        if (fits(pool, units, grid.cover(earliest, length))) {
            return Optional.of(earliest);
        }
        long bucket = firstStartWithRoom(pool, units, grid.floor(earliest) + 1, grid.floor(latest), grid.span(length));
        return bucket < 0 ? Optional.empty() : Optional.of(grid.startOf(bucket));
    }

    /**
     * The first bucket in {@code [first, last]} from which {@code units} are free for {@code span}
     * buckets, or -1.
     */
    public long firstStartWithRoom(Pool pool, long units, long first, long last, long span) {
        BucketTree tree = trees[pool.index()];
        long candidate = Math.max(0, first);
        long end = Math.min(last, tree.size() - span);
        while (candidate <= end) {
            // Skip to the first bucket with room, then see whether the whole window has room.
            candidate = tree.firstAtLeast((int) candidate, (int) end + 1, units);
            if (candidate < 0) {
                return -1;
            }
            int shortBucket = tree.firstBelow((int) candidate, (int) (candidate + span), units);
            if (shortBucket < 0) {
                return candidate;
            }
            candidate = shortBucket + 1L;
        }
        return -1;
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
