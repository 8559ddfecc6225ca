package dev.tender.capacity;

/**
 * The least and the greatest of a row of slots, as a segment tree: the least over a range, and
 * the first slot above or below a level, in O(log n), walking bottom-up through the nodes near
 * the range.
 *
 * <p>Node {@code p} covers a power-of-two run of slots; leaves are {@code width..2*width-1}. Its
 * min and max sit side by side at {@code 2p} and {@code 2p+1} of one array of ints.
 */
final class MinMaxTree {

    private final int width;
    private final int[] nodes;
    /** Scratch space for the nodes that cover a range, right side, in the order they are found. */
    private final int[] rightNodes;

    MinMaxTree(int slots) {
        int w = 1;
        int height = 0;
        while (w < slots) {
            w <<= 1;
            height++;
        }
        this.width = w;
        this.nodes = new int[2 * 2 * w];
        this.rightNodes = new int[height + 1];
    }

    /** Sets one slot; the nodes above it are stale until {@link #pullAbove} covers it. */
    void set(int slot, int least, int greatest) {
        nodes[2 * (slot + width)] = least;
        nodes[2 * (slot + width) + 1] = greatest;
    }

    /**
     * Brings the nodes above slots {@code [from, to]} up to date, level by level, and stops at the
     * first level where none changed: the levels above it cannot change either.
     */
    void pullAbove(int from, int to) {
        boolean changed = true;
        for (int lo = (from + width) >> 1, hi = (to + width) >> 1; lo >= 1 && changed; lo >>= 1, hi >>= 1) {
            changed = false;
            for (int node = lo; node <= hi; node++) {
                int least = Math.min(min(2 * node), min(2 * node + 1));
                int greatest = Math.max(max(2 * node), max(2 * node + 1));
                changed |= least != min(node) || greatest != max(node);
                nodes[2 * node] = least;
                nodes[2 * node + 1] = greatest;
            }
        }
    }

    /** The least over slots {@code [from, to)}; {@code Long.MAX_VALUE} when the range is empty. */
    long min(int from, int to) {
        long least = Long.MAX_VALUE;
        for (int l = from + width, r = to + width; l < r; l >>= 1, r >>= 1) {
            if ((l & 1) == 1) {
                least = Math.min(least, min(l++));
            }
            if ((r & 1) == 1) {
                least = Math.min(least, min(--r));
            }
        }
        return least;
    }

    /** The first slot in {@code [from, to)} whose least is below {@code level}, or -1. */
    int firstBelow(int from, int to, long level) {
        return first(from, to, level, true);
    }

    /** The first slot in {@code [from, to)} whose greatest is at least {@code level}, or -1. */
    int firstAtLeast(int from, int to, long level) {
        return first(from, to, level, false);
    }

    /**
     * Goes through the nodes that cover the range from left to right; in the first that holds a
     * match, goes down to the leftmost matching slot.
     */
    private int first(int from, int to, long level, boolean below) {
        int right = 0;
        for (int l = from + width, r = to + width; l < r; l >>= 1, r >>= 1) {
            if ((l & 1) == 1) {
                if (matches(l, level, below)) {
                    return descend(l, level, below);
                }
                l++;
            }
            if ((r & 1) == 1) {
                rightNodes[right++] = --r;
            }
        }
        for (int i = right - 1; i >= 0; i--) {
            if (matches(rightNodes[i], level, below)) {
                return descend(rightNodes[i], level, below);
            }
        }
        return -1;
    }

    private boolean matches(int node, long level, boolean below) {
        return below ? min(node) < level : max(node) >= level;
    }

    private int descend(int node, long level, boolean below) {
        while (node < width) {
            node = matches(2 * node, level, below) ? 2 * node : 2 * node + 1;
        }
        return node - width;
    }

    private int min(int node) {
        return nodes[2 * node];
    }

    private int max(int node) {
        return nodes[2 * node + 1];
    }
}
