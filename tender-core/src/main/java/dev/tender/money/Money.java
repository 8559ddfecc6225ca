package dev.tender.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * US dollars, held exactly as whole micro-dollars so that prices and costs add up without
 * floating-point drift. A unit price has at most six decimals; a cost is units x hours x price.
 */
public record Money(long micros) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);
    private static final long PER_DOLLAR = 1_000_000L;

    public static Money ofDollars(BigDecimal dollars) {
        return new Money(
                dollars.movePointRight(6).setScale(0, RoundingMode.UNNECESSARY).longValueExact());
    }

    public static Money ofDollars(String dollars) {
        return ofDollars(new BigDecimal(dollars));
    }

    public static Money ofDollars(long dollars) {
        return new Money(Math.multiplyExact(dollars, PER_DOLLAR));
    }

    public BigDecimal dollars() {
        return BigDecimal.valueOf(micros, 6);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(micros, other.micros));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(micros, other.micros));
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(micros, factor));
    }

    /** This amount scaled by {@code fraction}, rounded half-up to the micro-dollar. */
    public Money scaled(double fraction) {
        return new Money(Math.round(micros * fraction));
    }

    public boolean isPositive() {
        return micros > 0;
    }

    public boolean exceeds(Money other) {
        return micros > other.micros;
    }

    public static Money min(Money a, Money b) {
        return a.micros <= b.micros ? a : b;
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(micros, other.micros);
    }

    /** Plain decimal dollars, at least two decimals: {@code 6.00}, {@code 9.475}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(24);
        appendTo(text);
        return text.toString();
    }

    public void appendTo(StringBuilder out) {
        long value = micros;
        if (value < 0) {
            out.append('-');
            value = -value;
        }
        out.append(value / PER_DOLLAR).append('.');
        long fraction = value % PER_DOLLAR;
        int digits = 6;
        while (digits > 2 && fraction % 10 == 0) {
            fraction /= 10;
            digits--;
        }
        String text = Long.toString(fraction);
        for (int pad = digits - text.length(); pad > 0; pad--) {
            out.append('0');
        }
        out.append(text);
    }
}
