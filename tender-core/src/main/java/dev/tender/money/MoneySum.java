package dev.tender.money;

import java.math.BigDecimal;

/**
 * A running total of many {@link Money} amounts. Whole dollars and the micro-dollar remainder are
 * kept apart so that a world's total spend cannot overflow, however long the simulation.
 */
public final class MoneySum {

    private static final long PER_DOLLAR = 1_000_000L;
    private long dollars;
    private long micros;

    public void add(Money amount) {
        dollars += amount.micros() / PER_DOLLAR;
        micros += amount.micros() % PER_DOLLAR;
        if (micros >= PER_DOLLAR || micros <= -PER_DOLLAR) {
            dollars += micros / PER_DOLLAR;
            micros %= PER_DOLLAR;
        }
    }

    public BigDecimal dollars() {
        return BigDecimal.valueOf(dollars).add(BigDecimal.valueOf(micros, 6));
    }

    public boolean isZero() {
        return dollars == 0 && micros == 0;
    }
}
