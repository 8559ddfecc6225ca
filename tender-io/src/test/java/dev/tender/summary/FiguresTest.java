package dev.tender.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FiguresTest {

    @ParameterizedTest(name = "{0} is written {1}")
    @CsvSource({
        "0, 0",
        "24, 24",
        "999, 999",
        "1000, 1k",
        "4904, 4.9k",
        "12500, 12.5k",
        "144526, 145k",
        "999950, 1M",
        "2500000, 2.5M",
        "45645616, 45.6M",
        "595305294019, 595B",
        "1250000000000, 1.25T"
    })
    void threeSignificantDigitsWithASuffixPerThousand(long value, String written) {
        assertThat(Figures.compact(value)).isEqualTo(written);
    }

    @ParameterizedTest(name = "{0} USD is written {1}")
    @CsvSource({"0, $0", "9004955342.60, $9B", "108138602744, $108B", "16251366336.80, $16.3B", "5.5, $5.5"})
    void dollarsFollowTheSameRule(String amount, String written) {
        assertThat(Figures.dollars(new BigDecimal(amount))).isEqualTo(written);
    }

    @ParameterizedTest
    @CsvSource({"0.20889283211776571, 20.9%", "1.981, 198.1%", "0, 0.0%"})
    void percentagesHaveOneDecimal(double fraction, String written) {
        assertThat(Figures.percent(fraction)).isEqualTo(written);
    }

    @ParameterizedTest
    @CsvSource({"2025-01-21T00:00:00Z, 21 Jan 2025", "2027-06-10T23:59:59Z, 10 Jun 2027"})
    void datesAreDayMonthYearInUtc(String instant, String written) {
        assertThat(Figures.date(Instant.parse(instant))).isEqualTo(written);
    }
}
