package dev.tender.capacity;

/**
 * Free units per bucket of one pool, as a segment tree with lazy range additions. Each query and
 * update takes O(log n); buckets outside the grid count as having no capacity at all.
 */
final class BucketTree {

    private final int size;
    private final int leaves;
    private final long[] min;
    private final long[] max;
    private final long[] pending;

    BucketTree(long[] initial) {
        this.size = initial.length;
        int width = 1;
        while (width < size) {
            width <<= 1;
        }
        this.leaves = width;
        this.min = new long[2 * width];
        this.max = new long[2 * width];
        this.pending = new long[2 * width];
        for (int i = 0; i < size; i++) {
            min[width + i] = initial[i];
            max[width + i] = initial[i];
        }
        for (int node = width - 1; node >= 1; node--) {
            pull(node);
        }
    }

    int size() {
        return size;
    }

    /** Adds {@code delta} to every bucket in {@code [from, to)}; both ends must lie in the grid. */
    void add(int from, int to, long delta) {
        if (from < to) {
            add(1, 0, leaves, from, to, delta);
        }
    }

    /** The least free units over {@code [from, to)}; zero when the range leaves the grid. */
    long min(long from, long to) {
        if (from < 0 || to > size) {
            return 0;
        }
        if (from >= to) {
            return Long.MAX_VALUE;
        }
        return min(1, 0, leaves, (int) from, (int) to);
    }

    /** The first bucket in {@code [from, to)} with fewer than {@code units} free, or -1. */
    int firstBelow(int from, int to, long units) {
        return from < to ? firstBelow(1, 0, leaves, from, to, units) : -1;
    }

    /** The first bucket in {@code [from, to)} with at least {@code units} free, or -1. */
    int firstAtLeast(int from, int to, long units) {
        return from < to ? firstAtLeast(1, 0, leaves, from, to, units) : -1;
    }

    private void add(int node, int lo, int hi, int from, int to, long delta) {
        if (to <= lo || hi <= from) {
            return;
        }
        if (from <= lo && hi <= to) {
            apply(node, delta);
            return;
        }
        push(node);
        int mid = (lo + hi) >>> 1;
        add(2 * node, lo, mid, from, to, delta);
        add(2 * node + 1, mid, hi, from, to, delta);
        pull(node);
    }

    private long min(int node, int lo, int hi, int from, int to) {
        if (from <= lo && hi <= to) {
            return min[node];
        }
        push(node);
        int mid = (lo + hi) >>> 1;
        long best = Long.MAX_VALUE;
        if (from < mid) {
            best = min(2 * node, lo, mid, from, to);
        }
        if (to > mid) {
            best = Math.min(best, min(2 * node + 1, mid, hi, from, to));
        }
        return best;
    }

    private int firstBelow(int node, int lo, int hi, int from, int to, long units) {
        if (to <= lo || hi <= from || min[node] >= units) {
            return -1;
        }
        if (hi - lo == 1) {
            return lo;
        }
        push(node);
        int mid = (lo + hi) >>> 1;
        int left = firstBelow(2 * node, lo, mid, from, to, units);
        return left >= 0 ? left : firstBelow(2 * node + 1, mid, hi, from, to, units);
    }

    private int firstAtLeast(int node, int lo, int hi, int from, int to, long units) {
        if (to <= lo || hi <= from || max[node] < units) {
            return -1;
        }
        if (hi - lo == 1) {
            return lo;
        }
        push(node);
        int mid = (lo + hi) >>> 1;
        int left = firstAtLeast(2 * node, lo, mid, from, to, units);
        return left >= 0 ? left : firstAtLeast(2 * node + 1, mid, hi, from, to, units);
    }

    private void apply(int node, long delta) {
        min[node] += delta;
        max[node] += delta;
        pending[node] += delta;
    }

    private void push(int node) {
        long delta = pending[node];
        if (delta != 0) {
            apply(2 * node, delta);
            apply(2 * node + 1, delta);
            pending[node] = 0;
        }
    }

    private void pull(int node) {
        min[node] = Math.min(min[2 * node], min[2 * node + 1]);
        max[node] = Math.max(max[2 * node], max[2 * node + 1]);
    }
}
