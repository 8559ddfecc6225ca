package dev.tender.demand;

import java.util.Map;
import java.util.Objects;

/**
 * Demand made larger or smaller after it is drawn: every request's units times {@code everyRequest}
 * (the trace's too), and a generator's times its own factor as well. Scaling what was drawn, not
 * the generators' ranges, keeps the draws of a seed the same, so a scaled world meets the very
 * requests of the unscaled one, each asking for more or fewer units.
 *
 * @param everyRequest positive
 * @param byGenerator positive factors by generator id
 */
public record DemandScale(double everyRequest, Map<GeneratorId, Double> byGenerator) {

    /** Demand as drawn. */
    public static final DemandScale NONE = new DemandScale(1.0, Map.of());

    /** The largest factor: a hundred times the demand is already another world. */
    public static final double MAX_FACTOR = 100.0;

    public DemandScale {
        requireFactor(everyRequest, "everyRequest");
        byGenerator = Map.copyOf(byGenerator);
        byGenerator.forEach((id, factor) -> requireFactor(factor, "generator " + id));
    }

    private static void requireFactor(double factor, String what) {
        if (!(factor > 0 && factor <= MAX_FACTOR)) {
            throw new IllegalArgumentException(
                    what + ": a factor must be above 0 and at most " + MAX_FACTOR + ", not " + factor);
        }
    }

    public boolean isNone() {
        return everyRequest == 1.0 && byGenerator.values().stream().allMatch(f -> f == 1.0);
    }

    /** {@code units} of a request of {@code generator}, scaled and rounded, at least 1. */
    public int units(int units, GeneratorId generator) {
        Objects.requireNonNull(generator, "generator");
        return scaled(units, everyRequest * byGenerator.getOrDefault(generator, 1.0));
    }

    /** {@code units} of a request of the trace, scaled and rounded, at least 1. */
    public int traceUnits(int units) {
        return scaled(units, everyRequest);
    }

    private static int scaled(int units, double factor) {
        if (factor == 1.0) {
            return units;
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(units * factor)));
    }
}
