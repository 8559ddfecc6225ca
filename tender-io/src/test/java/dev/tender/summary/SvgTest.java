package dev.tender.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SvgTest {

    @Test
    void aCoordinateHasOneDecimalAndNoneWhenItIsWhole() {
        assertThat(Svg.number(12)).isEqualTo("12");
        assertThat(Svg.number(12.5)).isEqualTo("12.5");
        assertThat(Svg.number(12.04)).isEqualTo("12");
        assertThat(Svg.number(12.06)).isEqualTo("12.1");
        assertThat(Svg.number(0.96)).isEqualTo("1");
        assertThat(Svg.number(-0.5)).isEqualTo("-0.5");
        assertThat(Svg.number(-3.25)).isEqualTo("-3.2");
        assertThat(Svg.number(-0.04)).isEqualTo("0");
        assertThat(Svg.number(0)).isEqualTo("0");
    }

    @Test
    void aCoordinateReadsAsTheFormattedNumber() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            double value = (random.nextDouble() - 0.3) * 2_000;
            double formatted = Double.parseDouble(String.format(Locale.ROOT, "%.1f", value));
            assertThat(Double.parseDouble(Svg.number(value)))
                    .as("%s", value)
                    .isEqualTo(formatted == 0 ? 0.0 : formatted);
        }
    }

    @Test
    void textIsEscapedForAnAttributeOrAnElement() {
        assertThat(Svg.escape("a<b & \"c\">")).isEqualTo("a&lt;b &amp; &quot;c&quot;&gt;");
    }
}
