package dev.tender.summary;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The report's one way of writing a number and a date, in tables, labels and ticks alike: three
 * significant digits with k, M, B or T for thousands, millions, billions and trillions
 * ({@code 45.6M}, {@code $595B}, {@code 24}), and dates as {@code 21 Jan 2025} (UTC). The exact
 * figures are in {@code summary.json}; a report is read for proportions.
 */
final class Figures {

    /** Stated at the top of the report, so the reader knows the rule. */
    static final String RULE = "Figures are rounded to three significant digits: k thousand, M million,"
            + " B billion, T trillion; summary.json has them exact. Dates are UTC.";

    private static final MathContext THREE_DIGITS = new MathContext(3, RoundingMode.HALF_UP);
    private static final String[] SUFFIXES = {"", "k", "M", "B", "T"};
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private Figures() {}

    static String compact(long value) {
        return compact(BigDecimal.valueOf(value));
    }

    static String compact(double value) {
        return compact(BigDecimal.valueOf(value));
    }

    static String compact(BigDecimal value) {
        if (value.signum() == 0) {
            return "0";
        }
        // Rounded first, so 999,950 becomes 1M rather than 1000k.
        BigDecimal rounded = value.round(THREE_DIGITS);
        int thousands = 0;
        while (thousands < SUFFIXES.length - 1 && rounded.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
            rounded = rounded.movePointLeft(3);
            thousands++;
        }
        return plain(rounded) + SUFFIXES[thousands];
    }

    static String dollars(BigDecimal value) {
        return "$" + compact(value);
    }

    /** A fraction as a percentage with one decimal: {@code 0.209 -> 20.9%}. */
    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", fraction * 100);
    }

    static String percent(long part, long whole) {
        return whole == 0 ? "-" : percent((double) part / whole);
    }

    static String date(Instant instant) {
        return DATE.format(instant);
    }

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
