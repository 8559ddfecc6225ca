package dev.tender.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tender.money.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiguresTest {

    @ParameterizedTest
    @CsvSource({
        "0, 0",
        "7, 7",
        "999, 999",
        "1000, '1,000'",
        "42767, '42,767'",
        "100000, '100,000'",
        "-1234567, '-1,234,567'",
        "9223372036854775807, '9,223,372,036,854,775,807'",
        "-9223372036854775808, '-9,223,372,036,854,775,808'"
    })
    void wholeNumbersAreGroupedByThousands(long value, String text) {
        assertThat(Figures.whole(value)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"0, 0.00", "9.475, 9.475", "434558341.8, '434,558,341.80'", "-0.5, -0.50", "-1234.5, '-1,234.50'"})
    void dollarsKeepTheirDecimals(String dollars, String text) {
        assertThat(Figures.dollars(Money.ofDollars(dollars))).isEqualTo(text);
    }
}
