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
            Window online = online(step);
            if (online.from() < online.to()) {
                delta[(int) online.from()] += step.units();
                delta[(int) online.to()] -= step.units();
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

    /**
     * The buckets a step is online in all through: capacity arriving inside a bucket counts from the
     * next one, capacity leaving inside a bucket is gone for the whole of it.
     */
    private Window online(CapacityStep step) {
        long first = clamp(grid.ceil(step.from()));
        long last = step.until() == null ? grid.buckets() : clamp(grid.floor(step.until()));
        return new Window(first, Math.max(first, last));
    }

    /** True when the ledger counts {@code step}'s units online in the bucket that holds {@code instant}. */
    public boolean countsOnline(CapacityStep step, Instant instant) {
        Window online = online(step);
        long bucket = grid.floor(instant);
        return bucket >= online.from() && bucket < online.to();
    }

    /**
     * Brings {@code step}'s units online in {@code pool} while the engine runs (a provider announced
     * them), rounded as the capacity the ledger started with.
     */
    public void addCapacity(Pool pool, CapacityStep step) {
        Window online = online(step);
        if (online.from() < online.to()) {
            trees[pool.index()].add((int) online.from(), (int) online.to(), step.units());
        }
    }

    private long clamp(long bucket) {
        return Math.max(0, Math.min(grid.buckets(), bucket));
    }

    /**
     * Units free in {@code pool} throughout {@code [start, start + length)}. The engine reads the
     * ledger in buckets; this reads it in time, for views of capacity (and the tests that pin the
     * rounding).
     */
    public long freeOver(Pool pool, Instant start, Duration length) {
        return freeOver(pool, grid.cover(start, length));
    }

    /** Units free in {@code pool} in every bucket of {@code window}. */
    public long freeOver(Pool pool, Window window) {
        return trees[pool.index()].min(window.from(), window.to());
    }

    /** Where and when units can first be taken: the pool's position in the list searched, and the start. */
    public record Opening(int position, Instant start) {}

    /**
     * The earliest start in {@code [start, latest]} at which one of {@code pools} has {@code units}
     * free for {@code seconds}: {@code start} itself when a pool has room then, else the first
     * bucket boundary at which one has. Pools are tried in list order beginning at {@code first}
     * and wrapping round; at equal starts the first tried wins. Costs one window query per pool at
     * the requested start, then per pool a skip through its short buckets, each pool only looking
     * before the best start found so far.
     */
    public Optional<Opening> earliestOpening(
            List<Pool> pools, int first, long units, Instant start, long seconds, Instant latest) {
        if (latest.isBefore(start) || pools.isEmpty()) {
            return Optional.empty();
        }
        Window window = grid.cover(start, seconds);
        int count = pools.size();
        for (int k = 0; k < count; k++) {
            int position = (first + k) % count;
            if (fits(pools.get(position), units, window)) {
                return Optional.of(new Opening(position, start));
            }
        }
        long soonest = window.from() + 1;
        long span = grid.span(seconds);
        int bestPosition = -1;
        long best = grid.floor(latest) + 1;
        for (int k = 0; k < count && best > soonest; k++) {
            int position = (first + k) % count;
            long bucket = firstStartWithRoom(pools.get(position), units, soonest, best - 1, span);
            if (bucket >= 0) {
                bestPosition = position;
                best = bucket;
            }
        }
        return bestPosition < 0 ? Optional.empty() : Optional.of(new Opening(bestPosition, grid.startOf(best)));
    }

    /** True when {@code units} are free in every bucket of {@code window}. */
    private boolean fits(Pool pool, long units, Window window) {
        BucketTree tree = trees[pool.index()];
        if (window.from() < 0 || window.to() > tree.size()) {
            return units <= 0;
        }
        // Stops at the first bucket short of room, which for a full pool is the first one read.
        return tree.firstBelow((int) window.from(), (int) window.to(), units) < 0;
    }

    /**
     * The first bucket in {@code [first, last]} from which {@code units} are free for {@code span}
     * buckets, or -1.
     */
    private long firstStartWithRoom(Pool pool, long units, long first, long last, long span) {
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
