package dev.tender.capacity;

/**
 * Free units per bucket of one pool, as a segment tree with lazy range additions. Each query and
 * update takes O(log n) and walks the tree without recursion: the engine asks it a few dozen
 * questions for every request. Buckets outside the grid count as having no capacity at all.
 *
 * <p>Node {@code p} covers a power-of-two run of buckets; leaves are {@code width..2*width-1}.
 * {@code min[p]} and {@code max[p]} hold the extremes of its run, short of the additions still
 * pending at its ancestors; {@code pending[p]} is an addition already counted in {@code p} but not
 * yet passed to its children.
 */
final class BucketTree {

    private final int size;
    private final int width;
    private final int height;
    private final long[] min;
    private final long[] max;
    private final long[] pending;
    private final int[] leftNodes;
    private final int[] rightNodes;
    /** How many of the nodes found by the last {@link #cover} are in {@code leftNodes}. */
    private int leftCount;

    BucketTree(long[] initial) {
        this.size = initial.length;
        int w = 1;
        int h = 0;
        while (w < size) {
            w <<= 1;
            h++;
        }
        this.width = w;
        this.height = h;
        this.min = new long[2 * w];
        this.max = new long[2 * w];
        this.pending = new long[w];
        this.leftNodes = new int[h + 1];
        this.rightNodes = new int[h + 1];
        for (int i = 0; i < size; i++) {
            min[w + i] = initial[i];
            max[w + i] = initial[i];
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
        push(lo);
        push(hi - 1);
        for (int l = lo, r = hi; l < r; l >>= 1, r >>= 1) {
            if ((l & 1) == 1) {
                apply(l++, delta);
            }
            if ((r & 1) == 1) {
                apply(--r, delta);
            }
        }
        rebuild(lo);
        rebuild(hi - 1);
    }

    /** The least free units over {@code [from, to)}; zero when the range leaves the grid. */
    long min(long from, long to) {
        if (from < 0 || to > size) {
            return 0;
        }
        if (from >= to) {
            return Long.MAX_VALUE;
        }
        int count = cover((int) from, (int) to);
        long least = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            least = Math.min(least, min[node(i, count)]);
        }
        return least;
    }

    /** The first bucket in {@code [from, to)} with fewer than {@code units} free, or -1. */
    int firstBelow(int from, int to, long units) {
        if (from >= to) {
            return -1;
        }
        int count = cover(from, to);
        for (int i = 0; i < count; i++) {
            int node = node(i, count);
            if (min[node] < units) {
                while (node < width) {
                    pushNode(node);
                    node = min[2 * node] < units ? 2 * node : 2 * node + 1;
                }
                return node - width;
            }
        }
        return -1;
    }

    /** The first bucket in {@code [from, to)} with at least {@code units} free, or -1. */
    int firstAtLeast(int from, int to, long units) {
        if (from >= to) {
            return -1;
        }
        int count = cover(from, to);
        for (int i = 0; i < count; i++) {
            int node = node(i, count);
            if (max[node] >= units) {
                while (node < width) {
                    pushNode(node);
                    node = max[2 * node] >= units ? 2 * node : 2 * node + 1;
                }
                return node - width;
            }
        }
        return -1;
    }

    /**
     * Finds the nodes that exactly cover {@code [from, to)}, after pushing every pending addition
     * above them, so that their own min and max are true. Returns how many there are; {@link
     * #node} gives them left to right.
     */
    private int cover(int from, int to) {
        int lo = from + width;
        int hi = to + width;
        push(lo);
        push(hi - 1);
        int left = 0;
        int right = 0;
        for (int l = lo, r = hi; l < r; l >>= 1, r >>= 1) {
            if ((l & 1) == 1) {
                leftNodes[left++] = l++;
            }
            if ((r & 1) == 1) {
                rightNodes[right++] = --r;
            }
        }
        leftCount = left;
        return left + right;
    }

    /** The {@code i}-th covering node from the left, of {@code count}. */
    private int node(int i, int count) {
        return i < leftCount ? leftNodes[i] : rightNodes[count - 1 - i];
    }

    /** Passes the additions pending on the path from the root down to leaf {@code leaf}. */
    private void push(int leaf) {
        for (int shift = height; shift > 0; shift--) {
            pushNode(leaf >> shift);
        }
    }

    private void pushNode(int node) {
        long delta = pending[node];
        if (delta != 0) {
            apply(2 * node, delta);
            apply(2 * node + 1, delta);
            pending[node] = 0;
        }
    }

    private void apply(int node, long delta) {
        min[node] += delta;
        max[node] += delta;
        if (node < width) {
            pending[node] += delta;
        }
    }

    /** Recomputes the ancestors of {@code leaf} from their children. */
    private void rebuild(int leaf) {
        for (int node = leaf >> 1; node >= 1; node >>= 1) {
            pull(node);
        }
    }

    private void pull(int node) {
        min[node] = Math.min(min[2 * node], min[2 * node + 1]) + pending[node];
        max[node] = Math.max(max[2 * node], max[2 * node + 1]) + pending[node];
    }
}
