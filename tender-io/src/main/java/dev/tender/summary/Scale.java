package dev.tender.summary;

import java.util.ArrayList;
import java.util.List;

/**
 * A value axis from zero with ticks at round steps: 1, 2, 2.5 or 5 times a power of ten, the
 * smallest such step that needs at most {@value #MOST} intervals to reach the largest value. The
 * top is the first tick at or above it. Counts take whole steps only (no 2.5 requests).
 */
record Scale(double step, int intervals) {

    private static final double[] ROUND = {1, 2, 2.5, 5};
    private static final int MOST = 6;

    static Scale of(double largest, boolean whole) {
        if (!(largest > 0)) {
            return new Scale(1, 1);
        }
        for (int exponent = (int) Math.floor(Math.log10(largest / MOST)); ; exponent++) {
            double power = Math.pow(10, exponent);
            for (double round : ROUND) {
                double step = round * power;
                if (whole && (step < 1 || step != Math.rint(step))) {
                    continue;
                }
                // A hair of tolerance: 3 x 0.1 is not quite 0.3 in binary.
                int intervals = Math.max(1, (int) Math.ceil(largest / step - 1e-9));
                if (intervals <= MOST) {
                    return new Scale(step, intervals);
                }
            }
        }
    }

    double top() {
        return step * intervals;
    }

    List<Double> ticks() {
        List<Double> ticks = new ArrayList<>();
        for (int i = 0; i <= intervals; i++) {
            ticks.add(step * i);
        }
        return ticks;
    }
}
