package dev.tender.compare;

import java.util.Objects;

/**
 * The mean of a figure over runs and a 90 % confidence interval for it: mean ± t × s / √n, with s
 * the runs' sample standard deviation and t Student's 95th percentile for n − 1 degrees of freedom.
 * A difference to the base is the estimate of the runs' paired differences (variant's run k minus
 * the base's run k, the same demand in both), which cancels what the draw adds to both.
 *
 * @param runs how many runs it rests on; with one run the interval is the mean itself
 */
public record Estimate(double mean, double low, double high, int runs) {

    /** Student's t, 95th percentile, for 1 to 30 degrees of freedom. */
    private static final double[] T95 = {
        6.314, 2.920, 2.353, 2.132, 2.015, 1.943, 1.895, 1.860, 1.833, 1.812, 1.796, 1.782, 1.771, 1.761, 1.753,
        1.746, 1.740, 1.734, 1.729, 1.725, 1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699, 1.697
    };

    private static final double Z95 = 1.6448536;

    public Estimate {
        if (runs < 1) {
            throw new IllegalArgumentException("an estimate rests on at least one run, not " + runs);
        }
    }

    /** The estimate of the mean of {@code values}, one per run. */
    public static Estimate of(double[] values) {
        Objects.requireNonNull(values, "values");
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("no runs to estimate from");
        }
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        double mean = sum / n;
        if (n == 1) {
            return new Estimate(mean, mean, mean, 1);
        }
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        double half = t95(n - 1) * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
        return new Estimate(mean, mean - half, mean + half, n);
    }

    /** The estimate of the paired differences {@code variant[k] - base[k]}. */
    public static Estimate ofDifferences(double[] variant, double[] base) {
        if (variant.length != base.length) {
            throw new IllegalArgumentException(
                    "paired runs: " + variant.length + " runs of the variant against " + base.length + " of the base");
        }
        double[] differences = new double[variant.length];
        for (int k = 0; k < variant.length; k++) {
            differences[k] = variant[k] - base[k];
        }
        return of(differences);
    }

    /** Student's t, 95th percentile; beyond 30 degrees of freedom, the Cornish-Fisher expansion's first term. */
    static double t95(int degreesOfFreedom) {
        if (degreesOfFreedom < 1) {
            throw new IllegalArgumentException("degrees of freedom must be at least 1, not " + degreesOfFreedom);
        }
        if (degreesOfFreedom <= T95.length) {
            return T95[degreesOfFreedom - 1];
        }
        return Z95 + (Z95 * Z95 * Z95 + Z95) / (4.0 * degreesOfFreedom);
    }

    /** Whether the interval leaves out zero: the difference is more than the runs' noise. */
    public boolean excludesZero() {
        return low > 0 || high < 0;
    }
}
