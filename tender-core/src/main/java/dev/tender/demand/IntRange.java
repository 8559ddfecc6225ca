package dev.tender.demand;

/** A whole number drawn uniformly from {@code [min, max]}; a fixed value when both are equal. */
public record IntRange(int min, int max) {

    public IntRange {
        if (min <= 0 || max < min) {
            throw new IllegalArgumentException(
                    "range must be positive with min <= max, not [" + min + ", " + max + "]");
        }
    }

    public static IntRange exactly(int value) {
        return new IntRange(value, value);
    }

    @Override
    public String toString() {
        return min == max ? Integer.toString(min) : "[" + min + ", " + max + "]";
    }
}
