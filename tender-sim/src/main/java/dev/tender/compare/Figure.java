package dev.tender.compare;

import java.util.Objects;

/**
 * One figure a run comes to, named as {@code compare.csv} names it ({@code cost}, {@code
 * units.azure}, {@code unmet.no-capacity}, {@code rofr.azure-rofr.lapsed}), with its unit.
 */
public record Figure(String name, String unit) {

    public static final String DOLLARS = "USD";
    public static final String UNITS = "units";

    public Figure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
    }
}
