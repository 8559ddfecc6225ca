package dev.tender.capacity;

/**
 * Free units per bucket of one pool, as a segment tree of minima and maxima. Queries (the least
 * free units over a window, the first bucket above or below a level) take O(log n) and walk the
 * tree bottom-up, touching only nodes near the window. An addition over {@code k} buckets takes
 * O(k + log n): it writes the buckets themselves and the nodes above them, so that queries, which
 * the engine makes many times more often than holds, never have to gather pending additions.
 * Buckets outside the grid count as having no capacity at all.
 *
 * <p>Node {@code p} covers a power-of-two run of buckets; leaves are {@code width..2*width-1}.
 * Its min and max sit side by side at {@code 2p} and {@code 2p+1} of one array of ints: half the
 * memory of longs, so more of a thousand pools' trees stay in cache.
 *
 * <p>A range of up to {@link #SCAN} buckets is read leaf by leaf instead: its leaves lie side by
 * side in a few cache lines, where the tree's nodes for it lie in one line per level. Engine
 * windows are mostly that short, and a pool that is short of room is usually short in the first
 * bucket read.
 */
final class BucketTree {

    static final int SCAN = 48;

    private final int size;
    private final int width;
    private final int[] nodes;
    /** Scratch space for the nodes that cover a range, right side, in the order they are found. */
    private final int[] rightNodes;

    BucketTree(long[] initial) {
        this.size = initial.length;
        int w = 1;
        int height = 0;
        while (w < size) {
            w <<= 1;
            height++;
        }
        this.width = w;
        this.nodes = new int[2 * 2 * w];
        this.rightNodes = new int[height + 1];
        for (int i = 0; i < size; i++) {
            if (initial[i] > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a pool cannot hold more than " + Integer.MAX_VALUE + " units");
            }
            nodes[2 * (w + i)] = (int) initial[i];
            nodes[2 * (w + i) + 1] = (int) initial[i];
        }
        for (int node = w - 1; node >= 1; node--) {
            pull(node);
        }
    }

    int size() {
        return size;
    }

    /** Adds {@code delta} to every bucket in {@code [from, to)}; both ends must lie in the grid. */
    void add(int from, int to, long delta) {
        if (from >= to) {
            return;
        }
        int change = Math.toIntExact(delta);
        int lo = from + width;
        int hi = to - 1 + width;
        for (int leaf = lo; leaf <= hi; leaf++) {
            nodes[2 * leaf] += change;
            nodes[2 * leaf + 1] += change;
        }
        for (lo >>= 1, hi >>= 1; lo >= 1; lo >>= 1, hi >>= 1) {
            for (int node = lo; node <= hi; node++) {
                pull(node);
            }
        }
    }

    /** The least free units over {@code [from, to)}; zero when the range leaves the grid. */
    long min(long from, long to) {
        if (from < 0 || to > size) {
            return 0;
        }
        if (to - from <= SCAN) {
            return scanMin((int) from, (int) to);
        }
        long least = Long.MAX_VALUE;
        for (int l = (int) from + width, r = (int) to + width; l < r; l >>= 1, r >>= 1) {
            if ((l & 1) == 1) {
                least = Math.min(least, min(l++));
            }
            if ((r & 1) == 1) {
                least = Math.min(least, min(--r));
            }
        }
        return least;
    }

    /** The first bucket in {@code [from, to)} with fewer than {@code units} free, or -1. */
    int firstBelow(int from, int to, long units) {
        return first(from, to, units, true);
    }

    /** The first bucket in {@code [from, to)} with at least {@code units} free, or -1. */
    int firstAtLeast(int from, int to, long units) {
        return first(from, to, units, false);
    }

    /**
     * Goes through the nodes that cover the range from left to right; in the first that holds a
     * match, goes down to the leftmost matching bucket.
     */
    private int first(int from, int to, long units, boolean below) {
        if (to - from <= SCAN) {
            return below ? scanBelow(from, to, units) : scanAtLeast(from, to, units);
        }
        int right = 0;
        for (int l = from + width, r = to + width; l < r; l >>= 1, r >>= 1) {
            if ((l & 1) == 1) {
                if (matches(l, units, below)) {
                    return descend(l, units, below);
                }
                l++;
            }
            if ((r & 1) == 1) {
                rightNodes[right++] = --r;
            }
        }
        for (int i = right - 1; i >= 0; i--) {
            if (matches(rightNodes[i], units, below)) {
                return descend(rightNodes[i], units, below);
            }
        }
        return -1;
    }

    private long scanMin(int from, int to) {
        long least = Long.MAX_VALUE;
        for (int leaf = 2 * (from + width), end = 2 * (to + width); leaf < end; leaf += 2) {
            least = Math.min(least, nodes[leaf]);
        }
        return least;
    }

    private int scanBelow(int from, int to, long units) {
        for (int bucket = from; bucket < to; bucket++) {
            if (nodes[2 * (bucket + width)] < units) {
                return bucket;
            }
        }
        return -1;
    }

    private int scanAtLeast(int from, int to, long units) {
        for (int bucket = from; bucket < to; bucket++) {
            if (nodes[2 * (bucket + width)] >= units) {
                return bucket;
            }
        }
        return -1;
    }

    private boolean matches(int node, long units, boolean below) {
        return below ? min(node) < units : max(node) >= units;
    }

    private int descend(int node, long units, boolean below) {
        while (node < width) {
            node = matches(2 * node, units, below) ? 2 * node : 2 * node + 1;
        }
        return node - width;
    }

    private int min(int node) {
        return nodes[2 * node];
    }

    private int max(int node) {
        return nodes[2 * node + 1];
    }

    private void pull(int node) {
        nodes[2 * node] = Math.min(min(2 * node), min(2 * node + 1));
        nodes[2 * node + 1] = Math.max(max(2 * node), max(2 * node + 1));
    }
}
