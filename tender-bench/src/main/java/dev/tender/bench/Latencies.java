package dev.tender.bench;

import java.util.Arrays;

/** Durations in nanoseconds, appended by one thread, then merged and read as percentiles (nearest rank). */
final class Latencies {

    private long[] values = new long[1 << 14];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    /** Every value of {@code parts}, sorted. */
    static Latencies merged(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.values[i]);
            }
        }
        Arrays.sort(all.values, 0, all.size);
        return all;
    }

    /** The value of rank ceil(q n) in a merged (sorted) set, in milliseconds; NaN when empty. */
    double millis(double q) {
        if (size == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(q * size);
        return values[Math.max(0, Math.min(size, rank) - 1)] / 1e6;
    }
}
