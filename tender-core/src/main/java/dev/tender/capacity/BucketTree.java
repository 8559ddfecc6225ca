package dev.tender.capacity;

/**
 * Free units per bucket of one pool: a plain row of buckets, cut into blocks of {@link #BLOCK}
 * whose least and greatest free units a {@link MinMaxTree} keeps. A window of up to two blocks is
 * read bucket by bucket: its buckets lie side by side in a few cache lines, and a pool short of
 * room is usually short in the first bucket read. A longer window reads its two ends bucket by
 * bucket and the blocks between through the tree, in O(BLOCK + log n). An addition over {@code k}
 * buckets writes them and refreshes the blocks it touches, in O(k + log n). Buckets outside the
 * grid count as having no capacity at all.
 */
final class BucketTree {

    /** Buckets per block: two cache lines of ints. */
    static final int BLOCK = 32;

    private final int[] free;
    private final MinMaxTree blocks;

    BucketTree(long[] initial) {
        this.free = new int[initial.length];
        for (int i = 0; i < initial.length; i++) {
            if (initial[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a pool cannot hold more than " + Integer.MAX_VALUE + " units");
            }
            free[i] = (int) initial[i];
        }
        int count = (free.length + BLOCK - 1) / BLOCK;
        this.blocks = new MinMaxTree(count);
        for (int block = 0; block < count; block++) {
            refresh(block);
        }
        blocks.pullAbove(0, count - 1);
    }

    int size() {
        return free.length;
    }

    /** Adds {@code delta} to every bucket in {@code [from, to)}; both ends must lie in the grid. */
    void add(int from, int to, long delta) {
        if (from >= to) {
            return;
        }
        int change = Math.toIntExact(delta);
        for (int bucket = from; bucket < to; bucket++) {
            free[bucket] += change;
        }
        int first = from / BLOCK;
        int last = (to - 1) / BLOCK;
        for (int block = first; block <= last; block++) {
            refresh(block);
        }
        blocks.pullAbove(first, last);
    }

    private void refresh(int block) {
        int least = Integer.MAX_VALUE;
        int greatest = Integer.MIN_VALUE;
        for (int bucket = block * BLOCK, end = Math.min(bucket + BLOCK, free.length); bucket < end; bucket++) {
            least = Math.min(least, free[bucket]);
            greatest = Math.max(greatest, free[bucket]);
        }
        blocks.set(block, least, greatest);
    }

    /** The least free units over {@code [from, to)}; zero when the range leaves the grid. */
    long min(long from, long to) {
        if (from < 0 || to > free.length) {
            return 0;
        }
        int lo = (int) from;
        int hi = (int) to;
        if (hi - lo <= 2 * BLOCK) {
            return scanMin(lo, hi);
        }
        int firstWhole = (lo + BLOCK - 1) / BLOCK;
        int endWhole = hi / BLOCK;
        long least = Math.min(scanMin(lo, firstWhole * BLOCK), scanMin(endWhole * BLOCK, hi));
        return Math.min(least, blocks.min(firstWhole, endWhole));
    }

    /** The first bucket in {@code [from, to)} with fewer than {@code units} free, or -1. */
    int firstBelow(int from, int to, long units) {
        return first(from, to, units, true);
    }

    /** The first bucket in {@code [from, to)} with at least {@code units} free, or -1. */
    int firstAtLeast(int from, int to, long units) {
        return first(from, to, units, false);
    }

    private int first(int from, int to, long units, boolean below) {
        if (to - from <= 2 * BLOCK) {
            return scan(from, to, units, below);
        }
        int firstWhole = (from + BLOCK - 1) / BLOCK;
        int endWhole = to / BLOCK;
        int found = scan(from, firstWhole * BLOCK, units, below);
        if (found >= 0) {
            return found;
        }
        int block = below
                ? blocks.firstBelow(firstWhole, endWhole, units)
                : blocks.firstAtLeast(firstWhole, endWhole, units);
        return block >= 0
                ? scan(block * BLOCK, (block + 1) * BLOCK, units, below)
                : scan(endWhole * BLOCK, to, units, below);
    }

    private int scan(int from, int to, long units, boolean below) {
        for (int bucket = from; bucket < to; bucket++) {
            if (below ? free[bucket] < units : free[bucket] >= units) {
                return bucket;
            }
        }
        return -1;
    }

    private long scanMin(int from, int to) {
        long least = Long.MAX_VALUE;
        for (int bucket = from; bucket < to; bucket++) {
            least = Math.min(least, free[bucket]);
        }
        return least;
    }
}
