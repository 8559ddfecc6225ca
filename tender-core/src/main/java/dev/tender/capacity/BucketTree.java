package dev.tender.capacity;

/**
 * Free units per bucket of one pool, as a segment tree with range additions. Each query and
 * update takes O(log n), walks the tree without recursion and, for queries, without writing: the
 * engine asks a few dozen questions of many pools for every request, so the tree is built to be
 * read cheaply. Buckets outside the grid count as having no capacity at all.
 *
 * <p>Node {@code p} covers a power-of-two run of buckets; leaves are {@code width..2*width-1}.
 * An addition to a whole run is recorded once, at the run's node, and never pushed down: a node's
 * min and max include the additions recorded at the node and below, and its true extremes add
 * those recorded at its ancestors.
 */
final class BucketTree {

    private final int size;
    private final int width;
    /**
     * Node {@code p}'s min, max and recorded addition at {@code 3p}, {@code 3p+1} and {@code 3p+2}:
     * side by side, because every walk reads them together.
     */
    private final long[] nodes;
    /** The explicit stack of the searches: node, and the additions recorded above it. */
    private final int[] stackNodes;

    private final long[] stackAbove;

    BucketTree(long[] initial) {
        this.size = initial.length;
        int w = 1;
        int height = 0;
        while (w < size) {
            w <<= 1;
            height++;
        }
        this.width = w;
        this.nodes = new long[3 * 2 * w];
        this.stackNodes = new int[2 * height + 2];
        this.stackAbove = new long[2 * height + 2];
        for (int i = 0; i < size; i++) {
            nodes[3 * (w + i)] = initial[i];
            nodes[3 * (w + i) + 1] = initial[i];
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
        int lo = from + width;
        int hi = to + width;
        for (int l = lo, r = hi; l < r; l >>= 1, r >>= 1) {
            if ((l & 1) == 1) {
                record(l++, delta);
            }
            if ((r & 1) == 1) {
                record(--r, delta);
            }
        }
        // Only the ancestors of the two end buckets have children that changed.
        for (int node = lo >> 1; node >= 1; node >>= 1) {
            pull(node);
        }
        for (int node = (hi - 1) >> 1; node >= 1; node >>= 1) {
            pull(node);
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
        long left = Long.MAX_VALUE;
        long right = Long.MAX_VALUE;
        int l = (int) from + width;
        int r = (int) to + width;
        while (l < r) {
            if ((l & 1) == 1) {
                left = Math.min(left, min(l++));
            }
            if ((r & 1) == 1) {
                right = Math.min(right, min(--r));
            }
            l >>= 1;
            r >>= 1;
            // Everything taken so far on the left lies under node l-1, on the right under node r.
            if (left != Long.MAX_VALUE && l > 1) {
                left += recorded(l - 1);
            }
            if (right != Long.MAX_VALUE) {
                right += recorded(r);
            }
        }
        for (int node = (l - 1) >> 1; node >= 1 && left != Long.MAX_VALUE; node >>= 1) {
            left += recorded(node);
        }
        for (int node = r >> 1; node >= 1 && right != Long.MAX_VALUE; node >>= 1) {
            right += recorded(node);
        }
        return Math.min(left, right);
    }

    /** The first bucket in {@code [from, to)} with fewer than {@code units} free, or -1. */
    int firstBelow(int from, int to, long units) {
        return first(from, to, units, true);
    }

    /** The first bucket in {@code [from, to)} with at least {@code units} free, or -1. */
    int firstAtLeast(int from, int to, long units) {
        return first(from, to, units, false);
    }

    /** A depth-first search, left to right, that skips every run that cannot hold the answer. */
    private int first(int from, int to, long units, boolean below) {
        if (from >= to) {
            return -1;
        }
        int depth = 0;
        stackNodes[0] = 1;
        stackAbove[0] = 0;
        depth++;
        while (depth > 0) {
            depth--;
            int node = stackNodes[depth];
            long above = stackAbove[depth];
            int level = 31 - Integer.numberOfLeadingZeros(node);
            int runLength = width >> level;
            int runStart = (node - (1 << level)) * runLength;
            if (runStart >= to || runStart + runLength <= from) {
                continue;
            }
            boolean candidate = below ? min(node) + above < units : max(node) + above >= units;
            if (!candidate) {
                continue;
            }
            if (node >= width) {
                return node - width;
            }
            long belowAbove = above + recorded(node);
            stackNodes[depth] = 2 * node + 1;
            stackAbove[depth++] = belowAbove;
            stackNodes[depth] = 2 * node;
            stackAbove[depth++] = belowAbove;
        }
        return -1;
    }

    private void record(int node, long delta) {
        int at = 3 * node;
        nodes[at] += delta;
        nodes[at + 1] += delta;
        if (node < width) {
            nodes[at + 2] += delta;
        }
    }

    private long min(int node) {
        return nodes[3 * node];
    }

    private long max(int node) {
        return nodes[3 * node + 1];
    }

    private long recorded(int node) {
        return nodes[3 * node + 2];
    }

    private void pull(int node) {
        long recorded = recorded(node);
        nodes[3 * node] = Math.min(min(2 * node), min(2 * node + 1)) + recorded;
        nodes[3 * node + 1] = Math.max(max(2 * node), max(2 * node + 1)) + recorded;
    }
}
