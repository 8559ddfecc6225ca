package dev.tender.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

    @Test
    void holdsDollarsAsWholeMicros() {
        assertThat(Money.ofDollars("6.00").micros()).isEqualTo(6_000_000L);
        assertThat(Money.ofDollars("9.475").micros()).isEqualTo(9_475_000L);
        assertThat(Money.ofDollars("0.000001").micros()).isEqualTo(1L);
        assertThat(Money.ofDollars(11).micros()).isEqualTo(11_000_000L);
        assertThat(Money.ofDollars(new BigDecimal("50000000000")).micros()).isEqualTo(50_000_000_000_000_000L);
    }

    @Test
    void refusesFractionsOfAMicroDollar() {
        assertThatThrownBy(() -> Money.ofDollars("0.0000001")).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofDollars("10000000000000")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void equalAmountsAreEqualWhateverTheScaleTheyWereWrittenIn() {
        assertThat(Money.ofDollars("6")).isEqualTo(Money.ofDollars("6.000000"));
        assertThat(Money.ofDollars("6").dollars()).isEqualByComparingTo("6");
        assertThat(Money.ofDollars("6").dollars().scale()).isEqualTo(6);
    }

    @Test
    void printsPlainDollarsWithAtLeastTwoDecimals() {
        assertThat(Money.ofDollars("6")).hasToString("6.00");
        assertThat(Money.ofDollars("9.475")).hasToString("9.475");
        assertThat(Money.ofDollars("9.5")).hasToString("9.50");
        assertThat(Money.ofDollars("0.000001")).hasToString("0.000001");
        assertThat(Money.ofDollars("0.05")).hasToString("0.05");
        assertThat(Money.ofDollars("-1.5")).hasToString("-1.50");
        assertThat(Money.ofDollars("-0.000120")).hasToString("-0.00012");
        assertThat(Money.ZERO).hasToString("0.00");
        assertThat(Money.ofDollars("1234567.890123")).hasToString("1234567.890123");
        StringBuilder out = new StringBuilder("cost ");
        Money.ofDollars("12.3").appendTo(out);
        assertThat(out).hasToString("cost 12.30");
    }

    @Test
    void arithmeticIsExact() {
        Money price = Money.ofDollars("9.475");
        assertThat(price.times(20_000).times(720)).isEqualTo(Money.ofDollars("136440000"));
        assertThat(price.plus(Money.ofDollars("0.525"))).isEqualTo(Money.ofDollars(10));
        assertThat(price.minus(Money.ofDollars(10))).isEqualTo(Money.ofDollars("-0.525"));
        assertThatThrownBy(() -> Money.ofDollars(9_000_000_000_000L).times(2)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new Money(Long.MAX_VALUE).plus(new Money(1))).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void scalingRoundsHalfUpToTheMicro() {
        assertThat(new Money(3).scaled(0.5)).isEqualTo(new Money(2));
        assertThat(new Money(5).scaled(0.5)).isEqualTo(new Money(3));
        assertThat(Money.ofDollars(10).scaled(1 / 3.0)).isEqualTo(new Money(3_333_333));
        assertThat(Money.ofDollars("6.00").scaled(0.9)).isEqualTo(Money.ofDollars("5.40"));
    }

    @Test
    void comparesByAmount() {
        Money five = Money.ofDollars(5);
        Money six = Money.ofDollars(6);
        assertThat(six.exceeds(five)).isTrue();
        assertThat(five.exceeds(six)).isFalse();
        assertThat(five.exceeds(Money.ofDollars("5.00"))).isFalse();
        assertThat(Money.min(six, five)).isSameAs(five);
        assertThat(Money.min(five, Money.ofDollars(5))).isSameAs(five);
        assertThat(five.compareTo(six)).isNegative();
        assertThat(five.isPositive()).isTrue();
        assertThat(Money.ZERO.isPositive()).isFalse();
        assertThat(Money.ofDollars("-1").isPositive()).isFalse();
    }

    @Test
    void sumsBeyondTheRangeOfOneMoney() {
        MoneySum sum = new MoneySum();
        assertThat(sum.isZero()).isTrue();
        Money big = new Money(Long.MAX_VALUE / 2);
        for (int i = 0; i < 4; i++) {
            sum.add(big);
        }
        assertThat(sum.dollars())
                .isEqualByComparingTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)
                        .multiply(BigDecimal.valueOf(4))
                        .movePointLeft(6));
    }

    @Test
    void sumsCarryMicrosIntoDollarsBothWays() {
        MoneySum sum = new MoneySum();
        sum.add(Money.ofDollars("0.700001"));
        sum.add(Money.ofDollars("0.700002"));
        assertThat(sum.dollars()).isEqualByComparingTo("1.400003");
        sum.add(Money.ofDollars("-2.5"));
        assertThat(sum.dollars()).isEqualByComparingTo("-1.099997");
        sum.add(Money.ofDollars("1.099997"));
        assertThat(sum.isZero()).isTrue();
        assertThat(sum.dollars()).isEqualByComparingTo("0");
    }
}
