package dev.tender.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScaleTest {

    @ParameterizedTest(name = "{0} ({1}): ticks every {2} up to {3}")
    @CsvSource({
        "320, true, 100, 400",
        "9300000, true, 2000000, 10000000",
        "1270000, true, 250000, 1500000",
        "99059673182, true, 20000000000, 100000000000",
        "150, true, 25, 150",
        "3, true, 1, 3",
        "1, true, 1, 1",
        "0, true, 1, 1",
        "0.3, false, 0.05, 0.3",
        "7, false, 2, 8"
    })
    void ticksAtRoundStepsFromZeroToTheFirstAtOrAboveTheLargestValue(
            double largest, boolean whole, double step, double top) {
        Scale scale = Scale.of(largest, whole);

        assertThat(scale.step()).isEqualTo(step, within(1e-9));
        assertThat(scale.top()).isEqualTo(top, within(1e-6));
        assertThat(scale.ticks()).hasSizeBetween(2, 7).startsWith(0.0);
    }

    @ParameterizedTest
    @CsvSource({"1", "7", "13", "99", "640", "1001", "123456789"})
    void everyStepIsOneTwoTwoAndAHalfOrFiveTimesAPowerOfTen(double largest) {
        double step = Scale.of(largest, true).step();
        double mantissa = step / Math.pow(10, Math.floor(Math.log10(step)));

        assertThat(mantissa).isIn(1.0, 2.0, 2.5, 5.0);
    }
}
